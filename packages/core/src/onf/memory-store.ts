import { invalidField, invalidPayload, issuesFromZod, WorkflowRefusal } from '../kernel/errors.js';
import type { FileStore } from '../kernel/files/file-port.js';
import type { Directory } from '../kernel/notifications/directory.js';
import type { Principal } from '../kernel/schemas/principal.js';
import { timerChanges, timerEvent } from '../kernel/store/claims.js';
import { frozen } from '../kernel/store/copy.js';
import { decodeCursor, encodeCursor } from '../kernel/store/cursor.js';
import { principalIdOf } from '../kernel/store/idempotency.js';
import {
  createIdempotencyMemo,
  type Memo,
  versionConflict,
} from '../kernel/store/memory-idempotency.js';
import { createMemoryOutbox, type MemoryOutbox } from '../kernel/store/memory-outbox.js';
import { createMemoryTimers, type MemoryTimers } from '../kernel/store/memory-timers.js';
import type { Timer } from '../kernel/store/timer.js';
import type { SendOptions, WriteOptions } from '../kernel/store/write-options.js';
import { computeCaseIndicators } from './analytics/case-indicators.js';
import { caseFileOwner, caseFilesToAttach } from './case-files.js';
import {
  compareCasesForQuery,
  isCaseAfterCursor,
  type ListedCase,
  matchesCaseQuery,
} from './query.js';
import { type CaseQuery, type CaseQueryInput, caseQuerySchema } from './schemas/query.js';
import type {
  CasePage,
  CaseStore,
  CaseWriteResult,
  CaseWritten,
  StoredCase,
  StoredCaseHistoryRecord,
} from './store-port.js';
import { caseTimersOf } from './timers.js';
import { caseViewScopeOf, isCaseVisible } from './visibility.js';
import { applyCaseEvent, type CaseApplyResult, startCase } from './workflow.js';

/**
 * Validates a case list query (`caseQuerySchema`), cursor included.
 * @throws {WorkflowRefusal} `invalid_payload` with the field paths.
 */
export function parseCaseQuery(input: CaseQueryInput): CaseQuery {
  const parsed = caseQuerySchema.safeParse(input);
  if (!parsed.success) throw new WorkflowRefusal(invalidPayload(issuesFromZod(parsed.error)));
  if (parsed.data.cursor !== undefined && decodeCursor(parsed.data.cursor) === undefined) {
    throw new WorkflowRefusal(invalidField(['cursor'], 'Повреждённый курсор'));
  }
  return parsed.data;
}

/** The cursor after the last card of a page, in the query's order. */
export const caseCursorOf = (last: StoredCase, query: CaseQuery): string =>
  encodeCursor({ value: last.snapshot.context[query.sort], id: last.id });

/** One page of the cards `viewer` may see that match the query: the reference semantics. */
export function listCasesIn(
  all: Iterable<StoredCase>,
  viewer: Principal,
  input: CaseQueryInput,
  directory: Directory,
): CasePage {
  const query = parseCaseQuery(input);
  const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  const scope = caseViewScopeOf(viewer, directory);
  const hits: Array<{ item: ListedCase; stored: StoredCase }> = [];
  for (const stored of all) {
    const item = { id: stored.id, status: stored.status, card: stored.snapshot.context };
    if (!isCaseVisible(scope, item.card)) continue;
    if (!matchesCaseQuery(item, query, viewer.id)) continue;
    if (cursor && !isCaseAfterCursor(item, cursor, query)) continue;
    hits.push({ item, stored });
  }
  hits.sort((a, b) => compareCasesForQuery(a.item, b.item, query));
  const page = hits.slice(0, query.limit).map((h) => h.stored);
  const last = page.at(-1);
  const nextCursor = hits.length > query.limit && last ? caseCursorOf(last, query) : null;
  return { items: page, nextCursor };
}

interface Entry {
  current: StoredCase;
  history: StoredCaseHistoryRecord[];
}

/**
 * ОНФ cards in memory: the {@link CaseStore} half of `createMemoryStore`, usable alone.
 * Each write runs to completion without yielding, so the lock registry it reads
 * (`heldCardIds`) cannot change under it. Cards, history lines and effects are handed out
 * as kept, deeply frozen when written (see `createMemoryStore`). With `files`, a
 * resolution's uploads are attached to the card (`caseFileOwner`) in the same synchronous
 * step as the write (a memory file store attaches before anything else can run).
 *
 * @example
 * const cases = createMemoryCaseStore({ directory, files: createMemoryFileStore() });
 * const created = await cases.submitCase(createEvent);
 * await cases.sendCase('c-1', { type: 'case.lock', at, by: executor }, { expectedVersion: 2 });
 */
export function createMemoryCaseStore(options: {
  directory: Directory;
  files?: FileStore;
}): CaseStore {
  const { fireCaseTimer: _, storedCases: __, ...store } = createMemoryCases(options);
  return store;
}

/** The memory case store and what its owner's timer worker needs. */
export interface MemoryCases extends CaseStore {
  /** The ОНФ cards' indicators, from every card and its history; see `CaseStore`. */
  caseIndicators: NonNullable<CaseStore['caseIndicators']>;
  /** Sends a claimed card timer's event as `principal`; the timer goes as a write's would. */
  fireCaseTimer(timer: Timer, principal: Principal): CaseWriteResult;
  /** The cards as stored now (for counts by definition version). */
  storedCases(): StoredCase[];
}

