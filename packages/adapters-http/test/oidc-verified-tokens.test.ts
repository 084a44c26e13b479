import type { Directory } from '@reshaem/core';
import { createDirectory } from '@reshaem/core';
import { demoCatalogue } from '@reshaem/core/testing';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOidcAuthenticate, type OidcAuthenticateOptions } from '../src/oidc.js';
import { API_AUDIENCE, type RunningProvider, signingKey, startProvider } from './oidc-provider.js';
import { directory } from './support.js';

/** Every signature check the adapter asks jose for, counted; jose still does the work. */
const checks = vi.hoisted(() => ({ count: 0 }));
vi.mock('jose', async (original) => {
  const jose = await original<typeof import('jose')>();
  return {
    ...jose,
    jwtVerify: (...args: Parameters<typeof jose.jwtVerify>) => {
      checks.count += 1;
      return jose.jwtVerify(...args);
    },
  };
});

let provider: RunningProvider;

beforeAll(async () => {
  provider = await startProvider(['coord-kam-roads', 'exec-kam-roads'], {
    keys: [await signingKey('key-a')],
  });
});
afterAll(async () => {
  await provider?.close();
});
beforeEach(() => {
  checks.count = 0;
});

const options = (extra: Partial<OidcAuthenticateOptions> = {}): OidcAuthenticateOptions => ({
  issuer: provider.issuer,
  audience: API_AUDIENCE,
  directory,
  ...extra,
});
const request = (token: string) =>
  new Request('http://api.test/messages', { headers: { authorization: `Bearer ${token}` } });

describe('a verified token sent again', () => {
  it('is not verified again: one signature check for many requests', async () => {
    const authenticate = createOidcAuthenticate(options());
    const token = await provider.token('coord-kam-roads');
    for (let i = 0; i < 5; i += 1) {
      expect((await authenticate(request(token)))?.id).toBe('coord-kam-roads');
    }
    expect(checks.count).toBe(1);
  });

  it('is verified every time with verifiedTokenCacheSize 0, and the cache keeps at most its size', async () => {
    const uncached = createOidcAuthenticate(options({ verifiedTokenCacheSize: 0 }));
    const token = await provider.token('coord-kam-roads');
    for (let i = 0; i < 3; i += 1) await uncached(request(token));
    expect(checks.count).toBe(3);

    checks.count = 0;
    const one = createOidcAuthenticate(options({ verifiedTokenCacheSize: 1 }));
    const other = await provider.token('exec-kam-roads');
    for (const t of [token, other, token, other]) await one(request(t));
    expect(checks.count).toBe(4);
    expect(() => createOidcAuthenticate(options({ verifiedTokenCacheSize: -1 }))).toThrow(
      RangeError,
    );
  });

  it('is refused once it expires, though remembered', async () => {
    const token = await provider.token('coord-kam-roads');
    const { exp } = decodeJwt(token) as { exp: number };
    let now = new Date((exp - 60) * 1000);
    const authenticate = createOidcAuthenticate(options({ now: () => now }));
    expect((await authenticate(request(token)))?.id).toBe('coord-kam-roads');
    now = new Date((exp + 29) * 1000);
    expect((await authenticate(request(token)))?.id).toBe('coord-kam-roads');
    expect(checks.count).toBe(1);
    now = new Date((exp + 31) * 1000);
    await expect(authenticate(request(token))).rejects.toMatchObject({
      description: expect.stringMatching(/expired/),
    });
  });

  it('is checked again once its verification is older than the key cache', async () => {
    const token = await provider.token('coord-kam-roads');
    const { iat } = decodeJwt(token) as { iat: number };
    let now = new Date(iat * 1000);
    const authenticate = createOidcAuthenticate(
      options({ now: () => now, keyCacheMaxAgeMs: 60_000 }),
    );
    await authenticate(request(token));
    now = new Date(iat * 1000 + 59_000);
    await authenticate(request(token));
    expect(checks.count).toBe(1);
    now = new Date(iat * 1000 + 60_000);
    await authenticate(request(token));
    expect(checks.count).toBe(2);
  });

  it('is refused once older than maxTokenAgeSeconds, though remembered', async () => {
    const token = await provider.token('coord-kam-roads');
    const { iat } = decodeJwt(token) as { iat: number };
    let now = new Date(iat * 1000);
    const authenticate = createOidcAuthenticate(
      options({ now: () => now, maxTokenAgeSeconds: 60, clockToleranceSeconds: 0 }),
    );
    await authenticate(request(token));
    now = new Date((iat + 61) * 1000);
    await expect(authenticate(request(token))).rejects.toMatchObject({
      description: expect.stringMatching(/expired/),
    });
  });

  it('meets the directory as it is now: a user removed from it is refused at once', async () => {
    let current: Directory = directory;
    const authenticate = createOidcAuthenticate(options({ directory: () => current }));
    const token = await provider.token('coord-kam-roads');
    expect((await authenticate(request(token)))?.id).toBe('coord-kam-roads');
    current = createDirectory({
      organisations: [...directory.organisations],
      users: directory.users.filter((user) => user.id !== 'coord-kam-roads'),
      catalogue: demoCatalogue,
    });
    await expect(authenticate(request(token))).rejects.toMatchObject({
      description: expect.stringMatching(/not known/),
    });
  });

  it('vouches for nothing but its exact text: a changed payload under its signature is refused', async () => {
    const authenticate = createOidcAuthenticate(options());
    const token = await provider.token('coord-kam-roads');
    await authenticate(request(token));
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: 'exec-kam-roads' })).toString('base64url')}.${signature}`;
    await expect(authenticate(request(forged))).rejects.toMatchObject({
      description: expect.stringMatching(/signature/),
    });
  });
});
