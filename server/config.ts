import { systemClock, type Clock } from './domain/time';

export interface ServerConfig {
  /** Lifetime of the platform token (`ejento_access_token`). */
  accessTokenTtlSeconds: number;
  /** Lifetime of the auth-service token (`access_token`), which only serves to refresh. */
  refreshTokenTtlSeconds: number;
  clock: Clock;
  /**
   * Tests only: called at the end of the publish and rollback transactions, after every write, so
   * a test can throw there and check that the transaction left nothing behind.
   */
  insideTransaction?: (operation: 'publish' | 'rollback', agentId: number) => void;
}

export const defaultConfig: ServerConfig = {
  accessTokenTtlSeconds: 3600,
  refreshTokenTtlSeconds: 28_800,
  clock: systemClock,
};

function positiveNumber(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`Expected a positive number of seconds, got "${raw}"`);
  return n;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    ...defaultConfig,
    accessTokenTtlSeconds: positiveNumber(env.ACCESS_TOKEN_TTL, defaultConfig.accessTokenTtlSeconds),
    refreshTokenTtlSeconds: positiveNumber(env.REFRESH_TOKEN_TTL, defaultConfig.refreshTokenTtlSeconds),
  };
}

/** A real tenant the console's server proxies to, instead of running the sandbox. */
export interface TenantConfig {
  baseUrl: string;
  apiKey: string;
}

/**
 * The tenant from `EJENTO_API_URL` and `EJENTO_API_KEY`; null when neither is set (the sandbox
 * runs). One without the other, or a URL that is not http(s), is a mistake to stop at: starting
 * the sandbox instead would show demo data to someone who believes they are on their tenant.
 */
export function tenantFromEnv(env: NodeJS.ProcessEnv = process.env): TenantConfig | null {
  const baseUrl = env.EJENTO_API_URL?.trim() ?? '';
  const apiKey = env.EJENTO_API_KEY?.trim() ?? '';
  if (baseUrl === '' && apiKey === '') return null;
  if (baseUrl === '')
    throw new Error(
      'EJENTO_API_KEY is set but EJENTO_API_URL is not: set both to use a tenant, neither for the sandbox.',
    );
  if (apiKey === '')
    throw new Error(
      'EJENTO_API_URL is set but EJENTO_API_KEY is not: set both to use a tenant, neither for the sandbox.',
    );
  // The proxy appends each request's path to the URL as written: a query or a fragment (even an
  // empty one: "https://tenant/?") would swallow that path, and fetch refuses a URL with
  // credentials, so every call would fail. No message here quotes the URL: it may hold a password.
  const alone =
    'EJENTO_API_URL must be the tenant’s address alone: no user name or password, query (?) or fragment (#).';
  if (/[?#@]/.test(baseUrl)) throw new Error(alone);
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error('EJENTO_API_URL is not a URL: set it to the tenant’s address, as https://host[/path].');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`EJENTO_API_URL must be an http(s) URL, not ${url.protocol}.`);
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '')
    throw new Error(alone);
  // Every sign-in would be a bare "Not Found" from the tenant, with nothing saying why.
  if (/\/(api\/v2|auth-service(\/api\/v2)?)\/*$/.test(url.pathname)) {
    throw new Error(
      `EJENTO_API_URL must be the tenant’s base URL, without /api/v2 or /auth-service (the console adds them), got "${baseUrl}".`,
    );
  }
  return { baseUrl, apiKey };
}
