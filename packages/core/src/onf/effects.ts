/** Why someone is told about a card. */
export type CaseNotificationReason =
  | 'case_received'
  | 'case_assigned'
  | 'case_lock_released'
  | 'case_review_requested'
  | 'case_returned'
  | 'case_close_request_returned'
  | 'case_done'
  | 'case_closed'
  | 'case_rereview_requested'
  | 'case_support_requested'
  | 'case_back_in_work'
  | 'case_postponement_due';

/** The staff roles a notice can go to, everyone with it in the card's region. */
export type CaseStaffRole = 'supervisor' | 'curator' | 'moderator' | 'support';

/** Who is told: one user, or a staff role of a region (and platform-wide holders of it). */
export type CaseRecipient =
  | { kind: 'user'; userId: string }
  | { kind: 'staff'; role: CaseStaffRole; regionCode: string };

/**
 * Something the outside world must do after a case event: data, never done by the core.
 * Shaped like the ПОС `Effect` (`messageId` is the card's id) so that one outbox serves both
 * workflows.
 */
export interface CaseEffect {
  type: 'notify';
  reason: CaseNotificationReason;
  to: CaseRecipient;
  messageId: string;
}
