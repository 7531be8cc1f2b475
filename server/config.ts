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
