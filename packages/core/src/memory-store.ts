import { runAutorulesFrom } from './kernel/autorules/source.js';
import type { FileStore } from './kernel/files/file-port.js';
import type { Directory } from './kernel/notifications/directory.js';
import { messageNumber, numberRequestOf, PENDING_NUMBER } from './kernel/numbers/message-number.js';
import { type Principal, SYSTEM_PRINCIPAL } from './kernel/schemas/principal.js';
import { claimSettings, timerChanges, timerEvent } from './kernel/store/claims.js';
import { frozen } from './kernel/store/copy.js';
import {
  createIdempotencyMemo,
  type Memo,
  versionConflict,
} from './kernel/store/memory-idempotency.js';
import { createMemoryOutbox } from './kernel/store/memory-outbox.js';
import { createMemorySettings } from './kernel/store/memory-settings.js';
import { createMemoryTimers } from './kernel/store/memory-timers.js';
import type { OutboxEntry } from './kernel/store/outbox-port.js';
import type { OrganisationSettingsStore } from './kernel/store/settings-port.js';
import type { TimerRun } from './kernel/store/timer-port.js';
import { createMemoryCases } from './onf/memory-store.js';
import type { CaseStore } from './onf/store-port.js';
import { computeIndicators } from './pos/analytics/memory-indicators.js';
import { autoruleWrites } from './pos/autorule-writes.js';
import { countFolders, countQueues, listMessages } from './pos/memory-store.js';
import { createMemoryVersions } from './pos/memory-versions.js';
import type { MessageQueryInput } from './pos/schemas/query.js';
import type {
  MessagePage,
  MessageStore,
  MessageStoreOptions,
  SendOptions,
  SnapshotVersionPort,
  StoredHistoryRecord,
  StoredMessage,
  StoreWriteResult,
  StoreWritten,
  WriteOptions,
} from './pos/store-port.js';
import { timersOf as coreTimersOf, type Timer } from './pos/timers.js';
import { type MessageWorkflow, posWorkflow } from './pos/versions.js';
import type { Applied, ApplyResult, HistoryRecord } from './pos/workflow.js';

export { parseQuery } from './pos/memory-store.js';

interface Entry {
  current: StoredMessage;
  history: StoredHistoryRecord[];
  /** The timers `current` needs, so that the next write diffs against them. */
  timers: Timer[];
}

/** A store that keeps everything in memory: for tests, examples and prototypes. */
export interface MemoryStore
  extends MessageStore,
    CaseStore,
    OrganisationSettingsStore,
    SnapshotVersionPort {
  /** Every outbox entry written so far, in write order (live, for tests). */
  readonly outbox: ReadonlyArray<OutboxEntry>;
  /** The workflow it applies events with: the `workflow` option, or `posWorkflow`. */
  readonly workflow: MessageWorkflow;
  /** The SLA indicators, computed from every message's history; see `MessageStore`. */
  indicators: NonNullable<MessageStore['indicators']>;
  /** The ОНФ cards' indicators, from every card and its history; see `CaseStore`. */
  caseIndicators: NonNullable<CaseStore['caseIndicators']>;
}

/**
 * The history line kept for a write: the record with its version. Written out field by
 * field: a spread copy of the record was one of the dearest steps of a write under load.
 */
const storedRecord = (r: HistoryRecord, version: number): StoredHistoryRecord => ({
  messageId: r.messageId,
  type: r.type,
  at: r.at,
  by: r.by,
  fromStatus: r.fromStatus,
  toStatus: r.toStatus,
  holdingOrgId: r.holdingOrgId,
  payload: r.payload,
  version,
});

const notFound = (messageId: string): StoreWriteResult => ({
  ok: false,
  error: { kind: 'not_found', message: `no message ${messageId}`, messageId },
});

/** The core's {@link Timer} without a store's claim fields. */
const plainTimer = ({ id, messageId, fireAt, event }: Timer): Timer => ({
  id,
  messageId,
  fireAt,
  event,
});

