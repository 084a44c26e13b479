import type { Principal } from '../../kernel/schemas/principal.js';
import type { RegistrationDeadline } from '../deadline.js';
import type { DeliveryChannel, Message, ResolvedAnswerDraft } from '../schemas/message.js';
import type { MessageTopic } from '../topic-check.js';

/** What every machine event carries once the workflow has validated and authorised it. */
export interface Resolved {
  at: string;
  by: Principal;
}

/**
 * The events the machine itself receives: the public events after validation, permission
 * checks and look-ups (for example the parent organisation a return goes to). Each is a
 * self-contained fact, which is also what the history records.
 */
export type MessageMachineEvent =
  | ({ type: 'moderation.accept'; deadline: RegistrationDeadline | null } & Resolved)
  | ({ type: 'moderation.reject'; reason: string } & Resolved)
  | ({
      type: 'moderation.correct';
      /** The topic before and after: the history shows both. */
      from: MessageTopic;
      to: MessageTopic;
      /** The new subcategory's fast-track flag and the new recipient's time zone. */
      fastTrack: boolean;
      timeZone: string | null;
      comment: string | null;
    } & Resolved)
  | ({
      type: 'executor.assign';
      executorId: string;
      executionDueAt: string | null;
      autoruleId: string | null;
    } & Resolved)
  | ({ type: 'work.take'; deadline: RegistrationDeadline | null } & Resolved)
  | ({
      type: 'coordination.forward';
      orgId: string;
      comment: string | null;
      autoruleId: string | null;
    } & Resolved)
  | ({ type: 'coordination.return'; toOrgId: string; comment: string } & Resolved)
  | ({ type: 'executor.reassign'; executorId: string; comment: string | null } & Resolved)
  | ({ type: 'answer.submit'; answer: ResolvedAnswerDraft } & Resolved)
  | ({
      type: 'answer.approve';
      comment: string | null;
      ratingDueAt: string | null;
      deliveryDueAt: string | null;
    } & Resolved)
  | ({
      type: 'rating.submit';
      score: number;
      comment: string | null;
      reReview: {
        toOrgId: string;
        byCurator: boolean;
        deadline: RegistrationDeadline | null;
      } | null;
    } & Resolved)
  | ({
      type: 'delivery.confirm';
      channel: DeliveryChannel;
      note: string;
      ratingDueAt: string | null;
    } & Resolved)
  | ({ type: 'delivery.email_result'; sent: boolean; error: string | null } & Resolved)
  | ({ type: 'rating.window_closed'; dueAt: string } & Resolved)
  | ({ type: 'delivery.overdue'; dueAt: string } & Resolved)
  | ({ type: 'postponement.due'; until: string } & Resolved)
  | ({ type: 'answer.return'; comment: string } & Resolved)
  | ({ type: 'deadline.extension_request'; until: string; reason: string } & Resolved)
  | ({
      type: 'deadline.extension_approve';
      comment: string | null;
      responseDueAt: string;
      dueSoonAt: string;
    } & Resolved)
  | ({ type: 'deadline.extension_deny'; comment: string } & Resolved)
  | ({ type: 'deadline.due_soon'; dueAt: string } & Resolved)
  | ({ type: 'deadline.overdue'; dueAt: string } & Resolved)
  | ({
      type: 'registration.update';
      registrationNumber: string | null;
      registeredAt: string | null;
    } & Resolved);

export interface MessageMachineInput {
  message: Message;
}

/**
 * The machine's context: the message, one level down. Actions replace `message` with an
 * updated copy (see `update`), so a persisted snapshot's `context` is `context.message`.
 */
export interface MessageMachineContext {
  message: Message;
}
