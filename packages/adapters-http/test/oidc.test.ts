import { createPublicKey } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMemoryStore } from '@reshaem/core';
import { decodeJwt, importJWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AuthenticationError, isAuthenticationError } from '../src/index.js';
import {
  createOidcAuthenticate,
  keycloakRoles,
  type OidcAuthenticateOptions,
  rolesFromClaim,
} from '../src/oidc.js';
import {
  API_AUDIENCE,
  OTHER_AUDIENCE,
  type RunningProvider,
  type SigningKey,
  signingKey,
  startProvider,
} from './oidc-provider.js';
import { directory, expectProblem, json, potholeBody, world } from './support.js';

/** What each test client's access tokens claim, beyond `sub` (its client id). */
const CLAIMS: Record<string, Record<string, unknown>> = {
  'coord-kam-roads': { reshaem_roles: [{ role: 'coordinator', orgId: 'kam-roads' }] },
  'multi-kam-roads': {
    reshaem_roles: [
      { role: 'coordinator', orgId: 'kam-roads' },
      { role: 'executor', orgId: 'kam-roads' },
    ],
  },
  // Claims a role the directory does not give them, beside the one it does.
  'exec-kam-roads': {
    reshaem_roles: [
      { role: 'coordinator', orgId: 'kam-roads' },
      { role: 'executor', orgId: 'kam-roads' },
    ],
  },
  // Claims only a role the directory does not give them.
  'exec-kam-gov': { reshaem_roles: [{ role: 'head', orgId: 'kam-gov' }] },
  'app-ivanov': { reshaem_roles: [{ role: 'applicant' }], name: 'Иванов И. И.' },
  // A citizen from ЕСИА: not in the directory, no roles.
  '1000299353': { family_name: 'Сидоров', given_name: 'Пётр', middle_name: 'Ильич' },
  // Not in the directory, yet claims to be an official.
  '1000299354': { reshaem_roles: [{ role: 'coordinator', orgId: 'kam-roads' }] },
  'system-claimer': { reshaem_roles: [{ role: 'system' }] },
  'bad-roles': { reshaem_roles: [{ role: 'wizard', orgId: 'kam-roads' }] },
  // Keycloak's shape: realm roles, client roles and an organisation attribute.
  'head-kam-roads': {
    realm_access: { roles: ['offline_access', 'default-roles-reshaem', 'head'] },
    org_id: 'kam-roads',
  },
  'admin-kam-roads': {
    resource_access: { 'reshaem-api': { roles: ['admin@kam-roads', 'coordinator@kam-gov'] } },
  },
};

let keyA: SigningKey;
let provider: RunningProvider;
/** Another issuer that signs with the same key: only `iss` tells its tokens apart. */
let impostor: RunningProvider;

beforeAll(async () => {
  keyA = await signingKey('key-a');
  const clients = Object.keys(CLAIMS);
  const claimsOf = (id: string) => CLAIMS[id] ?? {};
  provider = await startProvider(clients, { keys: [keyA], claimsOf });
  impostor = await startProvider(clients, { keys: [keyA], claimsOf });
});

afterAll(async () => {
  await provider?.close();
  await impostor?.close();
});

const options = (extra: Partial<OidcAuthenticateOptions> = {}): OidcAuthenticateOptions => ({
  issuer: provider.issuer,
  audience: API_AUDIENCE,
  directory,
  claims: { roles: rolesFromClaim() },
  ...extra,
});

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

/** The app over a fresh store, authenticated by the provider's tokens. */
const appWith = (extra: Partial<OidcAuthenticateOptions> = {}) =>
  world({
    store: createMemoryStore({ directory }),
    authenticate: createOidcAuthenticate(options(extra)),
  });

