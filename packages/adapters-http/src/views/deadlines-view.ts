import type { Directory, Message } from '@reshaem/core';
import type { DeadlinesView, DeadlineView } from '../schemas/views.js';
import { countdownOf, labelOf } from './deadline-text.js';

export const timeZoneOfMessage = (message: Message, directory: Directory): string =>
  message.timeZone ?? directory.timeZoneOf(message.holdingOrgId) ?? 'UTC';

function deadline(now: Date, dueAt: string, timeZone: string): DeadlineView {
  return {
    dueAt,
    label: labelOf(dueAt, timeZone),
    countdown: countdownOf(now, dueAt, timeZone),
    overdue: now.getTime() > Date.parse(dueAt),
  };
}

/** The message's deadlines as of `now` (the adapter's clock, never the core's). */
export function deadlinesView(message: Message, directory: Directory, now: Date): DeadlinesView {
  const timeZone = timeZoneOfMessage(message, directory);
  const due = message.responseDueAt;
  return {
    timeZone,
    response:
      due === null
        ? null
        : {
            ...deadline(now, due, timeZone),
            dueSoonAt: message.dueSoonAt,
            dueSoon: message.dueSoonAt !== null && now.getTime() >= Date.parse(message.dueSoonAt),
          },
    execution:
      message.executionDueAt === null ? null : deadline(now, message.executionDueAt, timeZone),
    overdue: message.overdue,
    pendingExtension: message.pendingExtension,
    extensionsGranted: message.extensionsGranted,
  };
}
