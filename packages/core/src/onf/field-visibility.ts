import type { Directory } from '../kernel/notifications/directory.js';
import type { Principal } from '../kernel/schemas/principal.js';
import { holdsInRegion } from './permissions.js';
import type { CaseRecord } from './schemas/case.js';
import type { ShownCase } from './schemas/shown.js';
import type { CaseHistoryRecord } from './workflow.js';

/**
 * The ways a person can stand to an ОНФ card. The card's applicant has no account in ОНФ,
 * so is never a viewer. `assignee` is the card's executor; `executor` an executor of the
 * card's region who is not; the others hold that role in the card's region (or platform-wide).
 */
export const caseViewerKinds = [
  'system',
  'assignee',
  'supervisor',
  'curator',
  'support',
  'moderator',
  'executor',
  'operator',
] as const;
export type CaseViewerKind = (typeof caseViewerKinds)[number];

/**
 * The parts of a card the rules speak of: `applicant.contacts` is the applicant's phone and
 * e-mail (the name is `applicant`); `assignment` is who works on the card and until when
 * (`executorId`, `orgId`, `supervisorId`, `assignedAt`, `executionDueDate`, `lock`); the
 * rest are fields of {@link CaseRecord}. The intake (number, text, addresses, topic, labels,
 * source, dates) is seen by everyone who sees the card.
 */
export type CaseField =
  | 'applicant'
  | 'applicant.contacts'
  | 'assignment'
  | 'contactAttempts'
  | 'comments'
  | 'resolution'
  | 'closure'
  | 'postponement'
  | 'lastReturn'
  | 'rereview'
  | 'supportRequest';

const workers = ['system', 'assignee', 'supervisor', 'curator'] as const;

/**
 * Who sees which part of a card. Decisions (SPEC §9 and §11):
 * - those who work the card and answer for it — its executor, the region's supervisors and
 *   curators — and the system see all of it;
 * - support corrects the applicant's name, phone, e-mail and the addresses on request, and
 *   writes in «Ход решения»: it sees those, the assignment and its own requests, not the
 *   executor's calls or results;
 * - moderators fix region and category on re-review and write in «Ход решения»: no
 *   contact details, no calls or results;
 * - other executors of the region see the intake and who holds the card, not the contact
 *   details nor anything of the work;
 * - operators (who opened the card from a call) see the intake with the contact details
 *   they took, and nothing of the work.
 */
export const caseFieldRules: Readonly<Record<CaseField, readonly CaseViewerKind[]>> = {
  applicant: caseViewerKinds,
  'applicant.contacts': [...workers, 'support', 'operator'],
  assignment: [...workers, 'support', 'moderator', 'executor'],
  contactAttempts: workers,
  comments: [...workers, 'support', 'moderator'],
  resolution: workers,
  closure: workers,
  postponement: workers,
  lastReturn: workers,
  rereview: [...workers, 'moderator'],
  supportRequest: [...workers, 'support'],
};

/** Who looks at one card: every way they stand to it. */
export interface CaseViewer {
  kinds: readonly CaseViewerKind[];
}

/**
 * How a principal stands to a card. No kinds: they may not see it (compare
 * {@link isCaseVisible}, which it agrees with).
 *
 * @example
 * const shown = caseViewFor(caseViewerOf(user, card, directory), card);
 */
export function caseViewerOf(
  principal: Principal,
  card: Pick<CaseRecord, 'regionCode' | 'executorId'>,
  directory: Directory,
): CaseViewer {
  const kinds = new Set<CaseViewerKind>();
  if (principal.roles.some((g) => g.role === 'system')) kinds.add('system');
  if (card.executorId !== null && card.executorId === principal.id) kinds.add('assignee');
  for (const kind of ['supervisor', 'curator', 'support', 'moderator', 'operator'] as const) {
    if (holdsInRegion(principal, kind, card.regionCode, directory)) kinds.add(kind);
  }
  if (!kinds.has('assignee') && holdsInRegion(principal, 'executor', card.regionCode, directory)) {
    kinds.add('executor');
  }
  return { kinds: caseViewerKinds.filter((k) => kinds.has(k)) };
}

/** Does the viewer see this part of a card? */
export function seesCaseField(viewer: CaseViewer, field: CaseField): boolean {
  const rule = caseFieldRules[field];
  return viewer.kinds.some((k) => rule.includes(k));
}

/**
 * The card as this viewer may read it — what the HTTP views, the export and pages show.
 * Hidden parts hold their empty value (`null`, `[]`); the applicant's phone becomes `null`.
 * A viewer who sees every part gets the card as is.
 *
 * Whether to show the card at all is {@link isCaseVisible}'s question; a viewer with no
 * kind gets the narrowest view, the intake alone.
 * @example
 * caseViewFor({ kinds: ['moderator'] }, card).applicant.phone; // null
 */
export function caseViewFor(viewer: CaseViewer, card: CaseRecord): ShownCase {
  const sees = (field: CaseField) => seesCaseField(viewer, field);
  if ((Object.keys(caseFieldRules) as CaseField[]).every(sees)) return card;
  const contacts = sees('applicant.contacts');
  const assignment = sees('assignment');
  return {
    ...card,
    applicant: contacts ? card.applicant : { name: card.applicant.name, phone: null, email: null },
    executorId: assignment ? card.executorId : null,
    orgId: assignment ? card.orgId : null,
    supervisorId: assignment ? card.supervisorId : null,
    assignedAt: assignment ? card.assignedAt : null,
    executionDueDate: assignment ? card.executionDueDate : null,
    lock: assignment ? card.lock : null,
    contactAttempts: sees('contactAttempts') ? card.contactAttempts : [],
    comments: sees('comments') ? card.comments : [],
    resolution: sees('resolution') ? card.resolution : null,
    closure: sees('closure') ? card.closure : null,
    postponement: sees('postponement') ? card.postponement : null,
    lastReturn: sees('lastReturn') ? card.lastReturn : null,
    rereview: sees('rereview') ? card.rereview : null,
    supportRequest: sees('supportRequest') ? card.supportRequest : null,
  };
}

/** The part of the card each event's payload speaks of; `null`: the intake, seen by all. */
const eventParts: Readonly<Record<CaseHistoryRecord['type'], CaseField | null>> = {
  'case.create': 'applicant.contacts',
  'case.assign': 'assignment',
  'case.lock': 'assignment',
  'case.release': 'assignment',
  'case.comment': 'comments',
  'case.contact_attempt': 'contactAttempts',
  'case.federal_level': null,
  'case.resolve': 'resolution',
  'case.postpone': 'postponement',
  'case.close_request': 'closure',
  'case.rereview_request': 'rereview',
  'case.rereview_fix': 'rereview',
  'case.support_request': 'supportRequest',
  'case.support_fix': 'supportRequest',
  'case.accept': 'resolution',
  'case.return': 'lastReturn',
  'case.postponement_due': 'postponement',
};

/**
 * A line of a card's history as this viewer may read it: every step stays (the status
 * moves are no secret to those who see the card), but what the event said is emptied
 * when it speaks of a part the viewer does not see (`case.create` carries the contact
 * details, `case.resolve` the result, …).
 *
 * @example
 * const lines = records.map((r) => caseHistoryLineFor(viewer, r));
 */
export function caseHistoryLineFor<R extends CaseHistoryRecord>(viewer: CaseViewer, record: R): R {
  const part = eventParts[record.type];
  return part === null || seesCaseField(viewer, part) ? record : { ...record, payload: {} };
}
