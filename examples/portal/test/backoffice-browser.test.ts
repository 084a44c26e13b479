import { join } from 'node:path';
import { demoUsers } from '@reshaem/core/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { potholeSubmit } from '../../../packages/core/test/helpers.js';
import { type BrowserSession, openBrowserSession, skipBrowserTests } from './browser-session.js';

describe.skipIf(skipBrowserTests)('the backoffice lists in Chromium', () => {
  let session: BrowserSession | undefined;
  let page: Page;
  let base = '';

  beforeAll(async () => {
    session = await openBrowserSession();
    ({ page, base } = session);
  }, 90_000);

  afterAll(async () => {
    await session?.close();
  });

  const signInAs = async (userId: string, then?: string) => {
    if (!session) throw new Error('the browser session did not start');
    await session.signInAs(userId, then);
  };
  const rows = () =>
    page.locator('tr[data-message]').evaluateAll((trs) => trs.map((tr) => tr.dataset.message));
  const tabCount = async (folder: string) =>
    Number(await page.locator(`[data-folder="${folder}"] .count`).textContent());

  it('assigns a selection in bulk; the executor finds it in «Новые», counted', async () => {
    await signInAs(demoUsers.executorRoads.id, '/backoffice');
    const before = await tabCount('assigned_new');

    await signInAs(demoUsers.coordinatorRoads.id, '/backoffice?folder=new&status=coordination');
    const first = await page.locator('tr[data-message]').first().getAttribute('data-message');
    const number = await page.locator('tr[data-message] td.nowrap a').first().textContent();
    await page.locator('tr[data-message] input[type="checkbox"]').first().check();
    await page.selectOption('form#bulk select[name="executorId"]', demoUsers.executorRoads.id);
    await page.click('form#bulk button[value="assign"]');
    await page.waitForLoadState();
    const report = await page.locator('.report').textContent();
    expect(report, report ?? '').toContain('Выполнено: 1 из 1.');
    expect(await page.locator('.report li').textContent()).toContain(`${number}: назначен`);
    expect(await rows()).not.toContain(first); // no longer new for the coordinator

    await signInAs(demoUsers.executorRoads.id, '/backoffice');
    expect(await tabCount('assigned_new')).toBe(before + 1);
    await page.click('[data-folder="assigned_new"]');
    await page.waitForURL(/queue=assigned_new/);
    expect(await page.locator('h1').textContent()).toBe('Новые');
    expect(await page.locator('[data-folder="assigned_new"]').getAttribute('aria-current')).toBe(
      'page',
    );
    expect(await rows()).toContain(first);
  });

  it('filters with the form, then sorts by the deadline by clicking its column head', async () => {
    await signInAs(demoUsers.coordinatorGov.id, '/backoffice');
    await page.selectOption('form.filters select[name="source"]', 'epgu');
    await page.click('form.filters button[type="submit"]');
    await page.waitForURL(/source=epgu/);
    const filtered = await rows();
    expect(filtered.length).toBeGreaterThan(1);
    const head = page.locator('th[data-sort="responseDueAt"]');
    expect(await head.getAttribute('aria-sort')).toBeNull();
    await head.locator('a').click();
    await page.waitForURL(/sort=responseDueAt/);
    expect(page.url()).toContain('source=epgu'); // the filter stays
    expect(await page.locator('th[data-sort="responseDueAt"]').getAttribute('aria-sort')).toBe(
      'descending',
    );
    const descending = await rows();
    expect([...descending].sort()).toEqual([...filtered].sort());
    const dueOf = async (ids: (string | undefined)[]) => {
      const store = session?.portal.store;
      const dues = [];
      for (const id of ids) {
        dues.push((await store?.get(id ?? ''))?.snapshot.context.responseDueAt ?? '');
      }
      return dues;
    };
    const dues = await dueOf(descending);
    expect(dues).toEqual([...dues].sort().reverse());
    await page.locator('th[data-sort="responseDueAt"] a').click();
    await page.waitForURL(/direction=asc/);
    expect(await page.locator('th[data-sort="responseDueAt"]').getAttribute('aria-sort')).toBe(
      'ascending',
    );
    expect(await dueOf(await rows())).toEqual([...dues].reverse());
    await page.click('form.filters a:text("Сбросить")');
    await page.waitForLoadState();
    expect(page.url()).toBe(`${base}/backoffice`);
  });

  it('pages forward and back with the range shown, and long words never widen the table', async () => {
    const store = session?.portal.store;
    const long = `Ремонт${'Ы'.repeat(400)}`;
    const submitted = await store?.submit(
      potholeSubmit({
        messageId: 'long-word',
        number: '41-099999',
        at: new Date().toISOString(),
        text: long,
      }),
    );
    expect(submitted?.ok).toBe(true);
    await signInAs(demoUsers.coordinatorGov.id, '/backoffice?limit=5');
    const range = () => page.locator('.pager [data-range]').first().textContent();
    const first = await rows();
    const total = Number((await range())?.match(/из (\d+)/)?.[1]);
    expect(await range()).toBe(`Показаны 1–5 из ${total}`);
    expect(total).toBeGreaterThan(10);
    await page.locator('a[rel="next"]').first().click();
    await page.waitForURL(/cursor=/);
    expect(await range()).toBe(`Показаны 6–10 из ${total}`);
    const second = await rows();
    await page.locator('a[rel="next"]').first().click();
    await page.waitForLoadState();
    expect(await range()).toBe(`Показаны 11–${Math.min(15, total)} из ${total}`);
    await page.locator('a[rel="prev"]').first().click();
    await page.waitForURL(/back=1/);
    expect(await rows()).toEqual(second);
    await page.locator('a[rel="prev"]').first().click();
    await page.waitForLoadState();
    expect(await rows()).toEqual(first);
    expect(await range()).toBe(`Показаны 1–5 из ${total}`);
    expect(await page.locator('a[rel="prev"]').count()).toBe(0);

    // The newest message, with a 400-letter word: the table stays inside the page.
    expect(first).toContain('long-word');
    const widths = await page.evaluate(() => ({
      table: document.querySelector('table.messages')?.getBoundingClientRect().width ?? 0,
      main: document.querySelector('main')?.clientWidth ?? 0,
      scroll: document.documentElement.scrollWidth,
      view: window.innerWidth,
    }));
    expect(widths.table).toBeLessThanOrEqual(widths.main);
    expect(widths.scroll).toBeLessThanOrEqual(widths.view);
    await page.screenshot({ path: join(session?.shots ?? '', 'backoffice-lists.png') });
    expect(session?.violations).toEqual([]);
  });
});