/**
 * The in-memory implementation of the persistence port. Writes are atomic because each
 * one runs to completion without yielding; it passes the same contract suite as the SQL
 * stores. What it hands out (results, messages, history lines, effects) is what it keeps,
 * deeply frozen when written: changing it throws a `TypeError` in strict-mode code, so copy
 * a result (`structuredClone`) before editing it. The arrays a read returns are fresh.
 *
 * @example
 * const store = createMemoryStore({ directory }); // or { directory, workflow }
 * const created = await store.submit(submitEvent);
 * const next = await store.send(created.message.id, acceptEvent, { expectedVersion: 1 });
 * await store.runDueTimers({ now: clock() }); // your clock, as an ISO instant
 */
export function createMemoryStore(
  options: MessageStoreOptions & {
    /**
     * Where uploads live, for the card writes: a resolution's uploads are attached to the
     * card with the write. (Message files are attached by the HTTP route.)
     */
    files?: FileStore;
  },
): MemoryStore {
  const directory: Directory = options.directory;
  const timersOf = options.timersOf ?? coreTimersOf;
  const timerPrincipal = options.timerPrincipal ?? SYSTEM_PRINCIPAL;
  const workflow = options.workflow ?? posWorkflow;
  const messages = new Map<string, Entry>();
  const outbox = createMemoryOutbox();
  const settings = createMemorySettings();
  const autorules = options.autorules ?? settings.autorulesNow;
  const timers = createMemoryTimers();
  const { fireCaseTimer, storedCases, ...caseStore } = createMemoryCases({
    directory,
    timers,
    outbox,
    ...(options.files ? { files: options.files } : {}),
  });
  const current = () => [...messages.values()].map((e) => e.current);

  const memo = createIdempotencyMemo<StoreWritten>();

  /** Stores one applied event at `version`: snapshot, history, timers and outbox. */
  const persist = (result: Applied, version: number, fired?: Timer): StoredMessage => {
    const id = result.snapshot.context.id;
    const stored: StoredMessage = frozen({
      id,
      version,
      status: result.status,
      snapshot: result.snapshot,
    });
    const entry = messages.get(id);
    const after = timersOf(result.snapshot);
    const record = frozen(storedRecord(result.record, version));
    timers.change(id, timerChanges(entry?.timers ?? [], after, fired), 'pos', {
      version,
      at: result.record.at,
      fired,
    });
    if (entry) {
      entry.current = stored;
      entry.history.push(record);
      entry.timers = after;
    } else {
      messages.set(id, { current: stored, history: [record], timers: after });
    }
    outbox.add(id, version, frozen(result.effects), result.record.at);
    return stored;
  };

  const commit = (
    result: ApplyResult,
    version: number,
    key: Memo,
    fired?: Timer,
  ): StoreWriteResult => {
    if (!result.ok) return result;
    let stored = persist(result, version, fired);
    // Autorules act in the same (synchronous) write, as the system.
    const run = runAutorulesFrom(result.snapshot, autorules, directory, result.record.at, {
      applyEvent: workflow.applyEvent,
    });
    const { writes, outcome } = autoruleWrites(run, version);
    for (const w of writes) stored = persist(w.applied, w.version);
    for (const skip of outcome?.skipped ?? []) options.onAutoruleSkipped?.(skip, stored.id);
    const written: StoreWritten = frozen({
      ok: true,
      message: stored,
      effects: result.effects,
      record: result.record,
      replayed: false,
      ...(outcome ? { autorules: outcome } : {}),
    });
    memo.remember(key, written);
    return written;
  };

  /** Applies one event to a message, synchronously: the whole write happens or nothing. */
  const sendNow = (
    messageId: string,
    event: unknown,
    opts: SendOptions,
    fired?: Timer,
  ): StoreWriteResult => {
    const key = memo.recall(opts.idempotencyKey, event, messageId);
    if ('hit' in key) return key.hit;
    const entry = messages.get(messageId);
    if (!entry) return notFound(messageId);
    const { version } = entry.current;
    if (opts.expectedVersion !== undefined && opts.expectedVersion !== version) {
      return versionConflict('message', messageId, version, opts.expectedVersion);
    }
    const result = workflow.applyEvent(entry.current.snapshot, event, directory, opts.files);
    return commit(result, version + 1, key, fired);
  };

  const versions = createMemoryVersions({
    messages: current,
    message: (id) => messages.get(id)?.current,
    cards: storedCases,
    persist,
  });

  // The region's counter, for submits that leave their number to the store.
  const counters = new Map<string, number>();
  const numbered = (event: unknown, files: WriteOptions['files']): unknown => {
    const request = numberRequestOf(event);
    if (!request) return event;
    const draft = { ...(event as object), number: PENDING_NUMBER };
    const checked = workflow.startMessage(draft, directory, files);
    // A refused submit or one for a message that exists takes no number.
    if (!checked.ok || messages.has(checked.snapshot.context.id)) return draft;
    const seq = (counters.get(request.regionCode) ?? 0) + 1;
    counters.set(request.regionCode, seq);
    return { ...(event as object), number: messageNumber(request, seq) };
  };

  return {
    ...caseStore,
    ...versions,
    loadAutorules: settings.loadAutorules,
    saveAutorules: settings.saveAutorules,
    loadNotifications: settings.loadNotifications,
    saveNotifications: settings.saveNotifications,
    loadAnswerTemplates: settings.loadAnswerTemplates,
    saveAnswerTemplates: settings.saveAnswerTemplates,
    directory,
    workflow,
    outbox: outbox.entries,

    async submit(event: unknown, opts: WriteOptions = {}) {
      const key = memo.recall(opts.idempotencyKey, event, null);
      if ('hit' in key) return key.hit;
      const result = workflow.startMessage(numbered(event, opts.files), directory, opts.files);
      if (result.ok && messages.has(result.snapshot.context.id)) {
        const messageId = result.snapshot.context.id;
        return {
          ok: false,
          error: { kind: 'already_exists', message: `message ${messageId} exists`, messageId },
        };
      }
      return commit(result, 1, key);
    },

    async send(messageId: string, event: unknown, opts: SendOptions = {}) {
      return sendNow(messageId, event, opts);
    },

    async get(messageId) {
      const entry = messages.get(messageId);
      return entry?.current;
    },

    async history(messageId) {
      return [...(messages.get(messageId)?.history ?? [])];
    },

    async list(viewer: Principal, input: MessageQueryInput = {}): Promise<MessagePage> {
      return listMessages(current(), viewer, input, directory);
    },

    async folderCounts(viewer: Principal) {
      return countFolders(current(), viewer, directory);
    },

    async queueCounts(viewer: Principal) {
      return countQueues(current(), viewer, directory);
    },

    async indicators(query, viewer) {
      const kept = [...messages.values()].map((entry) => ({
        status: entry.current.status,
        snapshot: entry.current.snapshot,
        history: entry.history,
      }));
      return computeIndicators(kept, query, viewer, directory);
    },

    async messageTimers(messageId) {
      return timers.of(messageId);
    },

    async runDueTimers(opts) {
      const claimed = timers.claim(claimSettings(opts));
      const run: TimerRun = {
        claimed: claimed.length,
        fired: [],
        refused: [],
        firedCases: [],
        refusedCases: [],
        skipped: 0,
      };
      for (const claim of claimed) {
        const { timer } = claim;
        if (!timers.holds(claim)) {
          run.skipped += 1;
          continue;
        }
        if (claim.workflow === 'onf') {
          const result = fireCaseTimer(timer, timerPrincipal);
          if (result.ok) run.firedCases.push({ timer: plainTimer(timer), case: result.case });
          else {
            // The card moved on: the timer has nothing left to do.
            timers.refuse(claim);
            run.refusedCases.push({ timer: plainTimer(timer), error: result.error });
          }
          continue;
        }
        const result = sendNow(timer.messageId, timerEvent(timer, timerPrincipal), {}, timer);
        if (result.ok) {
          run.fired.push({ timer: plainTimer(timer), message: result.message });
        } else {
          // The message moved on: the timer has nothing left to do.
          timers.refuse(claim);
          run.refused.push({ timer: plainTimer(timer), error: result.error });
        }
      }
      return run;
    },

    async messageTimerLog(messageId) {
      return timers.logOf(messageId);
    },

    async messageOutbox(messageId) {
      return outbox.of(messageId);
    },

    async claimOutbox(opts) {
      return outbox.claim(opts);
    },

    async completeOutbox(claim) {
      return outbox.complete(claim);
    },

    async failOutbox(claim, error, retryAt) {
      return outbox.fail(claim, error, retryAt);
    },

    async releaseClaims(workerId) {
      return { timers: timers.release(workerId), outbox: outbox.release(workerId) };
    },

    async close() {},
  };
}
