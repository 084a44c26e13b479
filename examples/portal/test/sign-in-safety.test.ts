import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeNext } from '../src/auth/safe-next.js';
import { formPost, memoryPortalApp, NOW, startTestPortal, type TestPortal } from './support.js';

/** The origin the test resolves redirects against, as a browser would. */
const ORIGIN = 'http://localhost';

let clock = NOW;
let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal({ now: () => clock });
});
afterAll(() => portal.close());

/** Signs in as app-ivanov with `next`; the redirect's Location. */
async function signInWithNext(next: string): Promise<string> {
  const response = await portal.app.request('/sign-in', formPost({ userId: 'app-ivanov', next }));
  expect(response.status).toBe(303);
  return response.headers.get('location') ?? '';
}

/** Every known way to leave the site from a "path", each of which must send the user home. */
const BYPASSES = [
  '//evil.example',
  '///evil.example',
  '/\\evil.example',
  '/\\/evil.example',
  '\\/evil.example',
  '\\\\evil.example',
  '/%5Cevil.example',
  '/%5cevil.example',
  '/%2F%2Fevil.example',
  '/%2f/evil.example',
  'https://evil.example',
  'http://localhost/my',
  'ftp://localhost/my',
  '//localhost/my',
  'javascript:alert(document.cookie)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '/\t/evil.example',
  '/%09/evil.example',
  '/\n/evil.example',
  '/%0a/evil.example',
  '/\r\n/evil.example',
  '/%0D%0A/evil.example',
  '/%00/evil.example',
  '/\u0000/evil.example',
  '/\u007f/evil.example',
  '/..//evil.example',
  '/./..//evil.example',
  '/%2e%2e//evil.example',
  '/.%2e//evil.example',
  '/my/../..//evil.example',
  '/.\\/evil.example',
  'evil.example',
  ' //evil.example',
  '',
  '/',
];

describe('next= after signing in', () => {
  it.each(BYPASSES)('never leaves the site: %j', async (next) => {
    const location = await signInWithNext(next);
    expect(location).toBe('/my');
    expect(new URL(location, ORIGIN).origin).toBe(ORIGIN);
  });

  it('keeps paths of the site, query and fragment included', async () => {
    const kept = {
      '/messages/demo-101': '/messages/demo-101',
      '/backoffice?folder=returned&limit=5': '/backoffice?folder=returned&limit=5',
      '/my#form': '/my#form',
      '/messages/demo-101/../../backoffice': '/backoffice',
      '/операция': '/%D0%BE%D0%BF%D0%B5%D1%80%D0%B0%D1%86%D0%B8%D1%8F',
    };
    for (const [next, location] of Object.entries(kept)) {
      expect(await signInWithNext(next), next).toBe(location);
      expect(new URL(location, ORIGIN).origin).toBe(ORIGIN);
    }
  });

  it('renders only a safe next= into the sign-in form (the form posts it back)', async () => {
    const form = async (next: string) => {
      const html = await (
        await portal.app.request(`/sign-in?next=${encodeURIComponent(next)}`)
      ).text();
      return [...html.matchAll(/name="next" value="([^"]*)"/g)].map((m) => m[1]);
    };
    const bad = await form('/\\evil.example');
    expect(bad.length).toBeGreaterThan(0);
    expect(new Set(bad)).toEqual(new Set(['']));
    // The case of the issue: a backslash encoded in the query string.
    const raw = await portal.app.request('/sign-in?next=/%5Cevil.example');
    expect(await raw.text()).not.toContain('evil.example');
    expect(new Set(await form('/messages/demo-101'))).toEqual(new Set(['/messages/demo-101']));
  });

  it('agrees with the browser’s own URL parser on every form', () => {
    for (const next of BYPASSES) {
      const kept = safeNext(next);
      if (kept !== '') throw new Error(`${JSON.stringify(next)} was kept as ${kept}`);
    }
    for (const next of ['/x', '/a/b?c=d#e', '/%D0%B0']) {
      const kept = safeNext(next);
      expect(kept).toBe(next);
      expect(new URL(kept, ORIGIN).origin).toBe(ORIGIN);
    }
  });
});

