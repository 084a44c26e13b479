import { endOfLocalDay } from '../kernel/deadlines/deadline.js';
import { addCalendarDays } from '../kernel/deadlines/local-date.js';
import type { Timer } from '../kernel/store/timer.js';
import type { MessageSnapshot } from './workflow.js';

export type { Timer };

type TimerRule = (snapshot: MessageSnapshot) => Timer[];

const deadlineState = (snapshot: MessageSnapshot): string | undefined => {
  const region = (snapshot.value as { deadline?: unknown }).deadline;
  if (region && typeof region === 'object' && 'running' in region) {
    return String((region as { running: unknown }).running);
  }
  return undefined;
};

/** A running deadline needs its warning (while on time) and its breach. */
const deadlineTimers: TimerRule = (snapshot) => {
  const m = snapshot.context;
  const state = deadlineState(snapshot);
  const timers: Timer[] = [];
  if (state === 'on_time' && m.dueSoonAt) {
    timers.push({
      id: `${m.id}:deadline.due_soon`,
      messageId: m.id,
      fireAt: m.dueSoonAt,
      event: { type: 'deadline.due_soon', dueAt: m.dueSoonAt },
    });
  }
  if ((state === 'on_time' || state === 'due_soon') && m.responseDueAt) {
    timers.push({
      id: `${m.id}:deadline.overdue`,
      messageId: m.id,
      fireAt: m.responseDueAt,
      event: { type: 'deadline.overdue', dueAt: m.responseDueAt },
    });
  }
  return timers;
};

const statusOfSnapshot = (snapshot: MessageSnapshot) =>
  (snapshot.value as { status?: unknown }).status;

/** The rating window, the delivery deadline and the date of a postponed answer. */
const loopTimers: TimerRule = (snapshot) => {
  const m = snapshot.context;
  const status = statusOfSnapshot(snapshot);
  const timers: Timer[] = [];
  const waiting =
    status === 'answer_sent' || status === 'answer_ready' || status === 'answer_delivered';
  if ((status === 'answer_sent' || status === 'answer_delivered') && m.ratingDueAt) {
    timers.push({
      id: `${m.id}:rating.window_closed`,
      messageId: m.id,
      fireAt: m.ratingDueAt,
      event: { type: 'rating.window_closed', dueAt: m.ratingDueAt },
    });
  }
  if (status === 'answer_ready' && m.deliveryDueAt && !m.deliveryOverdue) {
    timers.push({
      id: `${m.id}:delivery.overdue`,
      messageId: m.id,
      fireAt: m.deliveryDueAt,
      event: { type: 'delivery.overdue', dueAt: m.deliveryDueAt },
    });
  }
  const until = m.answer?.type === 'postponed' ? m.answer.postponedUntil : null;
  if (waiting && until) {
    timers.push({
      id: `${m.id}:postponement.due`,
      messageId: m.id,
      fireAt: startOfLocalDay(until, m.timeZone ?? 'Europe/Moscow'),
      event: { type: 'postponement.due', until },
    });
  }
  return timers;
};

/** 00:00 local time of a date: the minute after 23:59 of the day before. */
const startOfLocalDay = (date: string, timeZone: string) =>
  new Date(Date.parse(endOfLocalDay(addCalendarDays(date, -1), timeZone)) + 60_000).toISOString();

const rules: TimerRule[] = [deadlineTimers, loopTimers];

/**
 * Every timer the snapshot needs now. Deterministic: the same snapshot always gives the
 * same timers, so a store can diff them against what it keeps.
 */
export function timersOf(snapshot: MessageSnapshot): Timer[] {
  const out: Timer[] = [];
  for (const rule of rules) out.push(...rule(snapshot));
  return out;
}
