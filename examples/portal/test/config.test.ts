import { describe, expect, it } from 'vitest';
import { defaultDataDir, readConfig } from '../src/config.js';
import { isLoopback, unsafeConfigReason } from '../src/config-check.js';
import { parseRateLimit } from '../src/config-limits.js';

describe('readConfig', () => {
  it('defaults to port 3000 on loopback, the data directory, demo mode and a 5 s worker', () => {
    expect(readConfig([], {})).toEqual({
      port: 3000,
      hostname: '127.0.0.1',
      dataDir: defaultDataDir,
      demo: true,
      tokenSecret: 'reshaem-demo',
      workerIntervalMs: 5000,
      unattachedUploadMs: 24 * 60 * 60_000,
      sessionTtlSeconds: 12 * 60 * 60,
      production: false,
      formBodyBytes: 256 * 1024,
      server: {
        headersTimeoutMs: 10_000,
        requestTimeoutMs: 30_000,
        keepAliveTimeoutMs: 5_000,
        maxConnections: 1_000,
      },
      rateLimits: {
        signInPerAddress: { limit: 20, windowMs: 60_000 },
        signInPerAccount: { limit: 10, windowMs: 60_000 },
        submitPerUser: { limit: 20, windowMs: 3_600_000 },
        submitPerAddress: { limit: 120, windowMs: 3_600_000 },
        open311PerPartner: { limit: 1000, windowMs: 3_600_000 },
      },
      trustProxy: 0,
      secureCookies: false,
      open311: { enabled: true, contact: '', partners: [] },
      map: {},
    });
    expect(defaultDataDir).toMatch(/examples[/\\]portal[/\\]\.data[/\\]portal$/);
  });

  it('reads the environment, and flags win over it', () => {
    const env = {
      PORT: '8080',
      RESHAEM_DATA_DIR: '/tmp/x',
      RESHAEM_DEMO: '0',
      RESHAEM_TOKEN_SECRET: 's',
    };
    expect(readConfig([], env)).toMatchObject({
      port: 8080,
      dataDir: '/tmp/x',
      demo: false,
      tokenSecret: 's',
    });
    expect(readConfig(['--port', '0', '--memory'], env)).toMatchObject({ port: 0, dataDir: null });
    expect(readConfig(['--port=4000', '--no-demo', '--data-dir=/tmp/y'], {})).toMatchObject({
      port: 4000,
      demo: false,
      dataDir: '/tmp/y',
    });
    expect(readConfig([], { RESHAEM_MEMORY: 'true' }).dataDir).toBeNull();
  });

  it('refuses a port that is not one', () => {
    expect(() => readConfig([], { PORT: 'http' })).toThrow(/PORT must be a number/);
  });

  it('reads the session length, the limits, the timeouts and the trusted proxies', () => {
    const config = readConfig([], {
      RESHAEM_SESSION_HOURS: '0.5',
      RESHAEM_FORM_BODY_BYTES: '65536',
      RESHAEM_HEADERS_TIMEOUT_MS: '2000',
      RESHAEM_REQUEST_TIMEOUT_MS: '4000',
      RESHAEM_KEEP_ALIVE_TIMEOUT_MS: '1000',
      RESHAEM_MAX_CONNECTIONS: '50',
      RESHAEM_RATE_SIGN_IN_ADDRESS: '5/30s',
      RESHAEM_RATE_SUBMIT_USER: 'off',
      RESHAEM_TRUST_PROXY: '1',
      NODE_ENV: 'production',
    });
    expect(config).toMatchObject({
      sessionTtlSeconds: 1800,
      formBodyBytes: 65_536,
      server: {
        headersTimeoutMs: 2000,
        requestTimeoutMs: 4000,
        keepAliveTimeoutMs: 1000,
        maxConnections: 50,
      },
      trustProxy: 1,
      production: true,
      secureCookies: true,
    });
    expect(
      readConfig([], { NODE_ENV: 'production', RESHAEM_SECURE_COOKIES: '0' }).secureCookies,
    ).toBe(false);
    expect(readConfig([], { RESHAEM_SECURE_COOKIES: 'on' }).secureCookies).toBe(true);
    expect(config.rateLimits.signInPerAddress).toEqual({ limit: 5, windowMs: 30_000 });
    expect(config.rateLimits.submitPerUser).toBeNull();
    expect(config.rateLimits.submitPerAddress).toEqual({ limit: 120, windowMs: 3_600_000 });
    expect(() => readConfig([], { RESHAEM_MAX_CONNECTIONS: '0' })).toThrow(
      /RESHAEM_MAX_CONNECTIONS must be a whole number of at least 1/,
    );
    expect(() => readConfig([], { RESHAEM_SESSION_HOURS: 'forever' })).toThrow(
      /RESHAEM_SESSION_HOURS/,
    );
    for (const bad of ['20', '20/1d', '0/1m', '20/0s', 'many/1h']) {
      expect(() => parseRateLimit(bad, 'X')).toThrow(/X must look like 20\/1m/);
    }
    expect(parseRateLimit('3/2h', 'X')).toEqual({ limit: 3, windowMs: 7_200_000 });
  });
});

describe('the safety check at start-up', () => {
  const demo = { hostname: '127.0.0.1', production: false, tokenSecret: 'reshaem-demo' };
  const secret = 'k3Jq9vQ2xL0pZr8sT4wY';

  it('lets the demo secret serve only on loopback and outside production', () => {
    expect(unsafeConfigReason(demo)).toBeNull();
    expect(unsafeConfigReason({ ...demo, hostname: 'localhost' })).toBeNull();
    expect(unsafeConfigReason({ ...demo, hostname: '::1' })).toBeNull();
    for (const hostname of ['0.0.0.0', '::', '', '192.168.1.10', 'portal.example.ru']) {
      const reason = unsafeConfigReason({ ...demo, hostname });
      expect(reason).toMatch(/^Refusing to start: the token secret is the well-known default/);
      expect(reason).toContain('set RESHAEM_TOKEN_SECRET');
      expect(reason).not.toContain('\n');
    }
    expect(unsafeConfigReason({ ...demo, production: true })).toMatch(/NODE_ENV is production/);
  });

  it('accepts a long secret anywhere, and refuses a short one off loopback', () => {
    expect(
      unsafeConfigReason({ hostname: '0.0.0.0', production: true, tokenSecret: secret }),
    ).toBeNull();
    expect(unsafeConfigReason({ ...demo, hostname: '0.0.0.0', tokenSecret: 'short' })).toMatch(
      /shorter than 16 characters/,
    );
    expect(unsafeConfigReason({ ...demo, tokenSecret: 'short' })).toBeNull();
  });

  it('knows loopback addresses', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', '::1', '[::1]']) {
      expect(isLoopback(host), host).toBe(true);
    }
    for (const host of ['0.0.0.0', '::', '10.0.0.1', '128.0.0.1', '127.0.0.1.evil.example']) {
      expect(isLoopback(host), host).toBe(false);
    }
  });
});