/** Asserts a 401 problem whose challenge carries RFC 6750's error and a description. */
async function expectRefused(response: Response, description: RegExp, code = 'invalid_token') {
  const body = await expectProblem(response, 'unauthenticated', 401);
  const challenge = response.headers.get('www-authenticate') ?? '';
  expect(challenge).toMatch(new RegExp(`^Bearer error="${code}", error_description="[^"]+"$`));
  expect(challenge).toMatch(description);
  expect(body.detail).toMatch(description);
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const parts = (token: string) => token.split('.') as [string, string, string];

describe('tokens the provider issues', () => {
  it('open the API as the principal the claims and the directory agree on', async () => {
    const { app } = appWith();
    const token = await provider.token('coord-kam-roads');
    expect(decodeJwt(token)).toMatchObject({
      iss: provider.issuer,
      aud: API_AUDIENCE,
      sub: 'coord-kam-roads',
    });

    const list = await app.request('/messages', bearer(token));
    expect(list.status).toBe(200);

    const authenticate = createOidcAuthenticate(options());
    const principal = await authenticate(new Request('http://api.test/messages', bearer(token)));
    expect(principal).toEqual({
      id: 'coord-kam-roads',
      name: 'Попова Мария (координатор)',
      roles: [{ role: 'coordinator', orgId: 'kam-roads' }],
    });
  });

  it('stamp events with the token’s principal: an applicant submits and sees their message', async () => {
    const { app } = appWith();
    const token = await provider.token('app-ivanov');
    const submitted = await app.request('/messages', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(potholeBody()),
    });
    expect(submitted.status).toBe(201);
    const { id } = await json<{ id: string }>(submitted);
    const history = await json<{ items: { by: { id: string } }[] }>(
      await app.request(`/messages/${id}/history`, bearer(token)),
    );
    expect(history.items[0]?.by.id).toBe('app-ivanov');
  });

  it('carry several roles of one user', async () => {
    const authenticate = createOidcAuthenticate(options());
    const token = await provider.token('multi-kam-roads');
    const principal = await authenticate(new Request('http://api.test/', bearer(token)));
    expect(principal?.roles).toEqual([
      { role: 'coordinator', orgId: 'kam-roads' },
      { role: 'executor', orgId: 'kam-roads' },
    ]);
  });

  it('keep only the roles the directory confirms, and are refused when none is left', async () => {
    const authenticate = createOidcAuthenticate(options());
    const narrowed = await authenticate(
      new Request('http://api.test/', bearer(await provider.token('exec-kam-roads'))),
    );
    expect(narrowed?.roles).toEqual([{ role: 'executor', orgId: 'kam-roads' }]);

    const { app } = appWith();
    const unconfirmed = await app.request(
      '/messages',
      bearer(await provider.token('exec-kam-gov')),
    );
    await expectRefused(unconfirmed, /None of the roles/);
  });

  it('take the roles from the directory when no roles mapping is configured', async () => {
    const authenticate = createOidcAuthenticate(options({ claims: {} }));
    const token = await provider.token('exec-kam-gov');
    const principal = await authenticate(new Request('http://api.test/', bearer(token)));
    expect(principal?.roles).toEqual([{ role: 'executor', orgId: 'kam-gov' }]);
  });

  it('map Keycloak realm roles with an organisation claim, and client roles named role@org', async () => {
    const authenticate = createOidcAuthenticate(
      options({ claims: { roles: keycloakRoles({ clientId: 'reshaem-api' }) } }),
    );
    const realm = createOidcAuthenticate(options({ claims: { roles: keycloakRoles() } }));
    const head = await realm(
      new Request('http://api.test/', bearer(await provider.token('head-kam-roads'))),
    );
    expect(head?.roles).toEqual([{ role: 'head', orgId: 'kam-roads' }]);
    // The directory holds admin@kam-roads only: the coordinator@kam-gov client role is dropped.
    const admin = await authenticate(
      new Request('http://api.test/', bearer(await provider.token('admin-kam-roads'))),
    );
    expect(admin?.roles).toEqual([{ role: 'admin', orgId: 'kam-roads' }]);
  });

  it('of a user the directory does not know are refused, or make an applicant when allowed', async () => {
    const citizen = await provider.token('1000299353');
    await expectRefused(await appWith().app.request('/messages', bearer(citizen)), /not known/);

    const applicants = createOidcAuthenticate(options({ unknownUsers: 'applicant' }));
    const principal = await applicants(new Request('http://api.test/', bearer(citizen)));
    expect(principal).toEqual({
      id: '1000299353',
      name: 'Сидоров Пётр Ильич',
      roles: [{ role: 'applicant' }],
    });
    const { app } = appWith({ unknownUsers: 'applicant' });
    expect((await app.request('/messages', bearer(citizen))).status).toBe(200);
    // An unknown user who claims an official's role is not quietly made an applicant.
    const claimer = await provider.token('1000299354');
    await expectRefused(await app.request('/messages', bearer(claimer)), /not known/);
  });

  it('claiming the system role or malformed roles are refused', async () => {
    const { app } = appWith({ unknownUsers: 'applicant' });
    await expectRefused(
      await app.request('/messages', bearer(await provider.token('system-claimer'))),
      /system role/,
    );
    await expectRefused(
      await app.request('/messages', bearer(await provider.token('bad-roles'))),
      /reshaem_roles claim is malformed/,
    );
  });
});

