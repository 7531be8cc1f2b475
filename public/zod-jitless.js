// Zod builds fast parsers with `new Function`, after probing whether eval is allowed. The
// console's Content-Security-Policy forbids eval, so the probe only raised a
// `securitypolicyviolation`. This classic script runs before any module of the app, so every
// schema is built without eval (a module could not guarantee that: the bundler evaluates the
// chunk holding zod and the contract before the entry's own code).
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
