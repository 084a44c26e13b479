import {
  applyCaseEvent,
  availableCaseEvents,
  type CaseEventType,
  type CaseQueryInput,
  type CaseStatus,
  type CaseStore,
  caseEventTypes,
  caseFileOwner,
  caseStatuses,
  caseTimeZone,
  caseViewScopeOf,
  closeRequirementLabels,
  failedContactDays,
  isCaseVisible,
  localDateIn,
  type Principal,
  type StoredCase,
  WorkflowRefusal,
} from '@reshaem/core';
import type { Context, Hono } from 'hono';
import type { PageEnv } from '../../auth/session.js';
import type { WebDeps } from '../deps.js';
import type { RefusalView } from '../refusal.js';
import { problemPage, render } from '../render.js';
import { fileContextOf, readPageForm, settleUploads } from '../uploads.js';
import { type CaseFilters, readCaseFilters, toCaseQuery } from './case-filters.js';
import type { CaseFormContext } from './case-form.js';
import { caseEventLabels } from './case-labels.js';
import { CaseListPage } from './case-list-page.js';
import { CasePage } from './case-page.js';
import { caseEventPayload } from './case-payload.js';
import { describeCaseRefusal, type HeldCard } from './case-refusal.js';
import { type CaseQueue, caseQueues } from './queues.js';
import { userZone } from './user-zone.js';

/** The pages' dependencies with a store that keeps ОНФ cards. */
export type CaseWebDeps = WebDeps & { cases: CaseStore };

const PAGE_SIZE = 50;
/** Counting pages through at most this many cards per status tab set. */
const COUNT_PAGE = 200;
const COUNT_LIMIT = 20_000;

/** How many cards of each status match the filters (the status filter aside). */
async function countByStatus(deps: CaseWebDeps, user: Principal, query: CaseQueryInput) {
  const counts: Partial<Record<CaseStatus, number>> = {};
  const { statuses: _s, cursor: _c, ...rest } = query;
  let cursor: string | undefined;
  let seen = 0;
  do {
    const page = await deps.cases.listCases(user, {
      ...rest,
      limit: COUNT_PAGE,
      ...(cursor ? { cursor } : {}),
    });
    for (const item of page.items) counts[item.status] = (counts[item.status] ?? 0) + 1;
    seen += page.items.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor && seen < COUNT_LIMIT);
  return counts;
}

async function listPage(c: Context<PageEnv>, deps: CaseWebDeps, queue: CaseQueue) {
  const user = c.get('user');
  const filters: CaseFilters = readCaseFilters(new URL(c.req.url).searchParams);
  if (queue.status) filters.statuses = queue.status;
  const query = { ...toCaseQuery(filters, userZone(deps.store.directory, user)), limit: PAGE_SIZE };
  let items: StoredCase[] = [];
  let nextCursor: string | null = null;
  let counts: Partial<Record<CaseStatus, number>> = {};
  let error: string | undefined;
  try {
    const page = await deps.cases.listCases(user, query);
    items = page.items;
    nextCursor = page.nextCursor;
    counts = await countByStatus(deps, user, query);
  } catch (cause) {
    if (!(cause instanceof WorkflowRefusal)) throw cause;
    error = `Фильтр не применён: ${cause.message}`;
  }
  return render(
    c,
    <CaseListPage
      user={user}
      directory={deps.store.directory}
      queue={queue}
      filters={filters}
      counts={counts}
      items={items}
      nextCursor={nextCursor}
      {...(error === undefined ? {} : { error })}
    />,
  );
}

/** The card if it exists and the user may see it — the scope the store lists by. */
async function visibleCase(deps: CaseWebDeps, user: Principal, id: string) {
  const stored = await deps.cases.getCase(id);
  const scope = caseViewScopeOf(user, deps.store.directory);
  return stored && isCaseVisible(scope, stored.snapshot.context) ? stored : undefined;
}

async function heldCards(deps: CaseWebDeps, user: Principal, except: string): Promise<HeldCard[]> {
  const ids = (await deps.cases.casesHeldBy(user.id)).filter((id) => id !== except);
  const cards = await Promise.all(ids.map((id) => deps.cases.getCase(id)));
  return cards.flatMap((s) => (s ? [{ id: s.id, number: s.snapshot.context.number }] : []));
}

/** Executors a supervisor may assign now: `case.assign` dry-run for each directory user. */
function assignable(deps: CaseWebDeps, stored: StoredCase, user: Principal, at: string) {
  const { directory } = deps.store;
  return directory.users
    .filter((u) => u.roles.some((g) => g.role === 'executor'))
    .filter(
      (u) =>
        applyCaseEvent(
          stored.snapshot,
          { type: 'case.assign', at, by: user, executorId: u.id },
          directory,
        ).ok,
    )
    .map((u) => ({ id: u.id, name: u.name ?? u.id }));
}

interface CardState {
  done?: string;
  refusal?: RefusalView;
  refused?: { type: CaseEventType; values: Record<string, string> };
}

