/** Why someone is told about a message. */
export type NotificationReason =
  | 'message_received'
  | 'message_rejected'
  | 'executor_assigned'
  | 'approval_requested'
  | 'answer_returned'
  | 'answer_sent'
  | 'answer_ready'
  | 'deadline_due_soon'
  | 'deadline_overdue'
  | 'deadline_extended'
  | 'extension_requested'
  | 'extension_denied'
  | 're_review'
  | 'rating_received'
  | 'delivery_overdue'
  | 'postponement_due';

/** Who is told. */
export type Recipient =
  | { kind: 'applicant' }
  | { kind: 'organisation'; orgId: string }
  | { kind: 'user'; userId: string }
  | { kind: 'operators' };

/**
 * Something the outside world must do after an event: data, never done by the core.
 * Adapters turn effects into outbox entries (e-mails, pushes) inside the same transaction
 * that stores the new snapshot.
 */
export type Effect =
  | {
      type: 'notify';
      reason: NotificationReason;
      to: Recipient;
      messageId: string;
    }
  | {
      /**
       * Send the approved answer to the applicant's e-mail, then report the outcome with a
       * `delivery.email_result` event.
       */
      type: 'email.answer';
      to: string;
      messageId: string;
    };
