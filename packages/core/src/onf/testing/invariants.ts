import type { Directory } from '../../kernel/notifications/directory.js';
import type { Principal } from '../../kernel/schemas/principal.js';
import { InvariantViolation } from '../../kernel/testing/invariant-violation.js';
import { unmetCloseRequirement } from '../close-reasons.js';
import { holdsInRegion } from '../permissions.js';
import type { CaseFacts } from '../resolve.js';
import { caseRecordSchema } from '../schemas/case.js';
import { isFinalCaseStatus, isLockedValue, lockableCaseStatuses } from '../status.js';
import {
  applyCaseEvent,
  type CaseApplyResult,
  type CaseSnapshot,
  caseStatusOf,
} from '../workflow.js';

const fail = (message: string): never => {
  throw new InvariantViolation(message);
};

/**
 * What must hold of any card on its own:
 * - the record parses; labels are sorted and unique;
 * - the lock is held exactly when the state value says so, only in `in_work` / `postponed`,
 *   and only by the card's executor;
 * - `postponed` ⇔ a postponement; `moderation` ⇔ a pending re-review; `support` ⇔ a pending
 *   support request; `curator_check` ⇔ exactly one result waiting;
 * - `done` has an accepted resolution; `closed` an accepted closure whose reason's
 *   requirement is met; a card nobody is assigned to is `new` or `moderation`.
 */
export function checkCaseShape(snapshot: CaseSnapshot): void {
  const c = snapshot.context;
  const status = caseStatusOf(snapshot);
  const parsed = caseRecordSchema.safeParse(c);
  if (!parsed.success) fail(`the card does not parse: ${parsed.error.message}`);
  if (c.labels.join() !== [...new Set(c.labels)].sort().join()) fail('labels not sorted/unique');
  if (isLockedValue(snapshot.value) !== (c.lock !== null)) fail('lock and state value disagree');
  if (c.lock && !lockableCaseStatuses.includes(status)) fail(`a lock in ${status}`);
  if (c.lock && c.lock.holderId !== c.executorId) fail('the lock holder is not the executor');
  if ((status === 'postponed') !== (c.postponement !== null)) fail('postponement mismatch');
  if ((status === 'moderation') !== (c.rereview !== null)) fail('re-review mismatch');
  if ((status === 'support') !== (c.supportRequest !== null)) fail('support request mismatch');
  const pending = [c.resolution, c.closure].filter((r) => r !== null && r.acceptedAt === null);
  if ((status === 'curator_check') !== (pending.length === 1)) fail(`results waiting in ${status}`);
  if (!isFinalCaseStatus(status) && status !== 'curator_check' && (c.resolution || c.closure)) {
    fail(`a result left in ${status}`);
  }
  if (status === 'done' && !c.resolution?.acceptedBy) fail('done without an accepted resolution');
  if (status === 'closed') {
    if (!c.closure?.acceptedBy) fail('closed without an accepted close request');
    if (c.closure && unmetCloseRequirement(c, c.closure) !== null) {
      fail(`closed as ${c.closure.reason} without its requirement`);
    }
  }
  if (c.executorId === null && status !== 'new' && status !== 'moderation') {
    fail(`nobody assigned in ${status}`);
  }
  if (status === 'new' && c.executorId !== null) fail('a new card with an executor');
}

/**
 * Checks one applied (or refused) event. Throws {@link InvariantViolation} on the first
 * rule that fails:
 * - the input snapshot is never modified (so a refused event changes nothing);
 * - final statuses are never left;
 * - `done` and `closed` are reached only by `case.accept` from a curator of the region;
 * - a lock appears only through `case.lock` by the card's executor, holding nothing else;
 * - «Ход решения» and the contact log only grow; the history record matches the step;
 * - and {@link checkCaseShape} of the result.
 */
export function checkCaseStep(
  before: CaseSnapshot,
  beforeJson: string,
  event: { type: string; by: Principal },
  result: CaseApplyResult,
  directory: Directory,
  facts?: CaseFacts,
): void {
  if (JSON.stringify(before) !== beforeJson) fail(`${event.type} modified its input snapshot`);
  if (!result.ok) return;
  const from = caseStatusOf(before);
  const to = result.status;
  const b = before.context;
  const a = result.snapshot.context;
  if (isFinalCaseStatus(from)) fail(`${event.type} applied in final status ${from}`);
  if ((to === 'done' || to === 'closed') && from !== to) {
    if (event.type !== 'case.accept') fail(`reached ${to} by ${event.type}`);
    if (!holdsInRegion(event.by, 'curator', b.regionCode, directory)) {
      fail(`${to} accepted by ${event.by.id}, not a curator of region ${b.regionCode}`);
    }
  }
  if (a.lock !== null && a.lock.holderId !== b.lock?.holderId) {
    if (event.type !== 'case.lock') fail(`${event.type} took the lock`);
    if (a.lock.holderId !== event.by.id || a.executorId !== event.by.id) {
      fail(`the lock went to ${a.lock.holderId}, not the executor who took it`);
    }
    if ((facts?.heldCardIds ?? []).some((id) => id !== a.id)) fail('locked a second card');
  }
  if (JSON.stringify(a.comments.slice(0, b.comments.length)) !== JSON.stringify(b.comments)) {
    fail(`${event.type} rewrote «Ход решения»`);
  }
  if (a.contactAttempts.length < b.contactAttempts.length) fail('contact attempts were lost');
  const r = result.record;
  if (r.type !== event.type || r.fromStatus !== from || r.toStatus !== to || r.messageId !== a.id) {
    fail(`the history record does not match ${event.type}`);
  }
  checkCaseShape(result.snapshot);
}

/** A JSON round-trip of the stored snapshot never changes the result of the next event. */
export function checkCaseRoundTrip(
  beforeJson: string,
  event: unknown,
  result: CaseApplyResult,
  directory: Directory,
  facts?: CaseFacts,
): void {
  const again = applyCaseEvent(JSON.parse(beforeJson) as CaseSnapshot, event, directory, facts);
  if (JSON.stringify(again) !== JSON.stringify(result)) {
    fail('the event gave a different result after a JSON round-trip of the snapshot');
  }
}

/** Across cards: no executor holds two locks at once. */
export function checkLockRegistry(cards: readonly CaseSnapshot[]): void {
  const holders = new Map<string, string>();
  for (const { context: c } of cards) {
    if (!c.lock) continue;
    const other = holders.get(c.lock.holderId);
    if (other !== undefined) fail(`${c.lock.holderId} holds both ${other} and ${c.id}`);
    holders.set(c.lock.holderId, c.id);
  }
}
