import type { Directory } from '../../kernel/notifications/directory.js';
import { type Principal, SYSTEM_PRINCIPAL } from '../../kernel/schemas/principal.js';
import type { MessageEventType, SubmitEventInput } from '../schemas/events.js';
import { timersOf } from '../timers.js';
import {
  type ApplyResult,
  applyEvent,
  availableEvents,
  type HistoryRecord,
  type MessageSnapshot,
  startMessage,
} from '../workflow.js';
import type { WalkStep } from './arbitraries.js';
import { checkRoundTrip, checkStart, checkStep } from './invariants.js';
import { plausiblePayload } from './plausible.js';
import { checkFieldVisibility } from './visibility-invariants.js';

export interface WalkTrace {
  /** Every status the message was in, in order. */
  statuses: string[];
  /** How many events were applied and refused. */
  applied: number;
  refused: number;
  final: MessageSnapshot | null;
}

const addMinutes = (iso: string, minutes: number) =>
  new Date(Date.parse(iso) + minutes * 60_000).toISOString();

/**
 * Plays a random walk through the real workflow, checking every invariant after every step
 * ({@link checkStep}) and the field rules of SPEC §11 on the message and its history so far
 * ({@link checkFieldVisibility}); throws `InvariantViolation` when one fails. Pass the directory of
 * your own configuration to run the same properties against it.
 *
 * @example
 * fc.assert(fc.property(walkArbitrary(directory), (walk) => {
 *   runWalk(walk, directory);
 * }));
 */
export function runWalk(
  walk: { submit: Omit<SubmitEventInput, 'at'>; steps: WalkStep[] },
  directory: Directory,
  start = '2025-01-15T11:18:00.000Z',
): WalkTrace {
  let at = start;
  const started = startMessage({ ...walk.submit, at }, directory);
  checkStart(started);
  const trace: WalkTrace = { statuses: [], applied: 0, refused: 0, final: null };
  if (!started.ok) return trace;
  let snapshot = started.snapshot;
  const records: HistoryRecord[] = [started.record];
  trace.statuses.push(started.status);
  for (const step of walk.steps) {
    at = addMinutes(at, step.minutes);
    const { type, by } = step.guided ? guidedChoice(snapshot, step, directory) : step;
    const payload = step.guided
      ? plausiblePayload(type, snapshot, directory, step.pick)
      : step.payloadSeed[type];
    // A store fires a timer at its instant: guided timer events come then, not before.
    const timer = step.guided ? timersOf(snapshot).find((t) => t.event.type === type) : undefined;
    if (timer && timer.fireAt > at) at = timer.fireAt;
    const event = { ...payload, type, at, by };
    const before = JSON.stringify(snapshot);
    const result: ApplyResult = applyEvent(snapshot, event, directory);
    checkStep(snapshot, before, event, result, directory);
    checkRoundTrip(before, event, result, directory);
    if (result.ok) {
      trace.applied += 1;
      snapshot = result.snapshot;
      records.push(result.record);
      checkFieldVisibility(snapshot, records, directory);
      trace.statuses.push(result.status);
    } else {
      trace.refused += 1;
    }
  }
  trace.final = snapshot;
  return trace;
}

const forward = new Set<string>([
  'moderation.accept',
  'executor.assign',
  'work.take',
  'answer.submit',
  'answer.approve',
  'rating.submit',
  'delivery.confirm',
  'postponement.due',
  'rating.window_closed',
]);

function guidedChoice(
  snapshot: MessageSnapshot,
  step: WalkStep,
  directory: Directory,
): { type: MessageEventType; by: Principal } {
  // Choose the event type first, then who sends it, so that busy roles (a coordinator can
  // do many things) do not crowd out the events that move the message on.
  const senders = new Map<MessageEventType, Principal[]>();
  for (const user of [...directory.users, SYSTEM_PRINCIPAL]) {
    for (const type of availableEvents(snapshot, user, directory)) {
      senders.set(type, [...(senders.get(type) ?? []), user]);
    }
  }
  // Half the guided steps move the message forward when they can, so walks reach the
  // rating, delivery and postponement loops as well as the refusals on the way.
  const all = [...senders.keys()];
  const onward = all.filter((t) => forward.has(t));
  const types = step.pick % 2 === 0 && onward.length > 0 ? onward : all;
  const type = types[Math.floor(step.pick / 2) % Math.max(types.length, 1)];
  const people = type ? senders.get(type) : undefined;
  const by = people?.[Math.floor(step.pick / 2 / Math.max(types.length, 1)) % people.length];
  return type && by ? { type, by } : step;
}
