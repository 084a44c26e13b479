import { isVisible, type Principal, viewScopeOf } from '@reshaem/core';
import type { Context, Hono } from 'hono';
import type { PageEnv } from '../../auth/session.js';
import type { WebDeps } from '../deps.js';
import { userName } from '../format.js';
import { readFilters } from '../list-query.js';
import type { BulkOutcome } from '../pages/bulk-actions.js';
import { describeRefusal } from '../refusal.js';
import { renderBackoffice } from './backoffice-routes.js';

/** Answers a request to the API: the HTTP adapter's `fetch`. */
export type ApiFetch = (request: Request) => Response | Promise<Response>;

/** At most this many rows in one action: a few pages. */
const MAX_SELECTED = 200;

/** `id:version` of each checked row; malformed values are dropped. */
function readSelection(values: unknown): Array<{ id: string; version: number }> {
  const list = Array.isArray(values) ? values : values === undefined ? [] : [values];
  return list.flatMap((value) => {
    if (typeof value !== 'string') return [];
    const at = value.lastIndexOf(':');
    const version = Number(value.slice(at + 1));
    return at > 0 && Number.isInteger(version) ? [{ id: value.slice(0, at), version }] : [];
  });
}

/** The list the form came from: a backoffice URL's query, or the first page. */
const backOf = (value: unknown) =>
  typeof value === 'string' && value.startsWith('/backoffice')
    ? new URL(value, 'http://portal.invalid').searchParams
    : new URLSearchParams();

/** Sends each message its own `executor.assign` at the version its row showed. */
async function assignAll(
  deps: WebDeps,
  user: Principal,
  selection: ReadonlyArray<{ id: string; version: number }>,
  executorId: string,
): Promise<BulkOutcome[]> {
  const { store } = deps;
  const scope = viewScopeOf(user, store.directory);
  const outcomes: BulkOutcome[] = [];
  for (const { id, version } of selection) {
    const stored = await store.get(id);
    if (!stored || !isVisible(scope, stored.snapshot.context, stored.status)) {
      outcomes.push({ id, number: id, ok: false, text: 'Сообщение не найдено.' });
      continue;
    }
    const number = stored.snapshot.context.number;
    const event = { type: 'executor.assign', at: deps.now().toISOString(), by: user, executorId };
    const result = await store.send(id, event, { expectedVersion: version });
    if (result.ok) {
      const name = userName(store.directory, executorId);
      outcomes.push({ id, number, ok: true, text: `назначен исполнитель ${name}.` });
    } else {
      const refusal = describeRefusal(result.error);
      outcomes.push({
        id,
        number,
        ok: false,
        text: `${refusal.title}: ${refusal.details.join('; ')}`,
      });
    }
  }
  return outcomes;
}

/** The selection's export: the API's CSV export of exactly these ids, as the signed-in user. */
function exportSelection(c: Context<PageEnv>, deps: WebDeps, api: ApiFetch, ids: string[]) {
  const params = new URLSearchParams(ids.map((id) => ['ids', id]));
  const url = new URL(`/api/messages/export.csv?${params}`, c.req.url);
  const token = deps.accounts.tokenOf(c.get('user').id);
  return api(new Request(url, { headers: { authorization: `Bearer ${token}` } }));
}

/**
 * POST /backoffice/bulk: «Назначить исполнителю» (each selected message through the normal
 * event path, with the version the list showed; the page reports per message what was done
 * and what was refused, and why) and «Выгрузить» (the export of exactly the selection).
 */
export function registerBulkActions(app: Hono<PageEnv>, deps: WebDeps, api: ApiFetch): void {
  app.post('/backoffice/bulk', async (c) => {
    const form = await c.req.parseBody({ all: true });
    const filters = readFilters(backOf(form.back));
    const selection = readSelection(form.selected).slice(0, MAX_SELECTED);
    if (selection.length === 0) {
      const error = 'Не выбрано ни одного сообщения: отметьте строки списка.';
      return renderBackoffice(c, deps, filters, { error });
    }
    if (form.action === 'export') {
      return exportSelection(c, deps, api, [...new Set(selection.map((s) => s.id))]);
    }
    const executorId = typeof form.executorId === 'string' ? form.executorId : '';
    const outcomes = await assignAll(deps, c.get('user'), selection, executorId);
    return renderBackoffice(c, deps, filters, { report: outcomes });
  });
}
