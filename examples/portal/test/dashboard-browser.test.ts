import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, openBrowserSession, skipBrowserTests } from './browser-session.js';

describe.skipIf(skipBrowserTests)('the dashboard in Chromium', () => {
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

  /** Each chart's caption, and what its SVG holds as the browser laid it out. */
  const charts = () =>
    page.locator('figure[data-chart]').evaluateAll((figures) =>
      figures.map((figure) => {
        const svg = figure.querySelector('svg');
        const box = svg?.getBoundingClientRect();
        const labelledBy = svg?.getAttribute('aria-labelledby') ?? '';
        return {
          chart: figure.getAttribute('data-chart'),
          name: document.getElementById(labelledBy)?.textContent ?? null,
          role: svg?.getAttribute('role') ?? null,
          width: Math.round(box?.width ?? 0),
          height: Math.round(box?.height ?? 0),
          shapes: svg?.querySelectorAll('path').length ?? 0,
          texts: [...(svg?.querySelectorAll('text') ?? [])].map((t) => t.textContent),
          // The computed font: the text's font attributes applied, though the CSP allows no style.
          font: svg?.querySelector('text')
            ? getComputedStyle(svg.querySelector('text') as Element).fontSize
            : null,
        };
      }),
    );

  it('renders the three charts as SVG, named by their captions, with nothing blocked by the CSP', async () => {
    if (!session) throw new Error('the browser session did not start');
    await session.signInAs('head-kam-gov', '/analytics');
    expect(await page.locator('h1').textContent()).toBe('Показатели работы с сообщениями');
    expect(await page.locator('header nav a[href="/analytics"]').textContent()).toBe('Показатели');
    const drawn = await charts();
    expect(drawn.map((c) => [c.chart, c.name, c.role])).toEqual([
      ['trend', 'Поступление и ответы по неделям', 'img'],
      ['on-time', 'Доля ответов в срок по организациям', 'img'],
      ['ratings', 'Распределение оценок ответов', 'img'],
    ]);
    for (const chart of drawn) {
      expect(chart.width, chart.chart ?? '').toBeGreaterThan(300);
      expect(chart.height).toBeGreaterThan(100);
      expect(chart.shapes).toBeGreaterThan(3);
      expect(chart.font).toBe('12px');
    }
    expect(drawn[2]?.texts).toEqual(expect.arrayContaining(['1', '2', '3', '4', '5']));
    // The page ran no script: Chromium reports none, and no CSP complaint either.
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    expect(session.violations).toEqual([]);
    await page.screenshot({ path: `${session.shots}/dashboard.png`, fullPage: true });
  });

  it('filters by organisation with the form, and a count opens the list behind it', async () => {
    if (!session) throw new Error('the browser session did not start');
    await session.signInAs('head-kam-gov', '/analytics');
    await page.selectOption('form.filters select[name="org"]', 'kam-roads');
    await page.selectOption('form.filters select[name="subtree"]', 'no');
    await page.click('form.filters button[type="submit"]');
    await page.waitForURL(/org=kam-roads/);
    expect(
      await page
        .locator('tbody tr[data-org]')
        .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-org'))),
    ).toEqual(['kam-roads']);
    expect((await charts()).map((c) => c.chart)).toEqual(['trend', 'on-time', 'ratings']);
    const received = page.locator('tr[data-org="kam-roads"] td[data-figure="received"] a');
    const count = Number(await received.textContent());
    expect(count).toBeGreaterThan(0);
    await received.click();
    await page.waitForURL(/\/backoffice\?/);
    expect(page.url()).toContain('org=kam-roads');
    expect(await page.locator('.pager').first().textContent()).toContain(`из ${count}`);
    expect(session.violations).toEqual([]);
  });

  it('refuses a coordinator, and shows them no link to it', async () => {
    if (!session) throw new Error('the browser session did not start');
    await session.signInAs('coord-kam-roads');
    expect(await page.locator('header nav a[href="/analytics"]').count()).toBe(0);
    const response = await page.goto(`${base}/analytics`);
    expect(response?.status()).toBe(403);
    expect(await page.locator('h1').textContent()).toBe('Нет доступа');
  });
});
