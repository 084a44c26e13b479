import type { CaseIndicatorQueryInput, CaseStore } from '@reshaem/core';
import type { Hono } from 'hono';
import type { PageEnv } from '../../auth/session.js';
import type { WebDeps } from '../deps.js';
import type { ApiFetch } from '../onf/case-export-route.js';
import { userZone } from '../onf/user-zone.js';
import { problemPage, render } from '../render.js';
import { readDashboardFilters } from './dashboard-filters.js';
import { onfDashboardCharts } from './onf-dashboard-charts.js';
import { OnfDashboardPage } from './onf-dashboard-page.js';
import { caseIndicatorScopeOf } from './onf-tabs.js';

type CaseIndicatorStore = CaseStore & Required<Pick<CaseStore, 'caseIndicators'>>;

const counts = (store: WebDeps['store']): store is WebDeps['store'] & CaseIndicatorStore =>
  typeof (store as Partial<CaseStore>).caseIndicators === 'function';

/**
 * GET /analytics/onf: «Показатели ОНФ», the card indicators by week of creation, for
 * whoever sees cards (`caseViewScopeOf`: a region's ОНФ staff, platform-wide staff);
 * anyone else gets the portal's 403 page. GET /analytics/onf/indicators.xlsx: the same
 * figures from the API's own sheet, called in-process as the signed-in user. Registered
 * only when the store counts the card indicators.
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
          text: 'Показатели ОНФ видят сотрудники ОНФ региона и штаба.',
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
        linked={!scope.all && scope.regionCodes.length === 1}
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
