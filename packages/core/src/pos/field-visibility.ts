import type { Principal } from '../kernel/schemas/principal.js';
import { copyMessage } from './schemas/copy.js';
import type { Answer, Message, Rating } from './schemas/message.js';
import type { ShownAnswer, ShownMessage, ShownRating } from './schemas/shown.js';
import { type MessageViewer, type ViewerKind, viewerKinds } from './viewer.js';

/**
 * The parts of a message the field rules speak of: its own fields, and four parts of them
 * that some viewers see without the rest —
 * `applicant.contacts` (e-mail, phone, residence address), `answer.draft` (an answer the
 * head has not approved), `answer.officials` (who prepared and approved an answer, in the
 * current and the previous answers) and `ratings.ratedBy` (who sent a rating).
 * `answer` and `previousAnswers` mean approved answers.
 */
export type MessageField =
  | keyof Message
  | 'applicant.contacts'
  | 'answer.draft'
  | 'answer.officials'
  | 'ratings.ratedBy';

const all = viewerKinds;
const staff = ['system', 'holding_official', 'tree_official', 'admin'] as const;
const staffAndOperator = [...staff, 'operator'] as const;
const notPublic = all.filter((k) => k !== 'public');
/** The applicant's contact details: who works on the message, the 122 operator, and they. */
const contacts = ['system', 'holding_official', 'tree_official', 'operator', 'applicant'] as const;

/**
 * Who sees which field of a message (SPEC §11), as data. The organisations' staff see the
 * whole message; an administrator all of it but the applicant's contact details; the
 * applicant their message's public course; the 122 operator what the applicant sees, plus
 * the contact details and the delivery record; the public (a message «в открытом доступе»)
 * never the applicant. Besides the table, a viewer always sees their own user id.
 */
export const messageFieldRules: Readonly<Record<MessageField, readonly ViewerKind[]>> = {
  id: all,
  number: all,
  epguNumber: notPublic,
  registrationNumber: notPublic,
  registeredAt: notPublic,
  isPublic: all,
  channel: all,
  integration: all,
  applicant: notPublic,
  'applicant.contacts': contacts,
  problemAddress: all,
  location: all,
  regionCode: all,
  municipality: all,
  text: all,
  attachments: notPublic,
  categoryId: all,
  subcategoryId: all,
  factId: all,
  lawType: all,
  fastTrack: all,
  receivedOrgId: all,
  holdingOrgId: all,
  arrivedBy: all,
  coordinatorId: staff,
  executorId: staff,
  executionDueAt: staff,
  headId: staff,
  enteredBy: staffAndOperator,
  submittedBy: staffAndOperator,
  answer: all,
  'answer.draft': staff,
  'answer.officials': staff,
  rejectionReason: notPublic,
  lastReturnComment: staff,
  reReviewRound: all,
  delegatedByAutorule: staff,
  reReviewByCurator: staff,
  ratings: notPublic,
  'ratings.ratedBy': staffAndOperator,
  previousAnswers: notPublic,
  ratingDueAt: notPublic,
  delivery: staffAndOperator,
  deliveryDueAt: staffAndOperator,
  deliveryOverdue: staffAndOperator,
  answerEmail: staffAndOperator,
  responseDueAt: all,
  dueSoonAt: staff,
  timeZone: all,
  pendingExtension: staff,
  extensionsGranted: all,
  overdue: all,
  createdAt: all,
  updatedAt: all,
};

/**
 * Does the viewer see this field? True when any of their kinds does.
 *
 * @example
 * seesField(messageViewerOf(applicant, message, directory), 'lastReturnComment'); // false
 */
export function seesField(viewer: MessageViewer, field: MessageField): boolean {
  const rule = messageFieldRules[field];
  return viewer.kinds.some((k) => rule.includes(k));
}

/**
 * Who sees the backoffice folder a message lies in (SPEC §7), such as «Возвращены на
 * координацию»: the folders are the organisations' work queues and tell of the message's
 * internal course, so the applicant, the 122 operator and the public see its status alone.
 */
export const folderViewers: readonly ViewerKind[] = staff;

/**
 * Does the viewer see the message's backoffice folder? See {@link folderViewers}.
 *
 * @example
 * seesFolder(messageViewerOf(applicant, message, directory)); // false
 */
export function seesFolder(viewer: MessageViewer): boolean {
  return viewer.kinds.some((k) => folderViewers.includes(k));
}

