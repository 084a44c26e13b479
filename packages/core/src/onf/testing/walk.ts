import type { Directory } from '../../kernel/notifications/directory.js';
import { type Principal, SYSTEM_PRINCIPAL } from '../../kernel/schemas/principal.js';
import type { CaseFacts } from '../resolve.js';
import type { CaseCreateEventInput, CaseEventType } from '../schemas/events.js';
import { applyCaseEvent, availableCaseEvents, type CaseSnapshot, startCase } from '../workflow.js';
import type { CaseWalkStep } from './arbitraries.js';
import {
  checkCaseRoundTrip,
  checkCaseShape,
  checkCaseStep,
  checkLockRegistry,
} from './invariants.js';
import { plausibleCasePayload } from './plausible.js';
import { checkCaseFieldVisibility } from './visibility-invariants.js';

export interface CaseWalkTrace {
  /** Every status any card was in, in order, and the event types applied. */
  statuses: string[];
  applied: string[];
  /** Refusals by kind (`lock_conflict`, `forbidden`, …). */
  refused: Record<string, number>;
  /** How many close requests were returned for a missing requirement. */
  closeReturns: number;
  cards: CaseSnapshot[];
}

const addMinutes = (iso: string, minutes: number) =>
  new Date(Date.parse(iso) + minutes * 60_000).toISOString();

/** What the store would supply: the cards whose lock `userId` holds now. */
export const heldCardIdsOf = (cards: readonly CaseSnapshot[], userId: string): string[] =>
  cards.filter((c) => c.context.lock?.holderId === userId).map((c) => c.context.id);

/**
 * Plays a random walk over several cards through the real workflow, as a store would: the
 * lock facts come from a registry shared by all cards. Every invariant is checked after
 * every step ({@link checkCaseStep}, {@link checkLockRegistry}, a JSON round-trip, and the
 * card rules of who sees what, {@link checkCaseFieldVisibility}); throws
 * `InvariantViolation` when one fails.
 *
 * @example
 * fc.assert(fc.property(caseWalkArbitrary(directory), (walk) => {
 *   runCaseWalk(walk, directory);
 * }));
 */
export function runCaseWalk(
  walk: { cards: Omit<CaseCreateEventInput, 'at'>[]; steps: CaseWalkStep[] },
  directory: Directory,
  start = '2025-01-15T03:00:00.000Z',
): CaseWalkTrace {
  let at = start;
  const trace: CaseWalkTrace = {
    statuses: [],
    applied: [],
    refused: {},
    closeReturns: 0,
    cards: [],
  };
  const cards = trace.cards;
  walk.cards.forEach((create, i) => {
    const started = startCase({ ...create, caseId: `c-${i}`, number: `${100 + i}`, at }, directory);
    if (!started.ok) throw new Error(`a generated card was refused: ${started.error.message}`);
    checkCaseShape(started.snapshot);
    cards.push(started.snapshot);
    trace.statuses.push(started.status);
  });
  for (const step of walk.steps) {
    at = addMinutes(at, step.minutes);
    const index = step.card % cards.length;
    const snapshot = cards[index] as CaseSnapshot;
    const { type, by } = step.guided ? guidedChoice(snapshot, step, directory) : step;
    const payload = step.guided
      ? plausibleCasePayload(type, snapshot, directory, at, step.pick)
      : step.payloadSeed[type];
    const event = { ...payload, type, at, by };
    const facts: CaseFacts = { heldCardIds: heldCardIdsOf(cards, by.id) };
    const before = JSON.stringify(snapshot);
    const result = applyCaseEvent(snapshot, event, directory, facts);
    checkCaseStep(snapshot, before, event, result, directory, facts);
    checkCaseRoundTrip(before, event, result, directory, facts);
    if (result.ok) {
      cards[index] = result.snapshot;
      checkCaseFieldVisibility(result.snapshot, directory);
      trace.applied.push(type);
      trace.statuses.push(result.status);
      if (result.snapshot.context.lastReturn?.unmet && type === 'case.close_request') {
        trace.closeReturns += 1;
      }
    } else {
      trace.refused[result.error.kind] = (trace.refused[result.error.kind] ?? 0) + 1;
    }
    checkLockRegistry(cards);
  }
  return trace;
}

function guidedChoice(
  snapshot: CaseSnapshot,
  step: CaseWalkStep,
  directory: Directory,
): { type: CaseEventType; by: Principal } {
  // Choose the event type first, then who sends it, so that busy roles do not crowd out the
  // events that move the card on. Locks are offered even to executors busy with another
  // card (no facts here), so the walk keeps trying to break «one card at a time».
  const senders = new Map<CaseEventType, Principal[]>();
  for (const user of [...directory.users, SYSTEM_PRINCIPAL]) {
    for (const type of availableCaseEvents(snapshot, user, directory)) {
      senders.set(type, [...(senders.get(type) ?? []), user]);
    }
  }
  // Comments are open to many in every status; offered always, they would crowd out the
  // rest (unguided steps still send them).
  const moving = [...senders.keys()].filter((t) => t !== 'case.comment');
  const types = moving.length > 0 ? moving : [...senders.keys()];
  const type = types[step.pick % Math.max(types.length, 1)];
  const people = type ? senders.get(type) : undefined;
  const by = people?.[Math.floor(step.pick / Math.max(types.length, 1)) % people.length];
  return type && by ? { type, by } : step;
}
