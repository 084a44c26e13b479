import type {
  Message,
  MessageEvent,
  MessageMachineEvent,
  RegistrationDeadline,
} from '@reshaem/core';

/** The deadline a snapshot carries, in the shape the machine's events use. */
function deadlineOf(message: Message): RegistrationDeadline | null {
  const { responseDueAt, dueSoonAt, timeZone } = message;
  return responseDueAt && dueSoonAt && timeZone ? { responseDueAt, dueSoonAt, timeZone } : null;
}

/** A fresh deadline, if the event brought one. */
const newDeadline = (before: Message, after: Message) =>
  after.responseDueAt !== before.responseDueAt ? deadlineOf(after) : null;

/**
 * The machine event of a public event the core applied. The core resolves what the machine
 * needs — a fresh deadline, where a return or a re-review goes, until when the applicant may
 * rate — and writes it into the new snapshot; this reads it back from there instead of
 * computing it again. The player checks that the actor arrives at exactly the core's
 * snapshot, so a wrong reading here cannot pass unnoticed.
 */
export function machineEventOf(
  event: MessageEvent,
  before: Message,
  after: Message,
): MessageMachineEvent {
  const { at, by } = event;
  switch (event.type) {
    case 'moderation.accept':
      return { type: event.type, at, by, deadline: deadlineOf(after) };
    case 'work.take':
      return { type: event.type, at, by, deadline: newDeadline(before, after) };
    case 'moderation.reject':
      return { type: event.type, at, by, reason: event.reason };
    case 'executor.assign':
      return {
        type: event.type,
        at,
        by,
        executorId: event.executorId,
        executionDueAt: event.executionDueAt ?? null,
        autoruleId: event.autoruleId ?? null,
      };
    case 'executor.reassign':
      return {
        type: event.type,
        at,
        by,
        executorId: event.executorId,
        comment: event.comment ?? null,
      };
    case 'coordination.forward':
      return {
        type: event.type,
        at,
        by,
        orgId: event.orgId,
        comment: event.comment ?? null,
        autoruleId: event.autoruleId ?? null,
      };
    case 'coordination.return':
      return { type: event.type, at, by, toOrgId: after.holdingOrgId, comment: event.comment };
    case 'answer.submit':
      return { type: event.type, at, by, answer: event.answer };
    case 'answer.approve':
      return {
        type: event.type,
        at,
        by,
        comment: event.comment ?? null,
        ratingDueAt: after.ratingDueAt,
        deliveryDueAt: after.deliveryDueAt,
      };
    case 'answer.return':
    case 'deadline.extension_deny':
      return { type: event.type, at, by, comment: event.comment };
    case 'deadline.extension_request':
      return {
        type: event.type,
        at,
        by,
        until: after.pendingExtension?.until ?? event.until,
        reason: event.reason,
      };
    case 'deadline.extension_approve':
      return {
        type: event.type,
        at,
        by,
        comment: event.comment ?? null,
        responseDueAt: after.responseDueAt ?? '',
        dueSoonAt: after.dueSoonAt ?? '',
      };
    case 'rating.submit': {
      const reReviewed = after.reReviewRound > before.reReviewRound;
      return {
        type: event.type,
        at,
        by,
        score: event.score,
        comment: event.comment?.length ? event.comment : null,
        reReview: reReviewed
          ? {
              toOrgId: after.holdingOrgId,
              byCurator: after.reReviewByCurator,
              deadline: deadlineOf(after),
            }
          : null,
      };
    }
    case 'delivery.confirm':
      return {
        type: event.type,
        at,
        by,
        channel: event.channel,
        note: event.note,
        ratingDueAt: after.ratingDueAt,
      };
    case 'delivery.email_result':
      return { type: event.type, at, by, sent: event.sent, error: event.error ?? null };
    case 'deadline.due_soon':
    case 'deadline.overdue':
    case 'rating.window_closed':
    case 'delivery.overdue':
      return { type: event.type, at, by, dueAt: event.dueAt };
    case 'postponement.due':
      return { type: event.type, at, by, until: event.until };
    case 'registration.update':
      return {
        type: event.type,
        at,
        by,
        registrationNumber: event.registrationNumber ?? null,
        registeredAt: event.registeredAt ?? null,
      };
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}
