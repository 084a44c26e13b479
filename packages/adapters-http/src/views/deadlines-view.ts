import type { Directory, ShownMessage } from '@reshaem/core';
import type { DeadlinesView, DeadlineView } from '../schemas/views.js';
import { countdownOf, labelOf } from './deadline-text.js';

export const timeZoneOfMessage = (
  message: Pick<ShownMessage, 'timeZone' | 'holdingOrgId'>,
  directory: Directory,
): string => message.timeZone ?? directory.timeZoneOf(message.holdingOrgId) ?? 'UTC';

function deadline(now: Date, dueAt: string, timeZone: string): DeadlineView {
  return {
    dueAt,
    label: labelOf(dueAt, timeZone),
    countdown: countdownOf(now, dueAt, timeZone),
    overdue: now.getTime() > Date.parse(dueAt),
  };
}

/** The response deadline: a {@link deadline} with its «скоро срок» point, added to it. */
function responseDeadline(
  now: Date,
  dueAt: string,
  dueSoonAt: string | null,
  timeZone: string,
): NonNullable<DeadlinesView['response']> {
  const view = deadline(now, dueAt, timeZone) as NonNullable<DeadlinesView['response']>;
  view.dueSoonAt = dueSoonAt;
  view.dueSoon = dueSoonAt !== null && now.getTime() >= Date.parse(dueSoonAt);
  return view;
}

/**
 * The message's deadlines as of `now` (the adapter's clock, never the core's). Pass the
 * message as the viewer may see it: the execution deadline and a pending extension are
 * then `null` for whoever may not see them.
 */
export function deadlinesView(
  message: ShownMessage,
  directory: Directory,
  now: Date,
): DeadlinesView {
  const timeZone = timeZoneOfMessage(message, directory);
  const due = message.responseDueAt;
  return {
    timeZone,
    response: due === null ? null : responseDeadline(now, due, message.dueSoonAt, timeZone),
    execution:
      message.executionDueAt === null ? null : deadline(now, message.executionDueAt, timeZone),
    overdue: message.overdue,
    pendingExtension: message.pendingExtension,
    extensionsGranted: message.extensionsGranted,
  };
}
