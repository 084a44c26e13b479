import { createIdTokenVerifier, isAuthenticationError } from '@reshaem/adapters-http/oidc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_AUDIENCE, signingKey } from '../../../packages/adapters-http/test/oidc-provider.js';
import { createAccounts } from '../src/auth/accounts.js';
import { createOidcSignIn } from '../src/auth/oidc-sign-in.js';
import { SESSION_COOKIE } from '../src/auth/session.js';
import { readConfig } from '../src/config.js';
import { createPortal, type Portal } from '../src/portal.js';
import { CLIENT_SECRET, type LoginProvider, startLoginProvider } from './oidc-login-provider.js';
import { memoryPortalApp, NO_RATE_LIMITS, NOW } from './support.js';

const PUBLIC_URL = 'http://127.0.0.1:38517';
const CALLBACK = `${PUBLIC_URL}/sign-in/callback`;
const OTHER_CALLBACK = 'http://127.0.0.1:38518/sign-in/callback';

/** The cookies a response sets, by name (deletions as ''). */
function setCookies(response: Response): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const line of response.headers.getSetCookie()) {
    const pair = line.split(';')[0] ?? '';
    const at = pair.indexOf('=');
    cookies.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return cookies;
}

describe('the pages sign in through an OpenID provider', () => {
  let provider: LoginProvider;
  let portal: Portal;
  let applicantPortal: Portal;

  const start = (env: Record<string, string>) =>
    createPortal(
      {
        ...readConfig(['--memory'], {
          RESHAEM_OIDC_ISSUER: provider.issuer,
          RESHAEM_OIDC_AUDIENCE: API_AUDIENCE,
          RESHAEM_OIDC_CLIENT_ID: 'reshaem-portal',
          RESHAEM_OIDC_CLIENT_SECRET: CLIENT_SECRET,
          RESHAEM_OIDC_PROVIDER_NAME: 'тестовый сервер входа',
          RESHAEM_PUBLIC_URL: PUBLIC_URL,
          ...env,
        }),
        tokenSecret: 'test-secret',
        rateLimits: NO_RATE_LIMITS,
      },
      { now: () => NOW, log: () => {}, runWorker: false },
    );

  beforeAll(async () => {
    provider = await startLoginProvider({
      keys: [await signingKey('login-key')],
      clients: [
        { clientId: 'reshaem-portal', redirectUri: CALLBACK },
        { clientId: 'other-portal', redirectUri: OTHER_CALLBACK },
      ],
    });
    portal = await start({});
    applicantPortal = await start({ RESHAEM_OIDC_UNKNOWN_USERS: 'applicant', RESHAEM_DEMO: '0' });
  }, 180_000); // two portals, each migrating and seeding its own PGlite

  afterAll(async () => {
    await portal?.close();
    await applicantPortal?.close();
    await provider?.close();
  });

  /** From the portal's «Войти через …» to the provider's redirect back, logged in as `login`. */
  async function signIn(target: Portal, login: string, next = '/backoffice') {
    const started = await target.app.request(`/sign-in/oidc?next=${encodeURIComponent(next)}`);
    expect(started.status).toBe(302);
    const flowCookie = [...setCookies(started)].find(([name]) => name === 'reshaem_oidc_flow');
    expect(flowCookie).toBeDefined();
    const authorization = new URL(started.headers.get('location') ?? '');
    expect(authorization.origin).toBe(provider.issuer);
    const callback = await provider.authorize(authorization.href, login);
    expect(callback.startsWith(`${CALLBACK}?`)).toBe(true);
    return {
      authorization,
      callback: new URL(callback),
      cookie: `reshaem_oidc_flow=${flowCookie?.[1]}`,
    };
  }

  const back = (target: Portal, url: URL, cookie: string) =>
    target.app.request(`${url.pathname}${url.search}`, { headers: { cookie } });

  it('offers the provider on the sign-in page and asks for a code with PKCE, state and nonce', async () => {
    const page = await (await portal.app.request('/sign-in?next=/backoffice')).text();
    expect(page).toContain('Войти через тестовый сервер входа');
    expect(page).toContain('href="/sign-in/oidc?next=%2Fbackoffice"');
    const started = await portal.app.request('/sign-in/oidc');
    const query = new URL(started.headers.get('location') ?? '').searchParams;
    expect(Object.fromEntries(query)).toMatchObject({
      response_type: 'code',
      client_id: 'reshaem-portal',
      redirect_uri: CALLBACK,
      code_challenge_method: 'S256',
    });
    expect(query.get('state')).toMatch(/^[\w-]{43}$/);
    expect(query.get('nonce')).toMatch(/^[\w-]{43}$/);
    expect(query.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    const cookie = started.headers.getSetCookie().join('\n');
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\/sign-in\/callback/);
  });

  it('signs a coordinator in: the provider’s login, then the portal’s own session', async () => {
    const { callback, cookie } = await signIn(portal, 'coord-kam-roads');
    const response = await back(portal, callback, cookie);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/backoffice');
    const session = setCookies(response).get(SESSION_COOKIE) ?? '';
    expect(session).toMatch(/^coord-kam-roads\.\d+\.[\w-]{22}$/);
    expect(setCookies(response).get('reshaem_oidc_flow')).toBe('');

    const page = await portal.app.request('/backoffice', {
      headers: { cookie: `${SESSION_COOKIE}=${session}` },
    });
    expect(page.status).toBe(200);
    const name = portal.store.directory.user('coord-kam-roads')?.name ?? '';
    expect(name).not.toBe('');
    expect(await page.text()).toContain(name);
  });

  it('refuses a tampered state, a replayed code and a callback without its cookie', async () => {
    const { callback, cookie } = await signIn(portal, 'coord-kam-roads');
    const tampered = new URL(callback);
    tampered.searchParams.set('state', `${callback.searchParams.get('state')}x`);
    const responses = [
      await back(portal, tampered, cookie),
      await back(portal, callback, ''),
      await back(portal, callback, `${cookie.slice(0, -2)}xx`),
    ];
    // The code is still unused: the first callback with its cookie succeeds, the replay not.
    const first = await back(portal, callback, cookie);
    expect(first.status).toBe(303);
    const replayed = await back(portal, callback, cookie);
    responses.push(replayed);
    for (const response of responses) {
      expect(response.status).toBe(400);
      expect(setCookies(response).has(SESSION_COOKIE)).toBe(false);
      expect(await response.text()).toContain('Вход не выполнен');
    }
  });

  it('refuses a user the directory does not know, and a provider’s error', async () => {
    const { callback, cookie } = await signIn(portal, 'stranger-1000299353');
    const refused = await back(portal, callback, cookie);
    expect(refused.status).toBe(401);
    expect(setCookies(refused).has(SESSION_COOKIE)).toBe(false);
    expect(await refused.text()).toContain('не допущен в портал');

    const denied = await back(
      portal,
      new URL(`${CALLBACK}?error=access_denied&state=x`),
      (await signIn(portal, 'coord-kam-roads')).cookie,
    );
    expect(denied.status).toBe(400);
    expect(setCookies(denied).has(SESSION_COOKIE)).toBe(false);
  });

  it('signs an unknown user in as an applicant when the portal is told to', async () => {
    const { callback, cookie } = await signIn(applicantPortal, 'stranger-1000299353', '/my');
    const response = await back(applicantPortal, callback, cookie);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/my');
    const session = setCookies(response).get(SESSION_COOKIE) ?? '';
    const mine = await applicantPortal.app.request('/my', {
      headers: { cookie: `${SESSION_COOKIE}=${session}` },
    });
    expect(mine.status).toBe(200);
    expect(await mine.text()).toContain('stranger-1000299353');
    // An applicant and nothing more: the session names a user the directory lacks.
    expect(applicantPortal.store.directory.user('stranger-1000299353')).toBeUndefined();
    const accounts = createAccounts(applicantPortal.store.directory, 'test-secret', {
      now: () => NOW,
      applicants: true,
    });
    expect(accounts.principalOf(session)).toEqual({
      id: 'stranger-1000299353',
      roles: [{ role: 'applicant' }],
    });
  });

  it('refuses ID tokens of another client or another sign-in', async () => {
    const verifier = (clientId: string) =>
      createIdTokenVerifier({ issuer: provider.issuer, clientId });
    const token = await provider.idToken('other-portal', OTHER_CALLBACK, 'coord-kam-roads', 'n-1');
    await expect(verifier('other-portal').verify(token, 'n-1')).resolves.toMatchObject({
      sub: 'coord-kam-roads',
      aud: 'other-portal',
    });
    const refusals = [
      [() => verifier('reshaem-portal').verify(token, 'n-1'), /aud claim/],
      [() => verifier('other-portal').verify(token, 'n-2'), /nonce/],
      [() => verifier('other-portal').verify(token, ''), /nonce/],
      [() => verifier('other-portal').verify(`${token.slice(0, -4)}AAAA`, 'n-1'), /signature/],
    ] as const;
    for (const [refused, reason] of refusals) {
      const error = await refused().then(
        () => null,
        (e: unknown) => e,
      );
      expect(isAuthenticationError(error)).toBe(true);
      expect((error as Error).message).toMatch(reason);
    }
  });

  it('counts sign-ins at the provider against the per-address sign-in limit', async () => {
    const settings = readConfig([], {
      RESHAEM_OIDC_ISSUER: provider.issuer,
      RESHAEM_OIDC_AUDIENCE: API_AUDIENCE,
      RESHAEM_OIDC_CLIENT_ID: 'reshaem-portal',
      RESHAEM_PUBLIC_URL: PUBLIC_URL,
    }).oidc;
    if (settings?.browser === undefined) throw new Error('no browser settings');
    const { app, store } = memoryPortalApp({
      rateLimits: { ...NO_RATE_LIMITS, signInPerAddress: { limit: 2, windowMs: 60_000 } },
      oidcPages: {
        signIn: createOidcSignIn({ ...settings, browser: settings.browser }, () => store.directory),
        flowSecret: 'test-secret',
      },
    });
    const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });
    const start = (address: string) => app.request('/sign-in/oidc', {}, from(address));
    expect((await start('203.0.113.7')).status).toBe(302);
    expect((await start('203.0.113.7')).status).toBe(302);
    const refused = await start('203.0.113.7');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('location')).toBeNull();
    expect(refused.headers.getSetCookie()).toEqual([]);
    expect((await start('203.0.113.8')).status).toBe(302);
  });
});
