import type { MiddlewareHandler } from 'hono';

/**
 * The production server's security headers. `worker-src blob:` is there because the diff viewer
 * computes in a Web Worker loaded from a blob: URL; `style-src 'unsafe-inline'` because Mantine
 * and emotion inject <style> elements at run time.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "worker-src 'self' blob:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

export interface SecurityHeaderOptions {
  contentSecurityPolicy?: string;
}

export function securityHeaders(options: SecurityHeaderOptions = {}): MiddlewareHandler {
  const csp = options.contentSecurityPolicy ?? CONTENT_SECURITY_POLICY;
  return async (c, next) => {
    await next();
    c.res.headers.set('Content-Security-Policy', csp);
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
    c.res.headers.set('Referrer-Policy', 'no-referrer');
  };
}