/**
 * Does the principal work the backoffice folders at all — may they filter and count by
 * folder? Everyone with a role of an organisation or the platform; not somebody who is
 * only an applicant or a 122 operator, whose lists would otherwise tell them which of
 * their messages went back to coordination.
 *
 * @example
 * worksFolders(applicant); // false
 */
export function worksFolders(principal: Principal): boolean {
  return principal.roles.some((g) => g.role !== 'applicant' && g.role !== 'operator');
}

/** What a hidden plain field holds: the value of a message where it never happened. */
const hiddenValues = {
  epguNumber: null,
  registrationNumber: null,
  registeredAt: null,
  coordinatorId: null,
  executorId: null,
  executionDueAt: null,
  headId: null,
  enteredBy: null,
  rejectionReason: null,
  lastReturnComment: null,
  delegatedByAutorule: null,
  reReviewByCurator: false,
  ratingDueAt: null,
  delivery: null,
  deliveryDueAt: null,
  deliveryOverdue: false,
  answerEmail: null,
  dueSoonAt: null,
  pendingExtension: null,
} as const satisfies Partial<{ [K in keyof Message]: Message[K] }>;
const plainFields = Object.keys(hiddenValues) as (keyof typeof hiddenValues)[];

/** Does the viewer see every field? Then the message itself is their view. */
const seesAll = (viewer: MessageViewer) =>
  viewer.kinds.some((k) => k === 'system' || k === 'holding_official' || k === 'tree_official');

const isApproved = (a: Answer) => a.approvedAt !== null;

function answerFor(viewer: MessageViewer, answer: Answer | null): ShownAnswer | null {
  if (answer === null) return null;
  if (!isApproved(answer) ? !seesField(viewer, 'answer.draft') : !seesField(viewer, 'answer')) {
    return null;
  }
  if (seesField(viewer, 'answer.officials')) return answer;
  return { ...answer, preparedBy: ownOrNull(viewer, answer.preparedBy), approvedBy: null };
}

const ownOrNull = (viewer: MessageViewer, id: string | null) =>
  id !== null && id === viewer.userId ? id : null;

function ratingFor(viewer: MessageViewer, rating: Rating): ShownRating {
  return seesField(viewer, 'ratings.ratedBy')
    ? rating
    : { ...rating, ratedBy: ownOrNull(viewer, rating.ratedBy) };
}

/**
 * The message as this viewer may read it — the one function every view, export and page
 * goes through (SPEC §11). Hidden fields hold their empty value (`null`, `[]`, `false`):
 * the result has the shape of a message, so a portal renders it with the same code. A
 * draft answer is hidden with its files, also one that travelled up with a return to
 * coordination; a previous answer that was never approved would be dropped too, for
 * whoever may not see drafts. Pure: the message is not modified; a viewer who sees
 * everything gets it as is.
 *
 * Whether to show the message at all is {@link isVisible}'s question. A viewer with no kind
 * (an official who just sent the message on, out of their reach) gets the narrowest view:
 * every field some viewer may not see is hidden.
 *
 * @example
 * const viewer = messageViewerOf(user, stored.snapshot.context, directory);
 * const shown = viewFor(viewer, stored.snapshot.context);
 * shown.lastReturnComment; // null for the applicant
 */
export function viewFor(viewer: MessageViewer, message: Message): ShownMessage {
  if (seesAll(viewer)) return message;
  const view: ShownMessage = copyMessage(message);
  const writable = view as unknown as Record<string, unknown>;
  for (const field of plainFields) {
    if (!seesField(viewer, field)) writable[field] = hiddenValues[field];
  }
  if (!seesField(viewer, 'applicant')) view.applicant = null;
  else if (!seesField(viewer, 'applicant.contacts')) {
    view.applicant = { ...message.applicant, email: null, phone: null, residenceAddress: null };
  }
  if (!seesField(viewer, 'submittedBy')) {
    view.submittedBy = ownOrNull(viewer, message.submittedBy);
  }
  if (!seesField(viewer, 'attachments')) view.attachments = [];
  view.answer = answerFor(viewer, message.answer);
  view.previousAnswers = seesField(viewer, 'previousAnswers')
    ? message.previousAnswers.flatMap((a) => {
        const shown = answerFor(viewer, a);
        return shown === null ? [] : [shown];
      })
    : [];
  view.ratings = seesField(viewer, 'ratings')
    ? message.ratings.map((r) => ratingFor(viewer, r))
    : [];
  return view;
}
