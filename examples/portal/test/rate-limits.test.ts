import { createHash } from 'node:crypto';
import { PROBLEM_TYPE_BASE } from '@reshaem/adapters-http';
import { SYSTEM_PRINCIPAL } from '@reshaem/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { RateLimits } from '../src/config-limits.js';
import { demoPartnerKey, open311Partners } from '../src/open311/open311-partners.js';
import { type Listening, listen } from '../src/server.js';
import { formPost, memoryPortalApp, NO_RATE_LIMITS } from './support.js';

/** What `serve()` hands the app for a connection from `address`. */
const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

const limits = (overrides: Partial<RateLimits>): RateLimits => ({
  ...NO_RATE_LIMITS,
  ...overrides,
});

const pothole = JSON.stringify({
  channel: 'epgu_form',
  orgId: 'kam-roads',
  regionCode: '41',
  applicant: { name: 'Иванов Иван Иванович', email: 'ivanov@example.ru' },
  problemAddress: 'г. Петропавловск-Камчатский, ул. Ленинская, 5',
  text: 'Глубокая яма на проезжей части у дома 5',
  categoryId: 'roads',
  subcategoryId: 'potholes',
  factId: 'pothole-street',
});

async function expectTooMany(response: Response, windowSeconds: number) {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const body = (await response.json()) as Record<string, unknown>;
  expect(body).toMatchObject({
    type: `${PROBLEM_TYPE_BASE}too-many-requests`,
    title: 'Too many requests',
    status: 429,
    retryAfter,
  });
}

describe('sign-in is rate-limited', () => {
  it('per client address: the fourth attempt in the window gets 429, another address does not', async () => {
    const { app } = memoryPortalApp({
      rateLimits: limits({ signInPerAddress: { limit: 3, windowMs: 60_000 } }),
    });
    const attempt = (address: string, userId = 'app-ivanov') =>
      app.request('/sign-in', formPost({ userId }), from(address));
    for (const userId of ['app-ivanov', 'mod-kam', 'nobody']) {
      expect((await attempt('203.0.113.7', userId)).status).not.toBe(429);
    }
    await expectTooMany(await attempt('203.0.113.7'), 60);
    expect((await attempt('203.0.113.8')).status).toBe(303);
    // A browser's form post gets a page that says so, with the same Retry-After.
    const page = await app.request(
      '/sign-in',
      {
        ...formPost({ userId: 'app-ivanov' }),
        headers: {
          ...(formPost({}).headers as Record<string, string>),
          accept: 'text/html,application/xhtml+xml',
        },
      },
      from('203.0.113.7'),
    );
    expect(page.status).toBe(429);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(Number(page.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await page.text()).toContain('Слишком много запросов');
  });

  it('per account, whatever the address: guessing one user’s token from many places', async () => {
    const { app } = memoryPortalApp({
      rateLimits: limits({ signInPerAccount: { limit: 2, windowMs: 60_000 } }),
    });
    const guess = (address: string, token: string) =>
      app.request('/sign-in', formPost({ token }), from(address));
    expect((await guess('198.51.100.1', 'app-ivanov.9999999999.guess1')).status).toBe(401);
    expect((await guess('198.51.100.2', 'app-ivanov.9999999999.guess2')).status).toBe(401);
    await expectTooMany(await guess('198.51.100.3', 'app-ivanov.9999999999.guess3'), 60);
    // Another account is not held up, nor is a demo sign-in as someone else.
    expect((await guess('198.51.100.3', 'mod-kam.9999999999.guess')).status).toBe(401);
    expect(
      (await app.request('/sign-in', formPost({ userId: 'mod-kam' }), from('198.51.100.4'))).status,
    ).toBe(303);
  });

  it('opens again when the window is over', async () => {
    const { app } = memoryPortalApp({
      rateLimits: limits({ signInPerAddress: { limit: 1, windowMs: 1000 } }),
    });
    const attempt = () =>
      app.request('/sign-in', formPost({ userId: 'app-ivanov' }), from('192.0.2.1'));
    expect((await attempt()).status).toBe(303);
    await expectTooMany(await attempt(), 1);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await attempt()).status).toBe(303);
  });
});

