import { describe, expect, it } from 'vitest';
import { tenantFromEnv } from './config';

describe('tenantFromEnv', () => {
  it('is the sandbox (null) when neither the URL nor the key is set', () => {
    expect(tenantFromEnv({})).toBeNull();
    expect(tenantFromEnv({ EJENTO_API_URL: ' ', EJENTO_API_KEY: '' })).toBeNull();
  });

  it('is the tenant when both are set', () => {
    expect(
      tenantFromEnv({ EJENTO_API_URL: 'https://tenant.example.com/ ', EJENTO_API_KEY: ' k-1 ' }),
    ).toEqual({
      baseUrl: 'https://tenant.example.com/',
      apiKey: 'k-1',
    });
  });

  it('refuses one without the other, or a URL that is not http(s), naming what is wrong', () => {
    expect(() => tenantFromEnv({ EJENTO_API_URL: 'https://tenant.example.com' })).toThrow(
      'EJENTO_API_URL is set but EJENTO_API_KEY is not',
    );
    expect(() => tenantFromEnv({ EJENTO_API_KEY: 'k-1' })).toThrow(
      'EJENTO_API_KEY is set but EJENTO_API_URL is not',
    );
    expect(() => tenantFromEnv({ EJENTO_API_URL: 'tenant.example.com', EJENTO_API_KEY: 'k-1' })).toThrow(
      'EJENTO_API_URL is not a URL',
    );
    expect(() =>
      tenantFromEnv({ EJENTO_API_URL: 'ftp://tenant.example.com', EJENTO_API_KEY: 'k-1' }),
    ).toThrow('must be an http(s) URL');
  });

  it('refuses a URL the proxy could not append paths to, or one that already names the API', () => {
    const tenant = (url: string) => () => tenantFromEnv({ EJENTO_API_URL: url, EJENTO_API_KEY: 'k-1' });
    for (const url of [
      'https://tenant.example.com/?code=abc',
      'https://tenant.example.com/#api',
      // Empty, they would swallow every path all the same.
      'https://tenant.example.com/?',
      'https://tenant.example.com/#',
      'https://ops:s3cret@tenant.example.com',
    ]) {
      expect(tenant(url)).toThrow('must be the tenant’s address alone');
    }
    // Credentials in the URL are never repeated in the log, whatever else is wrong with it.
    for (const url of [
      'https://ops:s3cret@tenant.example.com',
      'ftp://ops:s3cret@tenant.example.com',
      'https://ops:s3cret@tenant example.com',
      // The URL parser reads these as credentials too.
      'https:/ops:s3cret@tenant.example.com',
      'https:ops:s3cret@tenant.example.com',
      'https:\\ops:s3cret@tenant.example.com',
      'ops:s3cret@tenant.example.com',
    ]) {
      expect(tenant(url)).toThrow();
      expect(tenant(url)).not.toThrow('s3cret');
    }
    for (const url of [
      'https://tenant.example.com/api/v2',
      'https://tenant.example.com/api/v2/',
      'https://gateway.example.com/northwind/auth-service/api/v2',
    ]) {
      expect(tenant(url)).toThrow('without /api/v2 or /auth-service');
    }
    expect(tenant('https://gateway.example.com/northwind/')).not.toThrow();
  });
});