describe('refused tokens: 401 problem+json with WWW-Authenticate', () => {
  it('no credentials at all: the bare Bearer challenge (RFC 6750 §3.1)', async () => {
    const { app } = appWith();
    const response = await app.request('/messages');
    await expectProblem(response, 'unauthenticated', 401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    const twoTokens = await app.request('/messages', { headers: { authorization: 'Bearer a b' } });
    await expectRefused(twoTokens, /no single bearer token/, 'invalid_request');
  });

  it('expired: past exp by more than the clock tolerance, accepted within it', async () => {
    const token = await provider.token('coord-kam-roads');
    const { exp } = decodeJwt(token) as { exp: number };
    const at = (seconds: number) => () => new Date((exp + seconds) * 1000);
    const late = appWith({ now: at(31) }).app;
    await expectRefused(await late.request('/messages', bearer(token)), /expired/);
    const skewed = appWith({ now: at(29) }).app;
    expect((await skewed.request('/messages', bearer(token))).status).toBe(200);
    const strict = appWith({ now: at(1), clockToleranceSeconds: 0 }).app;
    await expectRefused(await strict.request('/messages', bearer(token)), /expired/);
  });

  it('for another audience of the same provider', async () => {
    const token = await provider.token('coord-kam-roads', OTHER_AUDIENCE);
    expect(decodeJwt(token).aud).toBe(OTHER_AUDIENCE);
    await expectRefused(await appWith().app.request('/messages', bearer(token)), /aud claim/);
  });

  it('from another issuer, even one signing with the same key', async () => {
    const token = await impostor.token('coord-kam-roads');
    await expectRefused(await appWith().app.request('/messages', bearer(token)), /iss claim/);
  });

  it('alg none: the provider’s payload with the signature stripped', async () => {
    const [, payload] = parts(await provider.token('coord-kam-roads'));
    const unsigned = `${b64({ alg: 'none', typ: 'at+jwt' })}.${payload}.`;
    await expectRefused(await appWith().app.request('/messages', bearer(unsigned)), /algorithm/);
  });

  it('re-signed: a changed payload under the original signature', async () => {
    const [header, payload, signature] = parts(await provider.token('coord-kam-roads'));
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = `${header}.${b64({ ...claims, sub: 'admin-kam-roads' })}.${signature}`;
    await expectRefused(await appWith().app.request('/messages', bearer(forged)), /signature/);
  });

  it('re-signed with another key, under the issuer’s key id or one of its own', async () => {
    const claims = decodeJwt(await provider.token('coord-kam-roads'));
    const other = await signingKey('key-a');
    const key = await importJWK(other.privateJwk, 'RS256');
    const sign = (kid: string) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid }).sign(key);
    const { app } = appWith();
    await expectRefused(await app.request('/messages', bearer(await sign('key-a'))), /signature/);
    await expectRefused(await app.request('/messages', bearer(await sign('key-x'))), /No key/);
  });

  it('HS256 keyed with the issuer’s public key (algorithm confusion)', async () => {
    const claims = decodeJwt(await provider.token('coord-kam-roads'));
    const publicKey = createPublicKey({
      key: keyA.publicJwk as import('node:crypto').JsonWebKey,
      format: 'jwk',
    });
    const pem = publicKey.export({ type: 'spki', format: 'pem' });
    const secrets = [Buffer.from(pem), Buffer.from(JSON.stringify(keyA.publicJwk))];
    const { app } = appWith();
    for (const secret of secrets) {
      const token = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', kid: 'key-a' })
        .sign(new Uint8Array(secret));
      await expectRefused(await app.request('/messages', bearer(token)), /algorithm/);
    }
  });

  it('every refusal is one the check itself makes: the untouched token passes the same app', async () => {
    const { app } = appWith();
    const token = await provider.token('coord-kam-roads');
    expect((await app.request('/messages', bearer(token))).status).toBe(200);
  });
});