async function renderCase(
  c: Context<PageEnv>,
  deps: CaseWebDeps,
  stored: StoredCase,
  state: CardState,
  status: 200 | 409 | 422 = 200,
) {
  const user = c.get('user');
  const { directory } = deps.store;
  const now = deps.now().toISOString();
  const card = stored.snapshot.context;
  // Without the lock fact: «Взять в работу» stays, the panel names the card the user holds.
  const available = availableCaseEvents(stored.snapshot, user, directory);
  const forms: CaseFormContext = {
    caseId: stored.id,
    version: stored.version,
    today: localDateIn(now, caseTimeZone(card)),
    executors: available.includes('case.assign') ? assignable(deps, stored, user, now) : [],
    failedCallDays: failedContactDays(card.contactAttempts).size,
    corrections: card.supportRequest?.corrections ?? [],
    ...(state.refused ? { refused: state.refused } : {}),
  };
  return render(
    c,
    <CasePage
      user={user}
      directory={directory}
      stored={stored}
      history={await deps.cases.caseHistory(stored.id)}
      available={available}
      held={await heldCards(deps, user, stored.id)}
      forms={forms}
      {...(state.done === undefined ? {} : { done: state.done })}
      {...(state.refusal === undefined ? {} : { refusal: state.refusal })}
    />,
    status,
  );
}

const notFound = (c: Context<PageEnv>, deps: CaseWebDeps) =>
  problemPage(
    c,
    {
      directory: deps.store.directory,
      user: c.get('user'),
      title: 'Карточка не найдена',
      text: 'Такой карточки нет, или она вам не видна.',
    },
    404,
  );

const isCaseEventType = (type: string): type is CaseEventType =>
  (caseEventTypes as string[]).includes(type);

/** What the page says after a successful event, with a returned close request explained. */
function doneNote(stored: StoredCase, type: string): string | undefined {
  if (!isCaseEventType(type)) return undefined;
  const card = stored.snapshot.context;
  const note = `«${caseEventLabels[type]}» — выполнено. Статус: ${caseStatuses[stored.status].label}.`;
  if (type === 'case.close_request' && stored.status === 'in_work' && card.lastReturn?.unmet) {
    return `${note} Запрос на закрытие вернулся к вам: ${closeRequirementLabels[card.lastReturn.unmet]}.`;
  }
  return note;
}

/**
 * The ОНФ pages: GET /onf (every card), /onf/check, /onf/support, /onf/moderation (the
 * queues), GET /onf/cases/:id (the card) and POST /onf/cases/:id/events/:type (a button).
 */
export function registerCasePages(app: Hono<PageEnv>, deps: CaseWebDeps): void {
  for (const queue of caseQueues) app.get(queue.path, (c) => listPage(c, deps, queue));

  app.get('/onf/cases/:id', async (c) => {
    const stored = await visibleCase(deps, c.get('user'), c.req.param('id'));
    if (!stored) return notFound(c, deps);
    const done = doneNote(stored, c.req.query('done') ?? '');
    return renderCase(c, deps, stored, done ? { done } : {});
  });

  app.post('/onf/cases/:id/events/:type', async (c) => {
    const user = c.get('user');
    const id = c.req.param('id');
    const type = c.req.param('type');
    const stored = await visibleCase(deps, user, id);
    if (!stored || !isCaseEventType(type)) return notFound(c, deps);
    // Only the resolve form carries files; any other form is read as before.
    const read = await readPageForm(
      c,
      type === 'case.resolve' ? deps.uploads : undefined,
      user,
      deps.now(),
    );
    if (!read.ok) {
      const state = { refusal: read.refusal, refused: { type, values: read.values } };
      return renderCase(c, deps, stored, state, 422);
    }
    const form = read.values;
    const payload = caseEventPayload(type, form);
    if (read.files.length > 0) {
      const named = Array.isArray(payload.files) ? payload.files : [];
      payload.files = [...named, ...read.files.map((f) => ({ fileId: f.id }))];
    }
    const event = { type, at: deps.now().toISOString(), by: user, ...payload };
    const version = Number(form.version);
    const result = await deps.cases.sendCase(id, event, {
      ...(Number.isInteger(version) ? { expectedVersion: version } : {}),
      files: fileContextOf(read.files),
    });
    await settleUploads(deps.uploads, read.files, result.ok ? caseFileOwner(id) : null);
    if (result.ok) return c.redirect(`/onf/cases/${encodeURIComponent(id)}?done=${type}`, 303);
    const current = (await deps.cases.getCase(id)) ?? stored;
    const held = result.error.kind === 'lock_conflict' ? await heldCards(deps, user, id) : [];
    const status =
      result.error.kind === 'version_conflict' || result.error.kind === 'lock_conflict' ? 409 : 422;
    const state = {
      refusal: describeCaseRefusal(result.error, held),
      refused: { type, values: form },
    };
    return renderCase(c, deps, current, state, status);
  });
}
