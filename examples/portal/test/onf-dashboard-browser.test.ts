import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onfUsers } from '../src/seed/onf-world.js';
import { type BrowserSession, openBrowserSession, skipBrowserTests } from './browser-session.js';

describe.skipIf(skipBrowserTests)('«Показатели ОНФ» in Chromium', () => {
  let session: BrowserSession | undefined;
  let page: Page;

  beforeAll(async () => {
    session = await openBrowserSession();
    ({ page } = session);
  }, 90_000);
  afterAll(async () => {
    await session?.close();
  });

  it('draws the weekly chart without script, and a count opens the cards behind it', async () => {
    if (!session) throw new Error('the browser session did not start');
    await session.signInAs(onfUsers.curator41.id, '/analytics/onf');
    expect(await page.locator('h1').textContent()).toBe('Показатели ОНФ');
    expect(await page.locator('header nav a[href="/analytics/onf"]').textContent()).toBe(
      'Показатели ОНФ',
    );
    const chart = await page.locator('figure[data-chart="onf-weekly"] svg').evaluate((svg) => {
      const box = svg.getBoundingClientRect();
      const text = svg.querySelector('text');
      return {
        name: document.getElementById(svg.getAttribute('aria-labelledby') ?? '')?.textContent,
        width: Math.round(box.width),
        shapes: svg.querySelectorAll('path').length,
        font: text ? getComputedStyle(text).fontSize : null,
      };
    });
    expect(chart.name).toBe('Карточки по неделям создания: создано, выполнено, закрыто');
    expect(chart.width).toBeGreaterThan(300);
    expect(chart.shapes).toBeGreaterThan(3);
    expect(chart.font).toBe('12px'); // the SVG's font attributes, though the CSP allows no style
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    await page.screenshot({ path: `${session.shots}/onf-dashboard.png`, fullPage: true });

    const done = page.locator('tr[data-week="total"] td[data-figure="done"] a');
    const count = Number(await done.textContent());
    expect(count).toBeGreaterThan(0);
    await done.click();
    await page.waitForURL(/\/onf\?statuses=done/);
    expect(await page.locator('tr[data-case]').count()).toBe(count);
    expect(session.violations).toEqual([]);
  });

  it('moves between the two dashboards by their tabs', async () => {
    if (!session) throw new Error('the browser session did not start');
    await session.signInAs(onfUsers.curatorBoth41.id, '/analytics');
    await page.click('a[data-analytics-tab="onf"]');
    await page.waitForURL(/\/analytics\/onf$/);
    expect(await page.locator('a[aria-current="page"]').textContent()).toBe('Карточки ОНФ');
    await page.click('a[data-analytics-tab="messages"]');
    await page.waitForURL(/\/analytics$/);
    expect(await page.locator('h1').textContent()).toBe('Показатели работы с сообщениями');
    expect(session.violations).toEqual([]);
  });
});