describe('keys', () => {
  it('a key the issuer starts publishing is fetched when a token names it; the old one still works', async () => {
    const keyB = await signingKey('key-b');
    const before = await startProvider(['coord-kam-roads'], {
      keys: [keyA],
      claimsOf: (id) => CLAIMS[id] ?? {},
    });
    const { port, issuer } = before;
    const authenticate = createOidcAuthenticate(options({ issuer, keyRefetchCooldownMs: 0 }));
    const oldToken = await before.token('coord-kam-roads');
    expect(await authenticate(new Request('http://api.test/', bearer(oldToken)))).not.toBeNull();
    await before.close();

    const after = await startProvider(['coord-kam-roads'], {
      keys: [keyB, keyA],
      claimsOf: (id) => CLAIMS[id] ?? {},
      port,
    });
    try {
      const newToken = await after.token('coord-kam-roads');
      expect(JSON.parse(Buffer.from(parts(newToken)[0], 'base64url').toString()).kid).toBe('key-b');
      const principal = await authenticate(new Request('http://api.test/', bearer(newToken)));
      expect(principal?.id).toBe('coord-kam-roads');
      expect(await authenticate(new Request('http://api.test/', bearer(oldToken)))).not.toBeNull();
    } finally {
      await after.close();
    }
  });

  it('an issuer that cannot be reached is the server’s failure (500), retried on the next request', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const token = await provider.token('coord-kam-roads');
    const unexpected: unknown[] = [];
    const { app } = world({
      authenticate: createOidcAuthenticate(options({ issuer: `http://127.0.0.1:${port}` })),
      onUnexpectedError: (error) => unexpected.push(error),
    });
    const response = await app.request('/messages', bearer(token));
    expect(response.status).toBe(500);
    expect(unexpected).toHaveLength(1);
    expect(isAuthenticationError(unexpected[0])).toBe(false);

    // The issuer comes up on that address: the next request discovers it.
    const late = await startProvider(['coord-kam-roads'], {
      keys: [keyA],
      claimsOf: (id) => CLAIMS[id] ?? {},
      port,
    });
    try {
      const fresh = await late.token('coord-kam-roads');
      expect((await app.request('/messages', bearer(fresh))).status).toBe(200);
    } finally {
      await late.close();
    }
  });
});

describe('options', () => {
  it('refuse algorithms that cannot verify a public issuer’s tokens, and plain-HTTP issuers', () => {
    for (const algorithms of [['none'], ['HS256'], ['RS256', 'hs512'], []]) {
      expect(() => createOidcAuthenticate(options({ algorithms }))).toThrow(RangeError);
    }
    expect(() =>
      createOidcAuthenticate(options({ issuer: 'http://sso.example.ru/realms/x' })),
    ).toThrow(/https/);
    expect(() =>
      createOidcAuthenticate(options({ issuer: 'https://sso.example.ru/realms/x' })),
    ).not.toThrow();
  });

  it('an AuthenticationError from another copy of the module is still recognised (CJS builds bundle one per entry)', async () => {
    vi.resetModules(); // the next import evaluates the module afresh: a second copy
    const copy = await import('../src/auth/authentication-error.js');
    const error = new copy.AuthenticationError('invalid_token', 'from the other copy');
    expect(error).not.toBeInstanceOf(AuthenticationError);
    expect(isAuthenticationError(error)).toBe(true);
    expect(isAuthenticationError(new Error('plain'))).toBe(false);
  });
});
