import type {
  CaseEffect,
  CaseNotificationReason,
  CaseRecipient,
  CaseStaffRole,
} from './effects.js';
import type { CaseMachineContext } from './machine/events.js';
import type { CaseRecord } from './schemas/case.js';

/** The named `effect` action with a notice as its params, computed from the context. */
export const notify = (reason: CaseNotificationReason, to: (c: CaseRecord) => CaseRecipient) => ({
  type: 'effect' as const,
  params: ({ context: { card } }: { context: CaseMachineContext }): CaseEffect => ({
    type: 'notify',
    reason,
    to: to(card),
    messageId: card.id,
  }),
});

/** Everyone holding `role` in the card's region. */
export const toStaff =
  (role: CaseStaffRole) =>
  (c: CaseRecord): CaseRecipient => ({ kind: 'staff', role, regionCode: c.regionCode });

/** The card's executor, or the region's supervisors when it has none. */
export const toExecutor = (c: CaseRecord): CaseRecipient =>
  c.executorId ? { kind: 'user', userId: c.executorId } : toStaff('supervisor')(c);
