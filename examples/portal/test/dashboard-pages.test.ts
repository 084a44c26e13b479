import { createSqlStore, type SqlStore } from '@reshaem/adapters-sql';
import type { MessageStore } from '@reshaem/core';
import { createDemoDirectory } from '@reshaem/core/testing';
import ExcelJS from 'exceljs';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortalApp } from '../src/app.js';
import { createAccounts } from '../src/auth/accounts.js';
import type { PageEnv } from '../src/auth/session.js';
import { type Figure, figuresOf } from './dashboard-figures.js';
import { LIVES_NOW, liveIndicatorHistories } from './dashboard-lives.js';
import { memoryPortalApp, NO_RATE_LIMITS, rowsOf, signIn } from './support.js';

const PERIOD = 'from=2025-01-01&to=2025-02-28';

/** The linked figures of a chart's table (`data-figure` cells), read off the page. */
function chartFiguresOf(html: string, chart: string): Map<string, Figure> {
  const at = html.indexOf(`data-chart="${chart}"`);
  const figure = html.slice(at, html.indexOf('</figure>', at));
  const figures = new Map<string, Figure>();
  for (const [, name = '', inner = ''] of figure.matchAll(
    /<td class="num" data-figure="([^"]+)">([\s\S]*?)<\/td>/g,
  )) {
    const link = /<a href="([^"]+)"[^>]*>(\d+)<\/a>/.exec(inner);
    figures.set(name, {
      value: Number(link ? link[2] : inner),
      href: link?.[1]?.replaceAll('&amp;', '&') ?? null,
    });
  }
  return figures;
}

interface PagesOver {
  app: Hono<PageEnv>;
  store: MessageStore;
}

/** The portal's pages over PGlite in memory, as the portal runs, without its demo seed. */
async function sqlPortalApp(): Promise<PagesOver> {
  const store: SqlStore = await createSqlStore({ directory: createDemoDirectory() });
  const now = () => LIVES_NOW;
  const accounts = createAccounts(store.directory, 'test-secret', { now });
  const app = createPortalApp({ store, accounts, now, demo: true, rateLimits: NO_RATE_LIMITS });
  return { app, store };
}

const portals: { name: string; open: () => Promise<PagesOver> }[] = [
  { name: 'memory', open: async () => memoryPortalApp({ now: () => LIVES_NOW }) },
  { name: 'PGlite', open: sqlPortalApp },
];