/**
 * {@link createMemoryCaseStore} over the given timers and outbox (`createMemoryStore`
 * shares its own), with the hook its `runDueTimers` fires card timers through.
 */
export function createMemoryCases(options: {
  directory: Directory;
  timers?: MemoryTimers;
  outbox?: MemoryOutbox;
  /** Where uploads live: a resolution's are attached to its card with the write. */
  files?: FileStore;
}): MemoryCases {
  const { directory } = options;
  const timers = options.timers ?? createMemoryTimers();
  const outbox = options.outbox ?? createMemoryOutbox();
  const cases = new Map<string, Entry>();

  const heldBy = (userId: string) =>
    [...cases.values()]
      .filter((e) => e.current.snapshot.context.lock?.holderId === userId)
      .map((e) => e.current.id)
      .sort();

  const memo = createIdempotencyMemo<CaseWritten>();

  const commit = (
    result: CaseApplyResult,
    version: number,
    key: Memo,
    fired?: Timer,
  ): CaseWriteResult => {
    if (!result.ok) return result;
    const id = result.snapshot.context.id;
    const stored: StoredCase = frozen({
      id,
      version,
      status: result.status,
      snapshot: result.snapshot,
    });
    const record: StoredCaseHistoryRecord = frozen({ ...result.record, version });
    const entry = cases.get(id);
    const before = entry ? caseTimersOf(entry.current.snapshot) : [];
    timers.change(id, timerChanges(before, caseTimersOf(result.snapshot), fired), 'onf', {
      version,
      at: result.record.at,
      fired,
    });
    outbox.addCase(id, version, frozen(result.effects), result.record.at);
    if (entry) {
      entry.current = stored;
      entry.history.push(record);
    } else cases.set(id, { current: stored, history: [record] });
    const written: CaseWritten = frozen({
      ok: true,
      case: stored,
      effects: result.effects,
      record: result.record,
      replayed: false,
    });
    memo.remember(key, written);
    return written;
  };

  /** Applies one event to a card, synchronously: the whole write happens or nothing. */
  const sendNow = (
    caseId: string,
    event: unknown,
    opts: SendOptions,
    fired?: Timer,
  ): CaseWriteResult => {
    const key = memo.recall(opts.idempotencyKey, event, `case:${caseId}`);
    if ('hit' in key) return key.hit;
    const entry = cases.get(caseId);
    if (!entry) {
      return { ok: false, error: { kind: 'not_found', message: `no card ${caseId}`, caseId } };
    }
    const { version } = entry.current;
    if (opts.expectedVersion !== undefined && opts.expectedVersion !== version) {
      return versionConflict('card', caseId, version, opts.expectedVersion);
    }
    // The facts come from the store, never from the caller (the files: as looked up).
    const heldCardIds = heldBy(principalIdOf(event));
    const facts = opts.files ? { heldCardIds, files: opts.files } : { heldCardIds };
    const result = applyCaseEvent(entry.current.snapshot, event, directory, facts);
    return commit(result, version + 1, key, fired);
  };

  /**
   * Attaches a written resolution's uploads to the card. Called right after the write,
   * before anything else can run: the memory file store marks them at once.
   */
  const attach = (written: CaseWriteResult): Promise<void> => {
    if (!options.files || !written.ok) return Promise.resolve();
    const ids = caseFilesToAttach({ record: written.record, snapshot: written.case.snapshot });
    return ids.length === 0
      ? Promise.resolve()
      : options.files.attach(ids, caseFileOwner(written.case.id));
  };

  return {
    async submitCase(event: unknown, opts: WriteOptions = {}) {
      const key = memo.recall(opts.idempotencyKey, event, 'case:');
      if ('hit' in key) return key.hit;
      const result = startCase(event, directory);
      if (result.ok && cases.has(result.snapshot.context.id)) {
        const caseId = result.snapshot.context.id;
        return {
          ok: false,
          error: { kind: 'already_exists', message: `card ${caseId} exists`, caseId },
        };
      }
      return commit(result, 1, key);
    },

    async sendCase(caseId: string, event: unknown, opts: SendOptions = {}) {
      const written = sendNow(caseId, event, opts);
      await attach(written);
      return written;
    },

    fireCaseTimer(timer, principal) {
      return sendNow(timer.messageId, timerEvent(timer, principal), {}, timer);
    },

    storedCases() {
      return [...cases.values()].map((e) => e.current);
    },

    async caseTimers(caseId) {
      return timers.of(caseId, 'onf');
    },

    async getCase(caseId) {
      const entry = cases.get(caseId);
      return entry?.current;
    },

    async caseHistory(caseId) {
      return [...(cases.get(caseId)?.history ?? [])];
    },

    async caseIndicators(query, viewer) {
      const kept = [...cases.values()].map((e) => ({
        status: e.current.status,
        context: e.current.snapshot.context,
        history: e.history,
      }));
      return computeCaseIndicators(kept, query, viewer, directory);
    },

    async listCases(viewer, input = {}) {
      return listCasesIn(
        [...cases.values()].map((e) => e.current),
        viewer,
        input,
        directory,
      );
    },

    async casesHeldBy(userId) {
      return heldBy(userId);
    },
  };
}
