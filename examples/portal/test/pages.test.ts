import { folderLabels } from '@reshaem/core';
import { demoUsers } from '@reshaem/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccounts } from '../src/auth/accounts.js';
import { createPortal } from '../src/portal.js';
import { onfUsers } from '../src/seed/onf-world.js';
import { formPost, page, rowsOf, signIn, startTestPortal, type TestPortal } from './support.js';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(() => portal.close());

describe('sign-in and demo users', () => {
  it('signs in with a demo user: an HttpOnly cookie, then the home page of the role', async () => {
    const response = await portal.app.request('/sign-in', formPost({ userId: 'app-ivanov' }));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/my');
    expect(response.headers.get('set-cookie')).toMatch(
      /^reshaem_session=app-ivanov\.[^;]+;.*HttpOnly/,
    );
    const coordinator = await portal.app.request(
      '/sign-in',
      formPost({ userId: 'coord-kam-roads' }),
    );
    expect(coordinator.headers.get('location')).toBe('/backoffice');
  });

  it('sends pages without a session to sign-in, and refuses a forged token', async () => {
    const response = await portal.app.request('/backoffice');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/sign-in?next=%2Fbackoffice');
    const forged = await portal.app.request('/backoffice', {
      headers: { cookie: 'reshaem_session=app-ivanov.forged' },
    });
    expect(forged.status).toBe(303);
  });

  it('refuses a cross-site form post (CSRF)', async () => {
    const response = await portal.app.request('/sign-in', {
      ...formPost({ userId: 'app-ivanov' }),
      headers: {
        origin: 'https://evil.example',
        'content-type': 'application/x-www-form-urlencoded',
      },
    });
    expect(response.status).toBe(403);
  });

  it('lists every demo user with a token the API accepts', async () => {
    const response = await portal.app.request('/demo/users');
    const body = (await response.json()) as { users: Array<{ id: string; token: string }> };
    expect(body.users.map((u) => u.id).sort()).toEqual(
      [...Object.values(demoUsers), ...Object.values(onfUsers)].map((u) => u.id).sort(),
    );
    const coordinator = body.users.find((u) => u.id === 'coord-kam-gov');
    const api = await portal.app.request('/api/messages?limit=5', {
      headers: { authorization: `Bearer ${coordinator?.token}` },
    });
    expect(api.status).toBe(200);
    expect(((await api.json()) as { items: unknown[] }).items).toHaveLength(5);
    expect((await portal.app.request('/api/messages')).status).toBe(401);
    expect((await portal.app.request('/api/docs')).status).toBe(200);
  });
});

describe('the backoffice', () => {
  it('shows the folders with the store’s counts', async () => {
    const user = demoUsers.coordinatorGov;
    const counts = await portal.store.folderCounts(user);
    const html = await page(portal, await signIn(portal, user.id), '/backoffice');
    for (const [folder, label] of Object.entries(folderLabels)) {
      const n = counts[folder as keyof typeof counts];
      expect(html).toContain(`data-folder="${folder}"`);
      expect(html).toMatch(new RegExp(`${label}<span class="count">${n}</span>`));
    }
    expect(counts.new + counts.in_work + counts.processed).toBeGreaterThan(3);
  });

  it('filters by folder, status, text and overdue, and pages with the cursor', async () => {
    const cookie = await signIn(portal, demoUsers.coordinatorGov.id);
    const rows = async (query: string) =>
      rowsOf(await page(portal, cookie, `/backoffice?${query}`));
    expect(await rows('folder=returned')).toEqual(['demo-115']);
    expect(await rows('folder=returned_to_coordination')).toEqual(['demo-105']);
    expect(await rows('status=rejected')).toEqual(['demo-103']);
    expect(await rows('overdue=yes')).toContain('demo-108');
    expect(await rows('overdue=yes')).not.toContain('demo-110');
    expect(await rows('fastTrack=no')).not.toContain('demo-101');
    expect(await rows(`text=${encodeURIComponent('гараж')}`)).toEqual(['demo-103']);
    const newest = await rows('');
    expect(await rows('direction=asc')).toEqual([...newest].reverse());
    const first = await page(portal, cookie, '/backoffice');
    expect(first).not.toContain('rel="next"'); // 13 visible, one page of 20
    const pages: string[][] = [];
    let url: string | undefined = '/backoffice?limit=5';
    while (url) {
      const html = await page(portal, cookie, url);
      pages.push(rowsOf(html));
      url = html.match(/<a href="([^"]+)" rel="next"/)?.[1]?.replaceAll('&amp;', '&');
    }
    expect(pages.map((p) => p.length)).toEqual([5, 5, 3]);
    expect(pages.flat()).toEqual(newest);
    expect(await page(portal, cookie, '/backoffice?cursor=nonsense')).toContain(
      'Фильтр не применён',
    );
  });
});

describe('without demo mode', () => {
  it('hides the demo users and signs in by token only, on an empty message list', async () => {
    const closed = await createPortal(
      { dataDir: null, demo: false, tokenSecret: 'secret', workerIntervalMs: 1000 },
      { log: () => {}, runWorker: false },
    );
    try {
      expect(closed.seed.seeded).toBe(false);
      expect((await closed.app.request('/demo/users')).status).toBe(404);
      const signInPage = await (await closed.app.request('/sign-in')).text();
      expect(signInPage).toContain('name="token"');
      expect(signInPage).not.toContain('data-user=');
      const asUser = await closed.app.request('/sign-in', formPost({ userId: 'app-ivanov' }));
      expect(asUser.status).toBe(401);
      const token = createAccounts(closed.store.directory, 'secret').tokenOf('app-ivanov');
      const withToken = await closed.app.request('/sign-in', formPost({ token }));
      expect(withToken.headers.get('location')).toBe('/my');
    } finally {
      await closed.close();
    }
  });
});
