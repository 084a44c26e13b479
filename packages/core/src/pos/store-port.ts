import type { SkippedAutorule } from '../kernel/autorules/run.js';
import type { AutoruleSource } from '../kernel/autorules/source.js';
import type { Effect } from '../kernel/effects.js';
import type { WorkflowError } from '../kernel/errors.js';
import type { Directory } from '../kernel/notifications/directory.js';
import type { Principal } from '../kernel/schemas/principal.js';
import type { ClaimOutboxOptions, OutboxClaim, OutboxEntry } from '../kernel/store/outbox-port.js';
import type {
  ReleasedClaims,
  RunDueTimersOptions,
  StoredTimer,
  TimerLogEntry,
  TimerRun,
} from '../kernel/store/timer-port.js';
import type { SendOptions, WriteOptions } from '../kernel/store/write-options.js';
import type { IndicatorQueryInput } from './analytics/indicator-query.js';
import type { IndicatorResult } from './analytics/indicator-row.js';
import type { QueueCounts } from './queues.js';
import type { MessageStatus } from './schemas/message.js';
import type { MessageQueryInput } from './schemas/query.js';
import type { Folder } from './status.js';
import type { Timer } from './timers.js';
import type { MessageWorkflow } from './versions.js';
import type { HistoryRecord, MessageSnapshot } from './workflow.js';

export type * from '../kernel/store/outbox-port.js';
export type * from '../kernel/store/timer-port.js';
export type * from './snapshot-version-port.js';

/** A message as a store holds it: the snapshot and its version (1 after submit). */
export interface StoredMessage {
  id: string;
  version: number;
  status: MessageStatus;
  snapshot: MessageSnapshot;
}

/**
 * Why a store refused a write: a workflow refusal, or one of its own.
 * - `not_found`: no such message;
 * - `version_conflict`: the caller's expected version is not the current one, or a
 *   concurrent write won — nothing was changed;
 * - `already_exists`: a submit reused a message id;
 * - `idempotency_conflict`: an idempotency key was reused for a different request.
 */
export type StoreError =
  | WorkflowError
  | { kind: 'not_found'; message: string; messageId: string }
  | { kind: 'version_conflict'; message: string; expected: number; actual: number }
  | { kind: 'already_exists'; message: string; messageId: string }
  | { kind: 'idempotency_conflict'; message: string; key: string };

export interface StoreWritten {
  ok: true;
  message: StoredMessage;
  effects: Effect[];
  record: HistoryRecord;
  /** True when an idempotency key replayed an earlier result instead of applying again. */
  replayed: boolean;
  /**
   * What the autorules did after this write, when any matched (absent otherwise). `message`
   * is then the message as the rules left it; `record` and `effects` stay the caller's.
   */
  autorules?: StoreAutoruleOutcome;
}

/** An autorule event a store applied after a write, as the system, with its own version. */
export interface StoredAutoruleStep {
  ruleId: string;
  orgId: string;
  version: number;
  record: HistoryRecord;
}

/** The autorules' part of a write: the events they applied, and the rules skipped (logged). */
export interface StoreAutoruleOutcome {
  applied: StoredAutoruleStep[];
  skipped: SkippedAutorule[];
}
export type StoreWriteResult = StoreWritten | { ok: false; error: StoreError };

export type { SendOptions, WriteOptions };

/** One history line as stored: the record and the version it produced. */
export interface StoredHistoryRecord extends HistoryRecord {
  version: number;
}

export interface MessagePage {
  items: StoredMessage[];
  /** Pass as `cursor` for the next page; `null` on the last page. */
  nextCursor: string | null;
  /** How many messages match the query's filters in all (only when it asked `withTotal`). */
  total?: number;
}

export type FolderCounts = Record<Folder, number>;

/** What every store factory takes besides its connection: the rule inputs. */
export interface MessageStoreOptions {
  /** Organisations, users and catalogue: the rules look everything up here. */
  directory: Directory;
  /**
   * Which timers a snapshot needs; the core's `timersOf` by default. Replace it to add
   * rules of your own, or in tests.
   */
  timersOf?: (snapshot: MessageSnapshot) => Timer[];
  /**
   * Who sends timer events; `SYSTEM_PRINCIPAL` by default. Tests (or a deployment that
   * grants its system account more roles) may pass another principal.
   */
  timerPrincipal?: Principal;
  /**
   * The organisations' autorules. When set, every write that leaves a message newly arrived
   * in `coordination` (an operator's submit, `moderation.accept`, a forward) runs them in the
   * same write, as the system principal (see `runAutorulesFrom`). When absent, the stores
   * use the rules saved with `saveAutorules` (the SQL store: its `autorules` table).
   */
  autorules?: AutoruleSource;
  /** Called for each matching rule the workflow refused (or a cycle / too many hops). */
  onAutoruleSkipped?: (skip: SkippedAutorule, messageId: string) => void;
  /**
   * The workflow, with every definition version the portal supports: new messages start on
   * its current definition, and events on older snapshots are applied as it declares (kept,
   * migrated on read, or refused). `posWorkflow` by default.
   */
  workflow?: MessageWorkflow;
}

