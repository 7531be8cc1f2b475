import { z } from 'zod';

/**
 * Zod compiles fast object parsers with `new Function`, after probing whether eval is allowed.
 * The console's Content-Security-Policy forbids eval, so the probe only produced a
 * `securitypolicyviolation`; parse without eval from the start. Imported first by main.tsx,
 * before any schema is built (object schemas read the setting when they are created).
 */
z.config({ jitless: true });
