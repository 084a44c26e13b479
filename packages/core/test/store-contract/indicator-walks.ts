import fc from 'fast-check';
import {
  applyEvent,
  availableEvents,
  type Directory,
  type MessageSnapshot,
  type Principal,
  SYSTEM_PRINCIPAL,
  startMessage,
  timersOf,
} from '../../src/index.js';
import { plausiblePayload, submitArbitrary } from '../../src/testing/index.js';

/** A message's life as the events a store is sent: the submit, then each accepted event. */
export interface PlayedLife {
  messageId: string;
  events: Array<Record<string, unknown> & { type: string; at: string; by: Principal }>;
}

const forward = new Set([
  'moderation.accept',
  'executor.assign',
  'work.take',
  'answer.submit',
  'answer.approve',
  'rating.submit',
  'delivery.confirm',
  'postponement.due',
  'deadline.extension_approve',
]);

const addMinutes = (iso: string, minutes: number) =>
  new Date(Date.parse(iso) + minutes * 60_000).toISOString();

/**
 * A step of about `minutes`: in whole minutes, or an odd number of `unit`s — 18 s, half a
 * hundredth of an hour, or 7.2 min, half a hundredth of a day — so that delivery lags and
 * answer times land exactly half-way between two reported hundredths, where rounding is
 * easiest to get wrong.
 */
const step = (iso: string, minutes: number, unit: number) => {
  if (unit === 60_000) return addMinutes(iso, minutes);
  const odd = 2 * Math.round((minutes * 60_000) / (2 * unit)) + 1;
  return new Date(Date.parse(iso) + odd * unit).toISOString();
};

/**
 * Plays a life through the pure workflow, the way the random walks of `pos/testing` choose
 * their steps: each step picks one of the events someone may send now (half the time one that
 * moves the message on) with a plausible payload, a timer's event at the timer's instant.
 * Returns the events that were accepted, to send to stores.
 */
function play(
  directory: Directory,
  submit: Record<string, unknown>,
  start: string,
  steps: ReadonlyArray<{ pick: number; minutes: number }>,
  unit: number,
): PlayedLife {
  let at = start;
  const first = { ...submit, at } as PlayedLife['events'][number];
  const started = startMessage(first, directory);
  const messageId = String(submit.messageId);
  if (!started.ok) return { messageId, events: [] };
  const events = [first];
  let snapshot: MessageSnapshot = started.snapshot;
  for (const { pick, minutes } of steps) {
    at = step(at, minutes, unit);
    const choices: Array<{ type: string; by: Principal }> = [];
    for (const user of [...directory.users, SYSTEM_PRINCIPAL]) {
      for (const type of availableEvents(snapshot, user, directory))
        choices.push({ type, by: user });
    }
    if (choices.length === 0) break;
    // Two steps in three move the message on when they can, so lives reach the answers,
    // ratings, re-reviews and deliveries; the others wander (returns, extensions, forwards).
    const onward = choices.filter((c) => forward.has(c.type));
    const pool = pick % 3 !== 0 && onward.length > 0 ? onward : choices;
    const choice = pool[Math.floor(pick / 3) % pool.length];
    if (!choice) break;
    const timer = timersOf(snapshot).find((t) => t.event.type === choice.type);
    if (timer && timer.fireAt > at) at = timer.fireAt;
    const payload = plausiblePayload(choice.type as never, snapshot, directory, pick);
    const event = { ...payload, type: choice.type, at, by: choice.by };
    const result = applyEvent(snapshot, event, directory);
    if (!result.ok) continue;
    snapshot = result.snapshot;
    events.push(event);
  }
  return { messageId, events };
}

/**
 * Random lives of several messages, received between 01.01 and 31.03.2025, each played through
 * the workflow (see {@link play}); a few minutes to a few days between steps, in whole minutes
 * or in odd numbers of 18 s or 7.2 min (see {@link step}).
 */
export function livesArbitrary(
  directory: Directory,
  options: { maxMessages?: number; maxSteps?: number } = {},
): fc.Arbitrary<PlayedLife[]> {
  const life = (n: number) =>
    fc
      .record({
        submit: submitArbitrary(directory, `w-${n}`),
        startMinutes: fc.integer({ min: 0, max: 90 * 24 * 60 }),
        unit: fc.constantFrom(60_000, 18_000, 432_000, 432_000),
        steps: fc.array(
          fc.record({
            pick: fc.nat({ max: 10_000 }),
            minutes: fc.integer({ min: 10, max: 4 * 24 * 60 }),
          }),
          { maxLength: options.maxSteps ?? 30, size: 'max' },
        ),
      })
      .map(({ submit, startMinutes, unit, steps }) =>
        play(directory, submit, addMinutes('2025-01-01T00:00:00.000Z', startMinutes), steps, unit),
      );
  return fc
    .integer({ min: 1, max: options.maxMessages ?? 12 })
    .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => life(i))));
}
