import { endOfLocalDay } from '../kernel/deadlines/deadline.js';
import type { Timer } from '../kernel/store/timer.js';
import { caseTimeZone } from './resolve.js';
import { type CaseSnapshot, caseStatusOf } from './workflow.js';

/**
 * Every timer a card needs now, in the ПОС {@link Timer} shape (`messageId` is the card's
 * id), so one timer table serves both workflows. A postponed card needs one: at 23:59 of
 * its date in the card's region it goes back to «В работе» (`case.postponement_due`).
 * Deterministic: the same snapshot always gives the same timers.
 *
 * @example
 * caseTimersOf(postponedSnapshot);
 * // [{ id: 'c-1:case.postponement_due', fireAt: '2025-03-01T20:59:00.000Z', … }]
 */
export function caseTimersOf(snapshot: CaseSnapshot): Timer[] {
  const card = snapshot.context;
  if (caseStatusOf(snapshot) !== 'postponed' || card.postponement === null) return [];
  const { until } = card.postponement;
  return [
    {
      id: `${card.id}:case.postponement_due`,
      messageId: card.id,
      fireAt: endOfLocalDay(until, caseTimeZone(card)),
      event: { type: 'case.postponement_due', until },
    },
  ];
}