describe('demo tokens and sessions expire', () => {
  const hours = (n: number) => new Date(NOW.getTime() + n * 3_600_000);

  it('gives the session cookie the token’s lifetime, 12 hours by default', async () => {
    clock = NOW;
    const response = await portal.app.request('/sign-in', formPost({ userId: 'app-ivanov' }));
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/Max-Age=43200/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it('refuses a session cookie and an API token once 12 hours have passed', async () => {
    clock = NOW;
    const signedIn = await portal.app.request('/sign-in', formPost({ userId: 'app-ivanov' }));
    const cookie = signedIn.headers.get('set-cookie')?.split(';')[0] ?? '';
    const users = (await (await portal.app.request('/demo/users')).json()) as {
      users: { id: string; token: string }[];
    };
    const token = users.users.find((u) => u.id === 'coord-kam-gov')?.token ?? '';
    const page = () => portal.app.request('/my', { headers: { cookie } });
    const api = () =>
      portal.app.request('/api/messages?limit=1', {
        headers: { authorization: `Bearer ${token}` },
      });

    clock = hours(11.99);
    expect((await page()).status).toBe(200);
    expect((await api()).status).toBe(200);

    clock = hours(12);
    const expired = await page();
    expect(expired.status).toBe(303);
    expect(expired.headers.get('location')).toBe('/sign-in?next=%2Fmy');
    const refused = await api();
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer');
    clock = NOW;
  });

  it('refuses a token whose expiry was moved, and the old tokens that never expired', async () => {
    clock = NOW;
    const body = (await (await portal.app.request('/demo/users')).json()) as {
      users: { id: string; token: string }[];
    };
    const token = body.users.find((u) => u.id === 'app-ivanov')?.token ?? '';
    const [user, expiry, signature] = token.split('.');
    const later = String(Number(expiry) + 365 * 24 * 3600);
    const moved = [user, later, signature].join('.');
    // Before expiry, `<user id>.<HMAC of the user id>` was valid forever.
    const forever = `app-ivanov.${createHmac('sha256', 'test-secret').update('app-ivanov').digest('base64url').slice(0, 22)}`;
    for (const forged of [moved, forever, `${user}.${expiry}`, `${user}..${signature}`]) {
      const response = await portal.app.request('/my', {
        headers: { cookie: `reshaem_session=${forged}` },
      });
      expect(response.status, forged).toBe(303);
      const api = await portal.app.request('/api/messages', {
        headers: { authorization: `Bearer ${forged}` },
      });
      expect(api.status, forged).toBe(401);
    }
  });

  it('marks the cookie Secure when told to (HTTPS behind a proxy), not by default', async () => {
    const secure = memoryPortalApp({ secureCookies: true });
    const signedIn = await secure.app.request('/sign-in', formPost({ userId: 'app-ivanov' }));
    expect(signedIn.headers.get('set-cookie')).toMatch(/; Secure/);
    const plain = await portal.app.request('/sign-in', formPost({ userId: 'app-ivanov' }));
    expect(plain.headers.get('set-cookie')).not.toMatch(/Secure/);
  });

  it('takes its lifetime from the configuration', async () => {
    let now = NOW;
    const short = memoryPortalApp({ now: () => now, sessionTtlSeconds: 60 });
    const response = await short.app.request('/sign-in', formPost({ userId: 'app-ivanov' }));
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/Max-Age=60;/);
    const cookie = setCookie.split(';')[0] ?? '';
    now = new Date(NOW.getTime() + 59_000);
    expect((await short.app.request('/my', { headers: { cookie } })).status).toBe(200);
    now = new Date(NOW.getTime() + 60_000);
    expect((await short.app.request('/my', { headers: { cookie } })).status).toBe(303);
  });
});
