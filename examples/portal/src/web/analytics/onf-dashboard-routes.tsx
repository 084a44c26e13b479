import {
  type CaseIndicatorQueryInput,
  type CaseStore,
  caseIndicatorScopeOf,
  caseViewScopeOf,
} from '@reshaem/core';
import type { Hono } from 'hono';
import type { PageEnv } from '../../auth/session.js';
import type { WebDeps } from '../deps.js';
import type { ApiFetch } from '../onf/case-export-route.js';
import { userZone } from '../onf/user-zone.js';
import { problemPage, render } from '../render.js';
import { readDashboardFilters } from './dashboard-filters.js';
import { onfDashboardCharts } from './onf-dashboard-charts.js';
import { OnfDashboardPage } from './onf-dashboard-page.js';

/**
 * Does the user's card list hold exactly the cards their figures count? Only then may a
 * figure link to the list: one region (the list reads dates in the user's zone, the figures
 * in the card's region's), and no card the figures leave out — a curator who is also a
 * moderator elsewhere lists that region's cards too.
 */
const listsWhatItCounts = (
  counted: { all: boolean; regionCodes: string[] },
  listed: { all: boolean; regionCodes: string[] },
) =>
  !counted.all &&
  counted.regionCodes.length === 1 &&
  !listed.all &&
  listed.regionCodes.length === 1 &&
  listed.regionCodes[0] === counted.regionCodes[0];

type CaseIndicatorStore = CaseStore & Required<Pick<CaseStore, 'caseIndicators'>>;

const counts = (store: WebDeps['store']): store is WebDeps['store'] & CaseIndicatorStore =>
  typeof (store as Partial<CaseStore>).caseIndicators === 'function';

/**
 * GET /analytics/onf: «Показатели ОНФ», the card indicators by week of creation, for the
 * ОНФ's supervisors and curators (the core's `caseIndicatorScopeOf`: their region's cards,
 * every region's for the headquarters); anyone else gets the portal's 403 page.
 * GET /analytics/onf/indicators.xlsx: the same figures from the API's own sheet, called
 * in-process as the signed-in user. Registered only when the store counts the card
 * indicators.
 */
export function registerOnfDashboard(app: Hono<PageEnv>, deps: WebDeps, api: ApiFetch): void {
  const store = deps.store;
  if (!counts(store)) return;
  const { directory } = store;

  app.get('/analytics/onf', async (c) => {
    const user = c.get('user');
    const scope = caseIndicatorScopeOf(user, directory);
    if (scope === null) {
      return problemPage(
        c,
        {
          directory,
          user,
          title: 'Нет доступа',
          text: 'Показатели ОНФ видят супервайзеры и кураторы ОНФ региона и штаба.',
        },
        403,
      );
    }
    const now = deps.now();
    const { filters, errors } = readDashboardFilters(
      new URL(c.req.url).searchParams,
      now,
      userZone(directory, user),
    );
    const period = { from: filters.from, to: filters.to };
    const query: CaseIndicatorQueryInput = { ...period, groupBy: 'week' };
    const byWeek = await store.caseIndicators(query, user);
    const params = new URLSearchParams({ ...period, groupBy: 'week' });
    return render(
      c,
      <OnfDashboardPage
        user={user}
        directory={directory}
        period={period}
        byWeek={byWeek}
        charts={await onfDashboardCharts(byWeek.rows)}
        linked={listsWhatItCounts(scope, caseViewScopeOf(user, directory))}
        notices={errors}
        xlsxHref={`/analytics/onf/indicators.xlsx?${params}`}
      />,
    );
  });

  app.get('/analytics/onf/indicators.xlsx', async (c) => {
    const user = c.get('user');
    const params = new URL(c.req.url).searchParams;
    params.set('format', 'xlsx');
    const url = new URL(`/api/analytics/case-indicators?${params}`, c.req.url);
    return api(
      new Request(url, { headers: { authorization: `Bearer ${deps.accounts.tokenOf(user.id)}` } }),
    );
  });
}
