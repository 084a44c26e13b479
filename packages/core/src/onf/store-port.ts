import type { Principal } from '../kernel/schemas/principal.js';
import type { StoredTimer } from '../kernel/store/timer-port.js';
import type { SendOptions, WriteOptions } from '../kernel/store/write-options.js';
import type { CaseIndicatorQueryInput, CaseIndicatorResult } from './analytics/case-indicators.js';
import type { CaseEffect } from './effects.js';
import type { CaseWorkflowError } from './errors.js';
import type { CaseStatus } from './schemas/parts.js';
import type { CaseQueryInput } from './schemas/query.js';
import type { CaseHistoryRecord, CaseSnapshot } from './workflow.js';

/** An ОНФ card as a store holds it: the snapshot and its version (1 after `case.create`). */
export interface StoredCase {
  id: string;
  version: number;
  status: CaseStatus;
  snapshot: CaseSnapshot;
}

/**
 * Why a store refused a case write: a workflow refusal (`lock_conflict` included), or one
 * of its own, with the same meaning as for messages:
 * - `not_found`: no such card;
 * - `version_conflict`: the caller's expected version is not the current one;
 * - `already_exists`: a `case.create` reused a card id;
 * - `idempotency_conflict`: an idempotency key was reused for a different request.
 */
export type CaseStoreError =
  | CaseWorkflowError
  | { kind: 'not_found'; message: string; caseId: string }
  | { kind: 'version_conflict'; message: string; expected: number; actual: number }
  | { kind: 'already_exists'; message: string; caseId: string }
  | { kind: 'idempotency_conflict'; message: string; key: string };

export interface CaseWritten {
  ok: true;
  case: StoredCase;
  effects: CaseEffect[];
  record: CaseHistoryRecord;
  /** True when an idempotency key replayed an earlier result instead of applying again. */
  replayed: boolean;
}
export type CaseWriteResult = CaseWritten | { ok: false; error: CaseStoreError };

/** One history line of a card as stored: the record and the version it produced. */
export interface StoredCaseHistoryRecord extends CaseHistoryRecord {
  version: number;
}

export interface CasePage {
  items: StoredCase[];
  /** Pass as `cursor` for the next page; `null` on the last page. */
  nextCursor: string | null;
}

/**
 * The ОНФ half of the persistence port: the same store serves ПОС messages and ОНФ cards,
 * so a portal chooses its workflow per message type. Every write runs the core rules
 * (`startCase` / `applyCaseEvent`) and stores the snapshot with its new version and the
 * history record atomically. The store supplies `facts.heldCardIds` itself (the cards whose
 * lock the sender holds), never the caller; SQL stores back it with a unique index, so two
 * concurrent locks by one executor cannot both commit (`lock_conflict`).
 *
 * Each write also applies the change in the card's timers (`caseTimersOf`), which the
 * store's `runDueTimers` fires, and writes its effects to the outbox (`workflow: 'onf'`).
 */
export interface CaseStore {
  /** Opens a card from a `case.create` event. */
  submitCase(event: unknown, options?: WriteOptions): Promise<CaseWriteResult>;
  /** Applies one event to a card. */
  sendCase(caseId: string, event: unknown, options?: SendOptions): Promise<CaseWriteResult>;
  getCase(caseId: string): Promise<StoredCase | undefined>;
  /** The history («Ход решения» and status changes), oldest first. */
  caseHistory(caseId: string): Promise<StoredCaseHistoryRecord[]>;
  /** The cards `viewer` may see that match the query (SPEC §9 filters), one page. */
  listCases(viewer: Principal, query?: CaseQueryInput): Promise<CasePage>;
  /** The ids of the cards whose lock `userId` holds now (for `availableCaseEvents`). */
  casesHeldBy(userId: string): Promise<string[]>;
  /** The card's pending timers, soonest first. */
  caseTimers(caseId: string): Promise<StoredTimer[]>;
  /**
   * The ОНФ cards' indicators (done, postponed, closed by reason, the curator's returns) of
   * the cards `viewer` may see, created in the period; see docs/analytics.md. Optional: the
   * memory store has it, the SQL store does not yet.
   *
   * @throws {WorkflowRefusal} `invalid_payload` for a malformed query, `forbidden` for a
   *   viewer who sees no cards.
   */
  caseIndicators?(query: CaseIndicatorQueryInput, viewer: Principal): Promise<CaseIndicatorResult>;
}

/**
 * Does this store serve ОНФ cards too? A store without the case methods serves messages only.
 *
 * @example
 * if (hasCaseStore(store)) await store.submitCase(createEvent);
 */
export function hasCaseStore<T extends object>(store: T): store is T & CaseStore {
  const s = store as Partial<CaseStore>;
  return (
    typeof s.submitCase === 'function' &&
    typeof s.sendCase === 'function' &&
    typeof s.getCase === 'function' &&
    typeof s.caseHistory === 'function' &&
    typeof s.listCases === 'function' &&
    typeof s.casesHeldBy === 'function'
  );
}
