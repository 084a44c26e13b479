import { unmetCloseRequirement } from './close-reasons.js';
import type { CaseMachineEvent } from './machine/events.js';
import type { CaseRecord } from './schemas/case.js';
import { type CaseComment, FEDERAL_LABEL } from './schemas/parts.js';

/**
 * How each event changes the card, as pure functions of the card and the event. The machine
 * names them as its `assign` actions; keeping them here keeps the machine a readable chart.
 */
type Of<T extends CaseMachineEvent['type']> = Extract<CaseMachineEvent, { type: T }>;
type Update<T extends CaseMachineEvent['type']> = (
  card: CaseRecord,
  event: Of<T>,
) => Partial<CaseRecord>;

/** Narrows the machine's event to `type` for an update; any other event is a wiring bug. */
export const on =
  <T extends CaseMachineEvent['type']>(type: T, update: Update<T>) =>
  ({ context, event }: { context: CaseRecord; event: CaseMachineEvent }): Partial<CaseRecord> => {
    if (event.type !== type) throw new Error(`expected ${type}, got ${event.type}`);
    return update(context, event as Of<T>);
  };

const commentOf = (event: CaseMachineEvent): string | null =>
  event.type === 'case.comment' ? event.text : 'comment' in event ? event.comment : null;

/** Appends the event's comment, if any, to «Ход решения». */
export function withComment(card: CaseRecord, event: CaseMachineEvent): Partial<CaseRecord> {
  const text = commentOf(event);
  if (!text) return {};
  const line: CaseComment = {
    at: event.at,
    authorId: event.by.id,
    authorName: event.by.name ?? null,
    text,
    source: event.type,
  };
  return { comments: [...card.comments, line] };
}

export const assigned: Update<'case.assign'> = (_, e) => ({
  executorId: e.executorId,
  orgId: e.orgId,
  supervisorId: e.by.id,
  assignedAt: e.at,
  executionDueDate: e.executionDueDate,
  lock: null,
});

export const unassigned: Partial<CaseRecord> = {
  executorId: null,
  orgId: null,
  supervisorId: null,
  assignedAt: null,
  executionDueDate: null,
  lock: null,
};

export const attempted: Update<'case.contact_attempt'> = (card, e) => ({
  contactAttempts: [
    ...card.contactAttempts,
    { at: e.at, day: e.day, outcome: e.outcome, comment: e.comment, by: e.by.id },
  ],
});

export const federal = (card: CaseRecord): Partial<CaseRecord> => ({
  labels: [...card.labels, FEDERAL_LABEL].sort(),
});

export const resolutionSubmitted: Update<'case.resolve'> = (_, e) => ({
  resolution: {
    description: e.description,
    files: e.files,
    submittedBy: e.by.id,
    submittedAt: e.at,
    acceptedBy: null,
    acceptedAt: null,
  },
  lastReturn: null,
  postponement: null,
  lock: null,
});

export const postponed: Update<'case.postpone'> = (_, e) => ({
  postponement: { until: e.until, reason: e.reason, comment: e.comment, by: e.by.id, at: e.at },
  lock: null,
});

export const closingRequested: Update<'case.close_request'> = (_, e) => ({
  closure: {
    reason: e.reason,
    comment: e.comment,
    duplicateOf: e.duplicateOf,
    requestedBy: e.by.id,
    requestedAt: e.at,
    acceptedBy: null,
    acceptedAt: null,
  },
  lastReturn: null,
  postponement: null,
  lock: null,
});

/** A close request missing its reason's requirement goes back; the executor keeps the lock. */
export const closingReturned: Update<'case.close_request'> = (card, e) => ({
  lastReturn: {
    of: 'closing',
    unmet: unmetCloseRequirement(card, e),
    comment: null,
    by: 'system',
    at: e.at,
  },
  postponement: null,
});

export const rereviewRequested: Update<'case.rereview_request'> = (_, e) => ({
  rereview: { reason: e.reason, comment: e.comment, requestedBy: e.by.id, requestedAt: e.at },
  lock: null,
});

export const rereviewFixed: Update<'case.rereview_fix'> = (_, e) => ({
  regionCode: e.regionCode,
  municipality: e.municipality,
  categoryType: e.categoryType,
  categoryId: e.categoryId,
  subcategoryId: e.subcategoryId,
  rereview: null,
});

export const supportRequested: Update<'case.support_request'> = (_, e) => ({
  supportRequest: {
    corrections: e.corrections,
    comment: e.comment,
    requestedBy: e.by.id,
    requestedAt: e.at,
  },
  lock: null,
});

export const fieldsFixed: Update<'case.support_fix'> = (card, { changes: c }) => ({
  applicant: {
    name: c.applicant_name ?? card.applicant.name,
    phone: c.phone ?? card.applicant.phone,
    email: c.email !== undefined ? c.email : card.applicant.email,
  },
  address: c.address ?? card.address,
  municipality: c.municipality ?? card.municipality,
  sourceAddress: c.source_address ?? card.sourceAddress,
  supportRequest: null,
});

/** The curator accepts whichever result waits: the resolution, or else the close request. */
export const accepted: Update<'case.accept'> = (card, e) => {
  const stamp = { acceptedBy: e.by.id, acceptedAt: e.at };
  return card.resolution
    ? { resolution: { ...card.resolution, ...stamp } }
    : { closure: card.closure && { ...card.closure, ...stamp } };
};

export const returnedForRework: Update<'case.return'> = (card, e) => ({
  lastReturn: {
    of: card.resolution ? 'resolution' : 'closing',
    unmet: null,
    comment: e.comment,
    by: e.by.id,
    at: e.at,
  },
  resolution: null,
  closure: null,
});
