import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  API_AUDIENCE,
  type RunningProvider,
  signingKey,
  startProvider,
} from '../../../packages/adapters-http/test/oidc-provider.js';
import { createAccounts } from '../src/auth/accounts.js';
import { readOidcSettings } from '../src/auth/oidc.js';
import { readConfig } from '../src/config.js';
import { createPortal, type Portal } from '../src/portal.js';
import { NOW } from './support.js';

describe('readOidcSettings', () => {
  it('is off without an issuer, so readConfig adds nothing', () => {
    expect(readOidcSettings({})).toEqual({});
    expect(readConfig([], {})).not.toHaveProperty('oidc');
  });

  it('reads the issuer, audiences, claims and role source', () => {
    const env = {
      RESHAEM_OIDC_ISSUER: 'https://sso.example.ru/realms/pos',
      RESHAEM_OIDC_AUDIENCE: 'reshaem-api, https://pos.example.ru/api',
      RESHAEM_OIDC_USER_CLAIM: 'preferred_username',
      RESHAEM_OIDC_ROLES: 'keycloak',
      RESHAEM_OIDC_KEYCLOAK_CLIENT: 'reshaem-api',
      RESHAEM_OIDC_UNKNOWN_USERS: 'applicant',
      RESHAEM_OIDC_CLOCK_TOLERANCE: '10',
    };
    expect(readConfig([], env).oidc).toEqual({
      issuer: 'https://sso.example.ru/realms/pos',
      audience: ['reshaem-api', 'https://pos.example.ru/api'],
      userClaim: 'preferred_username',
      roles: { from: 'keycloak', clientId: 'reshaem-api', orgClaim: 'org_id' },
      unknownUsers: 'applicant',
      clockToleranceSeconds: 10,
    });
    expect(readOidcSettings({ ...env, RESHAEM_OIDC_ROLES: 'claim' }).oidc?.roles).toEqual({
      from: 'claim',
      claim: 'reshaem_roles',
    });
  });

  it('reads the pages’ client, its redirect URI derived from the public URL or the port', () => {
    const env = {
      RESHAEM_OIDC_ISSUER: 'https://sso.example.ru/realms/pos',
      RESHAEM_OIDC_AUDIENCE: 'reshaem-api',
      RESHAEM_OIDC_CLIENT_ID: 'reshaem-portal',
    };
    expect(readConfig(['--port', '3101'], env).oidc?.browser).toEqual({
      clientId: 'reshaem-portal',
      redirectUri: 'http://127.0.0.1:3101/sign-in/callback',
      scope: 'openid profile',
      providerName: 'единый вход',
    });
    const behindProxy = readOidcSettings({
      ...env,
      RESHAEM_OIDC_CLIENT_SECRET: 's3cret',
      RESHAEM_PUBLIC_URL: 'https://pos.example.ru/portal/',
      RESHAEM_OIDC_SCOPE: 'email openid',
    }).oidc?.browser;
    expect(behindProxy).toMatchObject({
      clientSecret: 's3cret',
      redirectUri: 'https://pos.example.ru/portal/sign-in/callback',
      scope: 'openid email',
    });
    expect(() => readOidcSettings({ ...env, RESHAEM_PUBLIC_URL: 'pos.example.ru' })).toThrow(
      /RESHAEM_PUBLIC_URL/,
    );
    expect(() =>
      readOidcSettings({ ...env, RESHAEM_PUBLIC_URL: 'https://pos.example.ru/?a=1' }),
    ).toThrow(/RESHAEM_PUBLIC_URL/);
  });

  it('refuses settings that cannot work', () => {
    const issuer = { RESHAEM_OIDC_ISSUER: 'https://sso.example.ru/realms/pos' };
    expect(() => readOidcSettings(issuer)).toThrow(/RESHAEM_OIDC_AUDIENCE is required/);
    const base = { ...issuer, RESHAEM_OIDC_AUDIENCE: 'api' };
    expect(() => readOidcSettings({ ...base, RESHAEM_OIDC_ROLES: 'ldap' })).toThrow(/ROLES/);
    expect(() => readOidcSettings({ ...base, RESHAEM_OIDC_UNKNOWN_USERS: 'admin' })).toThrow();
    expect(() => readOidcSettings({ ...base, RESHAEM_OIDC_CLOCK_TOLERANCE: '-1' })).toThrow();
  });
});

describe('the portal with an OpenID provider', () => {
  let provider: RunningProvider;
  let portal: Portal;

  beforeAll(async () => {
    const key = await signingKey('portal-key');
    provider = await startProvider(['coord-kam-roads', 'exec-kam-roads', '1000299353'], {
      keys: [key],
      claimsOf: (id) => ({
        reshaem_roles:
          id === 'exec-kam-roads'
            ? [{ role: 'head', orgId: 'kam-roads' }]
            : [{ role: 'coordinator', orgId: 'kam-roads' }],
      }),
    });
    const env = {
      RESHAEM_OIDC_ISSUER: provider.issuer,
      RESHAEM_OIDC_AUDIENCE: API_AUDIENCE,
      RESHAEM_OIDC_ROLES: 'claim',
    };
    portal = await createPortal(
      { ...readConfig(['--memory'], env), tokenSecret: 'test-secret' },
      { now: () => NOW, log: () => {}, runWorker: false },
    );
  });

  afterAll(async () => {
    await portal?.close();
    await provider?.close();
  });

  const api = (path: string, token: string) =>
    portal.app.request(path, { headers: { authorization: `Bearer ${token}` } });

  it('opens the API to the provider’s tokens, with the roles of the portal’s directory', async () => {
    const response = await api('/api/messages', await provider.token('coord-kam-roads'));
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as { items: { message: { holdingOrgId: string } }[] };
    expect(items.length).toBeGreaterThan(0);
    // The coordinator of kam-roads (a leaf of the tree) sees what kam-roads holds, nothing else.
    expect(new Set(items.map((item) => item.message.holdingOrgId))).toEqual(new Set(['kam-roads']));
  });

  it('refuses the demo accounts’ tokens, unknown users and roles the directory does not give', async () => {
    const demoToken = createAccounts(portal.store.directory, 'test-secret').tokenOf(
      'coord-kam-roads',
    );
    const refusals = [
      await api('/api/messages', demoToken),
      await api('/api/messages', await provider.token('1000299353')),
      await api('/api/messages', await provider.token('exec-kam-roads')),
    ];
    for (const response of refusals) {
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
    }
  });
});
