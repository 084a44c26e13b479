import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onfUsers } from '../src/seed/onf-world.js';
import { figuresOf } from './dashboard-figures.js';
import { signIn, startTestPortal, type TestPortal } from './support.js';

/** A figure of the page's table: its text and the card list it links to. */

const cardsOf = (html: string): string[] =>
  [...html.matchAll(/<tr data-case="([^"]+)"/g)].map((m) => m[1] ?? '');

describe('«Показатели ОНФ» (/analytics/onf) over the seeded demo cards', () => {
  let portal: TestPortal;
  const cookies: Record<string, string> = {};
  const get = async (userId: string | null, path: string) => {
    if (userId !== null) cookies[userId] ??= await signIn(portal, userId);
    const response = await portal.app.request(path, {
      headers: userId === null ? {} : { cookie: cookies[userId] as string },
    });
    return { status: response.status, html: await response.text() };
  };

  beforeAll(async () => {
    portal = await startTestPortal();
  }, 90_000);
  afterAll(() => portal?.close());

  it('shows a region’s curator the demo figures, each linked count the card list behind it', async () => {
    const { status, html } = await get(onfUsers.curator41.id, '/analytics/onf');
    expect(status).toBe(200);
    // The last twelve weeks up to 15.04.2025, Monday to today.
    expect(html).toContain('<input type="date" name="from" value="2025-01-27" required=""/>');
    const rows = figuresOf(html, 'week');
    expect(rows.size).toBe(13); // twelve weeks and «Итого»
    const total = rows.get('total');
    // Every Kamchatka demo card, created in these weeks: the curator's list holds 16.
    expect(total?.get('created')?.value).toBe(16);
    expect(
      (['done', 'postponed', 'closed', 'open'] as const).reduce(
        (n, f) => n + (total?.get(f)?.value ?? 0),
        0,
      ),
    ).toBe(16);
    expect(total?.get('closed')?.value).toBeGreaterThan(0);
    let followed = 0;
    for (const [week, figures] of rows) {
      for (const [figure, { value, href }] of figures) {
        if (figure === 'open' || figure === 'curatorReturns') {
          expect(href, `${week} ${figure}`).toBeNull();
          continue;
        }
        expect(href, `${week} ${figure}`).toMatch(/^\/onf\?/);
        const list = await get(onfUsers.curator41.id, href as string);
        expect(list.status).toBe(200);
        expect(cardsOf(list.html).length, `${week} ${figure}: ${href}`).toBe(value);
        followed++;
      }
    }
    expect(followed).toBe(13 * 4);
    expect(total?.get('done')?.href).toBe(
      '/onf?statuses=done&createdFrom=2025-01-27&createdTo=2025-04-15',
    );
    // The closed cards by reason add up to the closed ones.
    const reasons = [
      ...html.matchAll(
        /<tr data-reason="[^"]+"><th scope="row">[^<]+<\/th><td class="num">(\d+)<\/td>/g,
      ),
    ];
    expect(reasons).toHaveLength(7);
    expect(reasons.reduce((n, m) => n + Number(m[1]), 0)).toBe(total?.get('closed')?.value);
  });

  it('draws the weekly chart as inline SVG named by its caption, with a table, and no script', async () => {
    const { html } = await get(onfUsers.curator41.id, '/analytics/onf');
    const charts = [
      ...html.matchAll(
        /<figure class="card chart-card" data-chart="([^"]+)">([\s\S]*?)<\/figure>/g,
      ),
    ];
    expect(charts.map((c) => c[1])).toEqual(['onf-weekly']);
    const figure = charts[0]?.[2] ?? '';
    expect(figure).toContain('<h2 id="onf-weekly-caption">');
    expect(figure).toMatch(/<svg [^>]*role="img" aria-labelledby="onf-weekly-caption"/);
    expect(figure).toMatch(/<details><summary>Данные графика таблицей<\/summary><table>/);
    const tableRows = [...figure.matchAll(/<tr><th scope="row">[^<]+<\/th><td>(\d+)<\/td>/g)];
    expect(tableRows).toHaveLength(12);
    expect(tableRows.reduce((n, m) => n + Number(m[1]), 0)).toBe(16);
    const body = html.slice(html.indexOf('<body'));
    expect(body).not.toMatch(/<[^>]*\sstyle=|<style|<script/);
    expect(html).toContain('<a href="/analytics/onf">Показатели ОНФ</a>');
  });

  it('lets in the ОНФ’s supervisors and curators, each to their region', async () => {
    const kam = figuresOf((await get(onfUsers.curator41.id, '/analytics/onf')).html, 'week');
    // The supervisor of the same РИК counts the same cards, and follows the same links.
    const supervisor = await get(onfUsers.supervisor41.id, '/analytics/onf');
    expect(supervisor.status).toBe(200);
    const sup = figuresOf(supervisor.html, 'week').get('total');
    expect(sup?.get('created')?.value).toBe(16);
    expect(sup?.get('done')).toEqual(kam.get('total')?.get('done'));
    expect(sup?.get('created')?.href).toMatch(/^\/onf\?/);
    // ОНФ staff of another region see theirs only.
    const uly = figuresOf((await get(onfUsers.curator73.id, '/analytics/onf')).html, 'week');
    expect(uly.get('total')?.get('created')?.value).toBeGreaterThan(0);
    expect(uly.get('total')?.get('created')?.value).not.toBe(16);
    const supUly = figuresOf((await get(onfUsers.supervisor73.id, '/analytics/onf')).html, 'week');
    expect(supUly.get('total')?.get('created')?.value).toBe(
      uly.get('total')?.get('created')?.value,
    );
    // A curator of both workflows sees the РИК's figures, and has the tabs on both pages.
    const both = await get(onfUsers.curatorBoth41.id, '/analytics/onf');
    expect(figuresOf(both.html, 'week').get('total')?.get('created')).toEqual(
      kam.get('total')?.get('created'),
    );
    expect(both.html).toContain('data-analytics-tab="messages"');
    expect((await get(onfUsers.curatorBoth41.id, '/analytics')).html).toMatch(
      /<a href="\/analytics\/onf" class="" data-analytics-tab="onf">/,
    );
    // Their header links to the page; the ОНФ-only curator has no tab to the message dashboard.
    const home = await get(onfUsers.supervisor41.id, '/onf');
    expect(home.html).toContain('<a href="/analytics/onf">Показатели ОНФ</a>');
    expect(kam.size).toBe(13);
    expect((await get(onfUsers.curator41.id, '/analytics/onf')).html).not.toContain(
      'data-analytics-tab',
    );
  });

  it('refuses everyone else: no page, no link in the header, no tab, no sheet', async () => {
    const refusedUsers = [
      // ОНФ people who work single cards: executors, a volunteer, the moderator, support.
      onfUsers.executor41.id,
      onfUsers.executor41b.id,
      onfUsers.executor73.id,
      onfUsers.volunteer73.id,
      onfUsers.moderator.id,
      onfUsers.support.id,
      // ПОС staff, the Kamchatka government's curator among them though the card list shows
      // them the region's cards; an applicant; the 112 operator.
      'cur-kam-gov',
      'head-kam-gov',
      'admin-kam-roads',
      'exec-kam-roads',
      'op-uly-112',
      'app-ivanov',
    ];
    for (const userId of refusedUsers) {
      const refused = await get(userId, '/analytics/onf');
      expect(refused.status, userId).toBe(403);
      expect(refused.html).toContain(
        'Показатели ОНФ видят супервайзеры и кураторы ОНФ региона и штаба.',
      );
      expect(refused.html, userId).not.toContain('href="/analytics/onf"');
      const sheet = await get(
        userId,
        '/analytics/onf/indicators.xlsx?from=2025-01-27&to=2025-04-15&groupBy=week',
      );
      expect(sheet.status, userId).toBe(403);
    }
    // The ОНФ people's home page (the card list) has no link to the page either.
    for (const userId of [onfUsers.executor41.id, onfUsers.moderator.id, onfUsers.support.id]) {
      const home = await get(userId, '/onf');
      expect(home.status, userId).toBe(200);
      expect(home.html, userId).not.toContain('href="/analytics/onf"');
    }
    // The ПОС curator keeps the message dashboard, without the tabs to the ОНФ one.
    const messages = await get('cur-kam-gov', '/analytics');
    expect(messages.status).toBe(200);
    expect(messages.html).not.toContain('data-analytics-tab');
    expect((await get('head-kam-gov', '/analytics')).html).not.toContain('data-analytics-tab');
    const anonymous = await get(null, '/analytics/onf');
    expect(anonymous.status).toBe(303);
  });

  it('counts the default weeks when the period is wrong, and takes an asked one', async () => {
    const wrong = await get(onfUsers.curator41.id, '/analytics/onf?from=2025-04-01&to=2025-03-01');
    expect(wrong.status).toBe(200);
    expect(wrong.html).toContain('Начало периода позже его конца');
    expect(wrong.html).toContain('value="2025-01-27"');
    const april = await get(onfUsers.curator41.id, '/analytics/onf?from=2025-04-07&to=2025-04-15');
    const rows = figuresOf(april.html, 'week');
    expect([...rows.keys()]).toEqual(['2025-04-07', '2025-04-14', 'total']);
    const created = rows.get('total')?.get('created');
    expect(created?.href).toBe('/onf?createdFrom=2025-04-07&createdTo=2025-04-15');
    const list = await get(onfUsers.curator41.id, created?.href as string);
    expect(cardsOf(list.html)).toHaveLength(created?.value ?? -1);
  });

  it('downloads the figures as the sheet «Показатели ОНФ», from the API as the user', async () => {
    const { html } = await get(onfUsers.curator41.id, '/analytics/onf');
    const href = /<a href="([^"]+)" data-xlsx/.exec(html)?.[1]?.replaceAll('&amp;', '&');
    expect(href).toBe('/analytics/onf/indicators.xlsx?from=2025-01-27&to=2025-04-15&groupBy=week');
    const response = await portal.app.request(href as string, {
      headers: { cookie: cookies[onfUsers.curator41.id] as string },
    });
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe('Показатели ОНФ');
    const last = sheet?.getRow(sheet.rowCount).values as unknown[];
    expect(last?.[1]).toBe('Итого');
    expect(last?.[3]).toBe(16);
    const refused = await get('head-kam-gov', href as string);
    expect(refused.status).toBe(403);
  });
});