/** Submits the pothole through the API as a user, from a client address. */
const apiSubmit =
  ({ app, accounts }: ReturnType<typeof memoryPortalApp>) =>
  (userId: string, address: string) =>
    app.request(
      '/api/messages',
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${accounts.tokenOf(userId)}`,
          'content-type': 'application/json',
        },
        body: pothole,
      },
      from(address),
    );

describe('new messages are rate-limited', () => {
  it('per user through the API: 429 problem with Retry-After past the limit', async () => {
    const portal = memoryPortalApp({
      rateLimits: limits({ submitPerUser: { limit: 2, windowMs: 3_600_000 } }),
    });
    const { app, accounts } = portal;
    const submit = apiSubmit(portal);
    expect((await submit('app-ivanov', '192.0.2.10')).status).toBe(201);
    expect((await submit('app-ivanov', '192.0.2.11')).status).toBe(201);
    await expectTooMany(await submit('app-ivanov', '192.0.2.12'), 3600);
    expect((await submit('app-petrova', '192.0.2.12')).status).toBe(201);
    // Reads are not counted.
    const read = await app.request('/api/messages', {
      headers: { authorization: `Bearer ${accounts.tokenOf('app-ivanov')}` },
    });
    expect(read.status).toBe(200);
  });

  it('per user through the applicant’s page form', async () => {
    const { app } = memoryPortalApp({
      rateLimits: limits({ submitPerUser: { limit: 1, windowMs: 3_600_000 } }),
    });
    const signedIn = await app.request('/sign-in', formPost({ userId: 'app-ivanov' }));
    const cookie = signedIn.headers.get('set-cookie')?.split(';')[0] ?? '';
    const post = () => app.request('/my/messages', formPost({ text: 'Яма' }, cookie));
    expect((await post()).status).not.toBe(429);
    const refused = await app.request('/my/messages', {
      ...formPost({ text: 'Яма' }, cookie),
      headers: { ...(formPost({}, cookie).headers as Record<string, string>), accept: 'text/html' },
    });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('per client address, across users', async () => {
    const portal = memoryPortalApp({
      rateLimits: limits({ submitPerAddress: { limit: 2, windowMs: 3_600_000 } }),
    });
    const submit = apiSubmit(portal);
    expect((await submit('app-ivanov', '2001:db8:1:2::10')).status).toBe(201);
    expect((await submit('app-petrova', '2001:db8:1:2::10')).status).toBe(201);
    // Another address in the same /64 is the same subscriber; the next /64 is not.
    await expectTooMany(await submit('app-ivanov', '2001:db8:1:2:ffff::1'), 3600);
    expect((await submit('app-ivanov', '2001:db8:1:3::10')).status).toBe(201);
  });
});

describe('Open311 submissions are rate-limited', () => {
  const partnerKey = demoPartnerKey('test-secret');
  const otherKey = 'second-partner-key';
  const open311 = {
    partnerOf: open311Partners(
      [
        {
          id: 'city-app',
          name: 'Городское приложение',
          keySha256: createHash('sha256').update(otherKey).digest('hex'),
        },
      ],
      partnerKey,
    ),
  };
  const request =
    (apiKey: string | null, format = 'json', address = '203.0.113.20') =>
    (app: ReturnType<typeof memoryPortalApp>['app']) =>
      app.request(
        `/open311/v2/requests.${format}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            ...(apiKey === null ? {} : { api_key: apiKey }),
            service_code: 'potholes',
            jurisdiction_id: '41',
            address_string: 'г. Петропавловск-Камчатский, ул. Ленинская, 5',
            description: 'Яма на дороге у остановки',
            first_name: 'Алевтина',
            last_name: 'Громова',
            email: 'gromova@example.ru',
          }).toString(),
        },
        from(address),
      );

  it('per partner, from any address: the third in the window gets 429 in the specification’s form', async () => {
    const { app, store } = memoryPortalApp({
      open311,
      rateLimits: limits({ open311PerPartner: { limit: 2, windowMs: 3_600_000 } }),
    });
    expect((await request(partnerKey, 'json', '203.0.113.20')(app)).status).toBe(201);
    expect((await request(partnerKey, 'xml', '203.0.113.21')(app)).status).toBe(201);
    const refused = await request(partnerKey, 'json', '203.0.113.22')(app);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const [error] = (await refused.json()) as [{ code: number; description: string }];
    expect(error.code).toBe(429);
    const xml = await request(partnerKey, 'xml')(app);
    expect(xml.status).toBe(429);
    expect(await xml.text()).toMatch(/<errors><error><code>429<\/code>/);
    // Another partner has its own count; the refused requests filed nothing.
    expect((await request(otherKey)(app)).status).toBe(201);
    const filed = await store.list(SYSTEM_PRINCIPAL, { limit: 100 });
    expect(filed.items.filter((m) => m.snapshot.context.channel === 'integration')).toHaveLength(3);
  });

  it('a wrong or missing api_key counts per address, like a sign-in, and leaves partners alone', async () => {
    const { app } = memoryPortalApp({
      open311,
      rateLimits: limits({
        signInPerAddress: { limit: 2, windowMs: 60_000 },
        open311PerPartner: { limit: 100, windowMs: 3_600_000 },
      }),
    });
    expect((await request('guess-1')(app)).status).toBe(403);
    expect((await request(null)(app)).status).toBe(403);
    expect((await request('guess-3')(app)).status).toBe(429);
    // Another address may still guess; the partner, from the guessing address, is not held up.
    expect((await request('guess-4', 'json', '203.0.113.99')(app)).status).toBe(403);
    expect((await request(partnerKey)(app)).status).toBe(201);
  });
});

