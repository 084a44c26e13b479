import type { Directory } from '../../kernel/notifications/directory.js';
import { type Principal, SYSTEM_PRINCIPAL } from '../../kernel/schemas/principal.js';
import type { SubmitEventInput } from '../schemas/events.js';
import { timersOf } from '../timers.js';
import {
  applyEvent,
  availableEvents,
  type HistoryRecord,
  type MessageSnapshot,
  startMessage,
  statusOf,
} from '../workflow.js';
import { plausiblePayload } from './plausible.js';

/** A message the workflow can reach, with the history that led there. */
export interface Reached {
  snapshot: MessageSnapshot;
  records: HistoryRecord[];
}

export interface ReachOptions {
  /** The most events after `submit` on one path. */
  maxDepth?: number;
  /** Stop after this many distinct messages. */
  limit?: number;
  /** The instant of `submit`; each later event comes an hour after the one before. */
  start?: string;
}

/** What tells two messages apart for the field rules: status and what they carry. */
function shapeOf(s: MessageSnapshot): string {
  const m = s.context;
  return JSON.stringify([
    statusOf(s),
    m.channel === 'operator',
    m.answer === null ? null : [m.answer.type, m.answer.approvedAt !== null],
    m.previousAnswers.map((a) => a.approvedAt !== null),
    m.pendingExtension !== null,
    m.lastReturnComment !== null,
    m.delivery !== null,
    m.ratings.length,
    m.reReviewRound,
    m.executorId !== null,
    m.extensionsGranted,
    m.arrivedBy,
    m.overdue,
    m.deliveryOverdue,
    m.answerEmail?.status ?? null,
    m.registrationNumber !== null,
    m.reReviewByCurator,
  ]);
}

/**
 * Explores the messages the workflow can reach from each `submit`, breadth first: every
 * event every user (and the system) may send, with a {@link plausiblePayload}, timers at
 * their instant. Messages that carry the same things in the same status count once. Pass
 * your own directory to explore your configuration.
 *
 * @example
 * for (const { snapshot, records } of reachableMessages(directory, [submit])) {
 *   checkFieldVisibility(snapshot, records, directory);
 * }
 */
export function reachableMessages(
  directory: Directory,
  submits: readonly Omit<SubmitEventInput, 'at'>[],
  options: ReachOptions = {},
): Reached[] {
  const { maxDepth = 12, limit = 200, start = '2025-01-15T11:18:00.000Z' } = options;
  const people: Principal[] = [...directory.users, SYSTEM_PRINCIPAL];
  const seen = new Set<string>();
  const out: Reached[] = [];
  let frontier: (Reached & { at: string })[] = [];
  for (const submit of submits) {
    const started = startMessage({ ...submit, at: start }, directory);
    if (!started.ok) throw new Error(`submit refused: ${started.error.kind}`);
    const reached = { snapshot: started.snapshot, records: [started.record], at: start };
    seen.add(shapeOf(started.snapshot));
    out.push(reached);
    frontier.push(reached);
  }
  for (let depth = 0; depth < maxDepth && frontier.length > 0; depth += 1) {
    const next: typeof frontier = [];
    for (const here of frontier) {
      for (const by of people) {
        for (const type of availableEvents(here.snapshot, by, directory)) {
          for (const pick of [0, 2]) {
            let at = new Date(Date.parse(here.at) + 3_600_000).toISOString();
            const timer = timersOf(here.snapshot).find((t) => t.event.type === type);
            if (timer && timer.fireAt > at) at = timer.fireAt;
            const payload = plausiblePayload(type, here.snapshot, directory, pick);
            const result = applyEvent(here.snapshot, { ...payload, type, at, by }, directory);
            if (!result.ok) continue;
            const shape = shapeOf(result.snapshot);
            if (seen.has(shape)) continue;
            seen.add(shape);
            const reached = {
              snapshot: result.snapshot,
              records: [...here.records, result.record],
              at,
            };
            out.push(reached);
            next.push(reached);
            if (out.length >= limit)
              return out.map(({ snapshot, records }) => ({ snapshot, records }));
          }
        }
      }
    }
    frontier = next;
  }
  return out.map(({ snapshot, records }) => ({ snapshot, records }));
}
