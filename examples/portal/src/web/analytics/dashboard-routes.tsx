import {
  type Directory,
  type IndicatorScope,
  indicatorScopeOf,
  type MessageStore,
  type Principal,
  WorkflowRefusal,
} from '@reshaem/core';
import type { Context, Hono } from 'hono';
import type { PageEnv } from '../../auth/session.js';
import type { WebDeps } from '../deps.js';
import { formatInstant } from '../format.js';
import type { ApiFetch } from '../onf/case-export-route.js';
import { userZone } from '../onf/user-zone.js';
import { problemPage, render } from '../render.js';
import { dashboardCharts } from './dashboard-charts.js';
import {
  type DashboardFilters,
  indicatorQuery,
  readDashboardFilters,
} from './dashboard-filters.js';
import { DashboardPage } from './dashboard-page.js';
import { figureHref } from './figure-links.js';
import { registerOnfDashboard } from './onf-dashboard-routes.js';

type IndicatorStore = MessageStore & Required<Pick<MessageStore, 'indicators'>>;

/** The user's scope, or `null` for a role that sees no figures. */
function scopeOf(user: Principal, directory: Directory): IndicatorScope | null {
  try {
    return indicatorScopeOf(user, directory);
  } catch (error) {
    if (error instanceof WorkflowRefusal) return null;
    throw error;
  }
}

/** The organisations the user may pick, in the directory's order. */
const orgChoicesOf = (scope: IndicatorScope, directory: Directory) =>
  directory.organisations
    .filter((o) => scope.orgIds === null || scope.orgIds.includes(o.id))
    .map((o) => [o.id, o.name] as const);

/** The API's query parameters for the filters, grouped by organisation. */
function apiParams(filters: DashboardFilters, format?: 'xlsx'): URLSearchParams {
  const params = new URLSearchParams({ from: filters.from, to: filters.to, groupBy: 'org' });
  if (filters.org) {
    params.set('orgId', filters.org);
    params.set('subtree', String(filters.subtree));
  }
  if (format) params.set('format', format);
  return params;
}

/**
 * GET /analytics: the SLA dashboard («Показатели») for heads, curators and administrators;
 * anyone else gets the portal's 403 page. GET /analytics/indicators.xlsx: the same figures
 * by organisation from the API's own XLSX, called in-process as the signed-in user.
 * Registered only when the store counts indicators.
 */
export function registerDashboard(app: Hono<PageEnv>, deps: WebDeps, api: ApiFetch): void {
  // «Показатели ОНФ» (/analytics/onf), when the store counts the card indicators.
  registerOnfDashboard(app, deps, api);
  const store = deps.store;
  if (typeof store.indicators !== 'function') return;
  const counting = store as IndicatorStore;
  const { directory } = store;
  const refused = (c: Context<PageEnv>, text: string) =>
    problemPage(c, { directory, user: c.get('user'), title: 'Нет доступа', text }, 403);

  app.get('/analytics', async (c) => {
    const user = c.get('user');
    const scope = scopeOf(user, directory);
    if (scope === null) {
      return refused(c, 'Показатели видят руководители, кураторы и администраторы.');
    }
    const now = deps.now();
    const zone = userZone(directory, user);
    const { filters, errors } = readDashboardFilters(new URL(c.req.url).searchParams, now, zone);
    const orgChoices = orgChoicesOf(scope, directory);
    if (filters.org && !orgChoices.some(([id]) => id === filters.org)) {
      if (directory.organisation(filters.org)) {
        return refused(c, 'Показатели этой организации вам не видны.');
      }
      errors.push('Такой организации нет: показаны все доступные.');
      filters.org = '';
    }
    const [byOrg, byWeek] = await Promise.all([
      counting.indicators(indicatorQuery(filters, 'org', now), user),
      counting.indicators(indicatorQuery(filters, 'week', now), user),
    ]);
    return render(
      c,
      <DashboardPage
        user={user}
        directory={directory}
        filters={filters}
        orgChoices={orgChoices}
        byOrg={byOrg}
        charts={
          await dashboardCharts(byWeek, byOrg, (figure, row) =>
            figureHref(figure, row, 'total', filters, directory),
          )
        }
        countedAt={formatInstant(now.toISOString(), zone)}
        notices={errors}
        xlsxHref={`/analytics/indicators.xlsx?${apiParams(filters)}`}
      />,
    );
  });

  app.get('/analytics/indicators.xlsx', async (c) => {
    const user = c.get('user');
    const params = new URL(c.req.url).searchParams;
    params.set('format', 'xlsx');
    const url = new URL(`/api/analytics/indicators?${params}`, c.req.url);
    return api(
      new Request(url, { headers: { authorization: `Bearer ${deps.accounts.tokenOf(user.id)}` } }),
    );
  });
}