describe.each(portals)('the dashboard page («Показатели») on $name', ({ open }) => {
  let portal: PagesOver;
  const get = async (cookie: string, path: string) => {
    const response = await portal.app.request(path, { headers: { cookie } });
    return { status: response.status, html: await response.text() };
  };
  const cookies: Record<string, string> = {};
  const as = async (userId: string) => {
    cookies[userId] ??= await signIn(portal as never, userId);
    return cookies[userId] as string;
  };

  beforeAll(async () => {
    portal = await open();
    await liveIndicatorHistories(portal.store);
  }, 60_000);
  afterAll(async () => {
    await (portal?.store as Partial<SqlStore> | undefined)?.close?.();
  });

  it('shows a head the figures of their subtree, each count linked to the list behind it', async () => {
    const cookie = await as('head-kam-gov');
    const { status, html } = await get(cookie, `/analytics?${PERIOD}`);
    expect(status).toBe(200);
    const rows = figuresOf(html, 'org');
    expect([...rows.keys()].sort()).toEqual(['kam-gov', 'kam-roads', 'total']);
    const roads = rows.get('kam-roads');
    expect(roads?.get('received')?.value).toBeGreaterThan(5);
    rows.set('ratings chart', chartFiguresOf(html, 'ratings'));
    // Every linked count is the number of messages the list it links to shows.
    const unlinked: string[] = [];
    let followed = 0;
    for (const [org, figures] of rows) {
      for (const [figure, { value, href }] of figures) {
        if (href === null) {
          unlinked.push(`${org} ${figure} ${value}`);
          continue;
        }
        const list = await get(cookie, `${href}&limit=100`);
        expect(list.status).toBe(200);
        expect(rowsOf(list.html).length, `${org} ${figure}: ${href}`).toBe(value);
        followed++;
      }
    }
    // 7 counts × 3 rows; «Оценено» of the roads ministry; «Повторно» × 3; the score 5.
    expect(followed).toBe(26);
    expect(rows.get('ratings chart')?.get('rating5')?.href).toBe(
      '/backoffice?ratingScores=5&createdFrom=2025-01-01&createdTo=2025-02-28',
    );
    // E, rated 2 and after its re-review 4, is two ratings and one message: where a row had a
    // re-review, «Оценено» and the scores 1–4 (any may have sent a message back under the low
    // mark of its day) count ratings the list may not show.
    expect(unlinked.sort()).toEqual([
      'kam-gov rated 2',
      'ratings chart rating1 0',
      'ratings chart rating2 1',
      'ratings chart rating3 0',
      'ratings chart rating4 1',
      'total rated 3',
    ]);
    const rated = await get(cookie, '/backoffice?rated=yes&createdFrom=2025-01-01&limit=100');
    expect(rowsOf(rated.html).sort()).toEqual(['ind-a', 'ind-e']);
  });

  it('filters the backoffice list by rating and re-review, the form keeping the choice', async () => {
    const cookie = await as('head-kam-gov');
    const list = async (query: string) => {
      const page = await get(cookie, `/backoffice?createdFrom=2025-01-01&limit=100&${query}`);
      expect(page.status).toBe(200);
      return { rows: rowsOf(page.html).sort(), html: page.html };
    };
    expect((await list('rated=yes')).rows).toEqual(['ind-a', 'ind-e']);
    expect((await list('rated=no')).rows).toHaveLength(7);
    expect((await list('ratingScores=2')).rows).toEqual(['ind-e']);
    expect((await list('ratingScores=4&ratingScores=5')).rows).toEqual(['ind-a', 'ind-e']);
    expect((await list('ratingScores=3')).rows).toEqual([]);
    const reReviewed = await list('reReviewed=yes&ratingScores=5');
    expect(reReviewed.rows).toEqual([]);
    expect(reReviewed.html).toMatch(/Оценён<br\/><select name="rated">/);
    expect(reReviewed.html).toMatch(
      /Оценка<br\/><select name="ratingScores" multiple="" size="4">/,
    );
    expect(reReviewed.html).toContain('<option value="5" selected="">5</option>');
    expect(reReviewed.html).toMatch(
      /На повторном рассмотрении был<br\/><select name="reReviewed">[\s\S]*?<option value="yes" selected="">да<\/option>/,
    );
  });

  it('draws the three charts as inline SVG, each named by its caption, with a table', async () => {
    const { html } = await get(await as('cur-kam-gov'), `/analytics?${PERIOD}`);
    const charts = [
      ...html.matchAll(
        /<figure class="card chart-card" data-chart="([^"]+)">([\s\S]*?)<\/figure>/g,
      ),
    ];
    expect(charts.map((c) => c[1])).toEqual(['trend', 'on-time', 'ratings']);
    for (const [, id, figure = ''] of charts) {
      expect(figure).toContain(`<h2 id="${id}-caption">`);
      expect(figure).toMatch(new RegExp(`<svg [^>]*role="img" aria-labelledby="${id}-caption"`));
      expect(figure).toMatch(/<details><summary>Данные графика таблицей<\/summary><table>/);
    }
    // The ratings: A 5, E 2 and 4 — three rated answers, their bars labelled with the counts.
    const ratings = charts[2]?.[2] ?? '';
    expect(ratings).toMatch(
      /<th scope="row">5<\/th><td class="num" data-figure="rating5"><a [^>]*>1</,
    );
    expect(ratings).toContain('<th scope="row">2</th><td class="num" data-figure="rating2">1</td>');
    // The page carries no inline style the CSP would block, and no script.
    const body = html.slice(html.indexOf('<body'));
    expect(body).not.toMatch(/<[^>]*\sstyle=|<style|<script/);
  });

  it('keeps others out: another organisation’s head, and roles that see no figures', async () => {
    const uly = await get(await as('head-uly-roads'), `/analytics?${PERIOD}`);
    expect([...figuresOf(uly.html, 'org').keys()].sort()).toEqual(['total', 'uly-roads']);
    expect(uly.html).toContain('<a href="/analytics">Показатели</a>');
    const theirs = await get(await as('head-uly-roads'), `/analytics?${PERIOD}&org=kam-roads`);
    expect(theirs.status).toBe(403);
    expect(theirs.html).toContain('Показатели этой организации вам не видны.');
    for (const userId of ['coord-kam-roads', 'exec-kam-roads', 'app-ivanov', 'op-uly-112']) {
      const refused = await get(await as(userId), '/analytics');
      expect(refused.status, userId).toBe(403);
      expect(refused.html).toContain('Показатели видят руководители, кураторы и администраторы.');
      expect(refused.html).not.toContain('href="/analytics"');
    }
    const anonymous = await portal.app.request('/analytics');
    expect(anonymous.status).toBe(303);
  });

  it('filters by organisation, with or without its subordinates', async () => {
    const cookie = await as('head-kam-gov');
    const government = figuresOf(
      (await get(cookie, `/analytics?${PERIOD}&org=kam-gov`)).html,
      'org',
    );
    expect([...government.keys()].sort()).toEqual(['kam-gov', 'kam-roads', 'total']);
    // With its subordinates the totals are not one organisation: the list cannot show them.
    expect(government.get('total')?.get('received')?.href).toBeNull();
    const alone = await get(cookie, `/analytics?${PERIOD}&org=kam-gov&subtree=no`);
    const aloneRows = figuresOf(alone.html, 'org');
    expect([...aloneRows.keys()].sort()).toEqual(['kam-gov', 'total']);
    expect(aloneRows.get('total')?.get('received')?.href).toBe(
      `/backoffice?org=kam-gov&createdFrom=2025-01-01&createdTo=2025-02-28`,
    );
    expect(alone.html).toContain('<option value="no" selected="">не учитывать</option>');
  });

  it('counts the last twelve weeks when the period is missing, backwards or too long', async () => {
    const cookie = await as('head-kam-gov');
    const plain = await get(cookie, '/analytics');
    expect(plain.html).toContain('<input type="date" name="from" value="2024-11-25" required=""/>');
    expect(plain.html).toContain('<input type="date" name="to" value="2025-02-10" required=""/>');
    for (const [query, notice] of [
      ['from=2025-02-01&to=2025-01-01', 'Начало периода позже его конца'],
      ['from=2023-01-01&to=2025-01-01', 'Период длиннее 366 дней'],
      ['from=2025-02-30&to=2025-03-01', 'Даты периода не распознаны'],
    ] as const) {
      const page = await get(cookie, `/analytics?${query}`);
      expect(page.status).toBe(200);
      expect(page.html).toContain(notice);
      expect(page.html).toContain('value="2024-11-25"');
    }
  });

  it('downloads the figures by organisation as Excel, from the API as the signed-in user', async () => {
    const response = await portal.app.request(`/analytics/indicators.xlsx?${PERIOD}&groupBy=org`, {
      headers: { cookie: await as('head-kam-gov') },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const names: unknown[] = [];
    workbook.worksheets[0]?.eachRow((row) => names.push((row.values as unknown[])[1]));
    expect(names).toEqual([
      'Группа',
      'Министерство транспорта и дорожного строительства Камчатского края',
      'Правительство Камчатского края',
      'Итого',
    ]);
    const refused = await get(
      await as('coord-kam-roads'),
      `/analytics/indicators.xlsx?${PERIOD}&groupBy=org`,
    );
    expect(refused.status).toBe(403);
  });
});
