import { type Directory, deadlineLabel, formatCountdown, type ShownMessage } from '@reshaem/core';
import { zoneOf } from './format.js';

/** A snapshot's state value with its context as some viewer sees it. */
interface ShownSnapshot {
  value: unknown;
  context: ShownMessage;
}

/** Where the machine's deadline region is: running on time, due soon, overdue — or not. */
export type DeadlineState = 'on_time' | 'due_soon' | 'overdue' | null;

/** Reads the deadline region of the machine's state value. */
export function deadlineStateOf(snapshot: Pick<ShownSnapshot, 'value'>): DeadlineState {
  const region = (snapshot.value as { deadline?: unknown }).deadline;
  if (region && typeof region === 'object' && 'running' in region) {
    const running = (region as { running: unknown }).running;
    if (running === 'on_time' || running === 'due_soon' || running === 'overdue') return running;
  }
  return null;
}

/**
 * The countdown people see while the response deadline runs («9 дней 14 часов 39 минут /
 * до 23:59 25.01.2025»), else just the deadline («до 23:59 25.01.2025»), else `null`.
 */
export function countdownOf(
  snapshot: ShownSnapshot,
  directory: Directory,
  now: Date,
): string | null {
  const message = snapshot.context;
  if (message.responseDueAt === null) return null;
  const zone = zoneOf(message, directory);
  return deadlineStateOf(snapshot) === null
    ? deadlineLabel(message.responseDueAt, zone)
    : formatCountdown(now, message.responseDueAt, zone);
}