/**
 * The persistence port: what the HTTP adapter and a portal's own code use. Every write
 * runs the core rules (`startMessage` / `applyEvent`) and stores the result atomically —
 * the snapshot with its new version, the history record, the timers the new snapshot
 * needs (`timersOf`) and the effects as outbox entries — or nothing.
 * Implemented by `createMemoryStore` here and by `@reshaem/adapters-sql`; both pass the
 * same contract suite.
 */
export interface MessageStore {
  readonly directory: Directory;
  /**
   * The workflow the store applies events with (see {@link MessageStoreOptions.workflow}):
   * read it to list available events or statuses the way the store decides them. Optional
   * so that stores written before definitions had versions still fit; treat a missing one
   * as `posWorkflow`.
   */
  readonly workflow?: MessageWorkflow;
  /**
   * Creates a message from a `submit` event. A submit without `number` is numbered by the
   * store (`messageNumber`: `<region>-<YYMMDD>-<seq>` from a counter per region, taken
   * only for a submit the rules accept); an idempotent replay returns the number the first
   * attempt got. A submit that names its number keeps it.
   */
  submit(event: unknown, options?: WriteOptions): Promise<StoreWriteResult>;
  /** Applies one event to a message. */
  send(messageId: string, event: unknown, options?: SendOptions): Promise<StoreWriteResult>;
  get(messageId: string): Promise<StoredMessage | undefined>;
  /** The history (ход работ), oldest first. */
  history(messageId: string): Promise<StoredHistoryRecord[]>;
  /** The messages `viewer` may see that match the query, one page. */
  list(viewer: Principal, query?: MessageQueryInput): Promise<MessagePage>;
  /** How many messages `viewer` may see in each folder. */
  folderCounts(viewer: Principal): Promise<FolderCounts>;
  /**
   * How many messages `viewer` may see in each of the personal and deadline queues (see
   * `inQueue`); every queue is counted, whichever ones the viewer works (`workedFoldersOf`).
   */
  queueCounts(viewer: Principal): Promise<QueueCounts>;
  /**
   * The SLA indicators (docs/analytics.md) of the messages received in the query's period,
   * grouped by its key, over what `viewer` may analyse (`indicatorScopeOf`): a head,
   * curator or administrator their organisation's subtree, the system everything. Optional
   * so that stores written before it still fit; the memory and SQL stores have it.
   *
   * @throws {WorkflowRefusal} `invalid_payload` for a malformed query, `forbidden` for a
   *   viewer who may not see indicators or an `orgId` outside their scope.
   */
  indicators?(query: IndicatorQueryInput, viewer: Principal): Promise<IndicatorResult>;
  /** The timers a message is waiting on, soonest first. */
  messageTimers(messageId: string): Promise<StoredTimer[]>;
  /**
   * Claims due timers and fires each through the same one-transaction path as `send`,
   * as the timer principal at the timer's `fireAt`. Each due timer takes effect once,
   * however many workers run this at the same time; a worker that dies leaves its claims
   * to expire after `leaseMs`, and another worker fires them. Timers are claimed in
   * `fireAt` order, and a message's timers fire in that order: a timer whose earlier
   * sibling is still waiting (its claim held by a worker that died) fires that one first.
   */
  runDueTimers(options: RunDueTimersOptions): Promise<TimerRun>;
  /**
   * How the message's due timers ended, oldest first: each fired, refused or superseded
   * (removed unfired by a write whose event made it moot) — see {@link TimerLogEntry}.
   */
  messageTimerLog(messageId: string): Promise<TimerLogEntry[]>;
  /** The outbox entries a message's writes produced, oldest first. */
  messageOutbox(messageId: string): Promise<OutboxEntry[]>;
  /**
   * Claims pending outbox entries whose time has come, in `dueAt` order (at-least-once
   * delivery): each claim counts an attempt and hides the entry for `leaseMs`, after which
   * it is claimable again, in its old place, unless completed or failed.
   */
  claimOutbox(options: ClaimOutboxOptions): Promise<OutboxEntry[]>;
  /**
   * Marks a claimed entry delivered: pass the entry `claimOutbox` returned. `false`, and
   * nothing changed, when the claim is stale (another consumer claimed the entry since,
   * the claim was released, or the entry is no longer pending). A claim whose lease ended
   * but which nobody took over still counts.
   */
  completeOutbox(claim: OutboxClaim): Promise<boolean>;
  /**
   * Records a failed delivery under a claim: retried from `retryAt` (its new place in the
   * queue), or given up (`failed`) when `retryAt` is `null`. `false`, and nothing changed,
   * when the claim is stale (see `completeOutbox`).
   */
  failOutbox(claim: OutboxClaim, error: string, retryAt: string | null): Promise<boolean>;
  /**
   * Gives back every timer and pending outbox entry `workerId` holds, so that they are
   * claimable at once (timers at their `fireAt`, entries at their `dueAt`) instead of when
   * the leases end: call it when a worker stops. The worker's later `completeOutbox` and
   * `failOutbox` calls for those entries then return `false`.
   */
  releaseClaims(workerId: string): Promise<ReleasedClaims>;
  /** Releases resources (connections); the memory store has none. */
  close(): Promise<void>;
}