describe('the client address', () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    while (closers.length) await closers.pop()?.();
  });

  it('comes from the socket when served: a real client over loopback is counted', async () => {
    const { app } = memoryPortalApp({
      rateLimits: limits({ signInPerAddress: { limit: 2, windowMs: 60_000 } }),
    });
    const server: Listening = await listen(app, { port: 0, hostname: '127.0.0.1' });
    closers.push(server.close);
    const base = `http://127.0.0.1:${server.port}`;
    const attempt = () =>
      fetch(`${base}/sign-in`, {
        ...formPost({ userId: 'app-ivanov' }),
        headers: {
          origin: base,
          'content-type': 'application/x-www-form-urlencoded',
          // Ignored: no proxy is trusted.
          'x-forwarded-for': `198.51.100.${Math.floor(Math.random() * 200)}`,
        },
        redirect: 'manual',
      });
    expect((await attempt()).status).toBe(303);
    expect((await attempt()).status).toBe(303);
    await expectTooMany(await attempt(), 60);
  });

  it('comes from X-Forwarded-For only behind a trusted proxy, counted from the right', async () => {
    const { app } = memoryPortalApp({
      trustProxy: 1,
      rateLimits: limits({ signInPerAddress: { limit: 1, windowMs: 60_000 } }),
    });
    const attempt = (forwardedFor: string) =>
      app.request(
        '/sign-in',
        {
          ...formPost({ userId: 'app-ivanov' }),
          headers: {
            ...(formPost({}).headers as Record<string, string>),
            'x-forwarded-for': forwardedFor,
          },
        },
        from('10.0.0.2'), // the proxy
      );
    expect((await attempt('203.0.113.50')).status).toBe(303);
    expect((await attempt('203.0.113.51')).status).toBe(303);
    await expectTooMany(await attempt('203.0.113.50'), 60);
    // A client that forges the header's left part is still counted by the proxy's entry.
    await expectTooMany(await attempt('1.2.3.4, 203.0.113.51'), 60);
  });
});
