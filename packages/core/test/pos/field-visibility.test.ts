import { describe, expect, it } from 'vitest';
import {
  type Message,
  type MessageStatus,
  type MessageViewer,
  messageFieldRules,
  messageStatusSchema,
  messageViewerOf,
  type ShownMessage,
  SYSTEM_PRINCIPAL,
  seesFolder,
  startMessage,
  statusOf,
  type ViewerKind,
  viewerKinds,
  viewFor,
  worksFolders,
} from '../../src/index.js';
import { reachableMessages } from '../../src/testing/index.js';
import {
  directory,
  drive,
  operatorSubmit,
  potholeSubmit,
  start,
  T0,
  toApproval,
  toCoordination,
  users,
} from '../helpers.js';

/**
 * SPEC §11, read field by field: which viewer kinds see each field. Written here from the
 * spec, not imported, so the test checks the core's table rather than repeating it.
 * `answer` is an approved answer, `answer.draft` one the head has not approved.
 */
const S = ['system', 'holding_official', 'tree_official', 'admin'] as const;
const SO = [...S, 'operator'] as const;
const NP = [...SO, 'applicant'] as const;
const ALL = [...NP, 'public'] as const;
const expected: Record<string, readonly ViewerKind[]> = {
  id: ALL,
  number: ALL,
  epguNumber: NP,
  registrationNumber: NP,
  registeredAt: NP,
  isPublic: ALL,
  channel: ALL,
  integration: ALL,
  applicant: NP,
  'applicant.contacts': ['system', 'holding_official', 'tree_official', 'operator', 'applicant'],
  problemAddress: ALL,
  location: ALL,
  regionCode: ALL,
  municipality: ALL,
  text: ALL,
  // SPEC §11: the applicant's attachments, not among what the public sees.
  attachments: NP,
  categoryId: ALL,
  subcategoryId: ALL,
  factId: ALL,
  lawType: ALL,
  fastTrack: ALL,
  receivedOrgId: ALL,
  holdingOrgId: ALL,
  arrivedBy: ALL,
  coordinatorId: S,
  executorId: S,
  executionDueAt: S,
  headId: S,
  enteredBy: SO,
  submittedBy: SO,
  answer: ALL,
  'answer.draft': S,
  'answer.officials': S,
  rejectionReason: NP,
  lastReturnComment: S,
  reReviewRound: ALL,
  delegatedByAutorule: S,
  reReviewByCurator: S,
  ratings: NP,
  'ratings.ratedBy': SO,
  previousAnswers: NP,
  ratingDueAt: NP,
  delivery: SO,
  deliveryDueAt: SO,
  deliveryOverdue: SO,
  answerEmail: SO,
  responseDueAt: ALL,
  dueSoonAt: S,
  timeZone: ALL,
  pendingExtension: S,
  extensionsGranted: ALL,
  overdue: ALL,
  createdAt: ALL,
  updatedAt: ALL,
};

const compound = new Set([
  'applicant',
  'applicant.contacts',
  'submittedBy',
  'answer',
  'answer.draft',
  'answer.officials',
  'ratings',
  'ratings.ratedBy',
  'previousAnswers',
]);
/** What a hidden plain field holds. */
const emptyOf = (value: unknown) =>
  typeof value === 'boolean' ? false : Array.isArray(value) ? [] : null;

/**
 * The reachable messages, breadth first, and one the search meets only deep down: a draft
 * returned for rework and then carried up to the parent organisation by a return to
 * coordination — the draft travels with the message.
 */
const draftCarriedUp = drive(start(), [
  ...toApproval,
  { type: 'answer.return', by: users.headRoads, comment: 'Нет фото' },
  { type: 'coordination.return', by: users.executorRoads, comment: 'Не наш участок' },
]);
/** Routed by an autorule (the system assigns the executor), with an execution deadline. */
const delegated = drive(start(), [
  ...toCoordination,
  {
    type: 'executor.assign',
    by: SYSTEM_PRINCIPAL,
    executorId: users.executorRoads.id,
    executionDueAt: '2025-01-20T11:59:00.000Z',
    autoruleId: 'rule-potholes',
  },
]);
/** A public message with the applicant's photo attached. */
const withPhoto = (() => {
  const photo = {
    id: 'f-photo',
    name: 'яма.jpg',
    size: 2048,
    contentType: 'image/jpeg',
    sha256: 'a'.repeat(64),
    uploadedBy: users.applicant.id,
    uploadedAt: T0,
    attachedTo: null,
  };
  const submit = potholeSubmit({
    messageId: 'm-photo',
    isPublic: true,
    attachments: [{ fileId: photo.id }],
  });
  const result = startMessage(submit, directory, { known: [photo] });
  if (!result.ok) throw new Error(result.error.message);
  return result.snapshot;
})();
const reached = [
  ...reachableMessages(
    directory,
    [
      potholeSubmit({
        epguNumber: '41-ЕПГУ-1',
        isPublic: true,
        municipality: 'ПКГО',
        location: { lat: 53.0245, lon: 158.6433 },
      }),
      operatorSubmit({
        applicant: { name: 'Сидоров С. С.', phone: '+7 900 000-00-00', email: 's@example.ru' },
      }),
      potholeSubmit({
        by: SYSTEM_PRINCIPAL,
        messageId: 'm-int',
        channel: 'integration',
        integration: 'Дневник ЕПГУ',
        orgId: 'kam-gov',
      }),
    ],
    { limit: 600 },
  ),
  { snapshot: draftCarriedUp, records: [] },
  { snapshot: delegated, records: [] },
  { snapshot: withPhoto, records: [] },
];

/** One fixed viewer of each kind: the kind alone, with the id a person of it would have. */
function viewerOfKind(kind: ViewerKind, m: Message): MessageViewer {
  const userId =
    kind === 'applicant'
      ? m.applicant.userId
      : kind === 'operator'
        ? users.operator.id
        : kind === 'public'
          ? null
          : 'someone-else';
  return { kinds: [kind], userId };
}

const sees = (kind: ViewerKind, field: string) => expected[field]?.includes(kind) ?? false;
const own = (v: MessageViewer, id: string | null) => (id !== null && id === v.userId ? id : null);

/** Asserts every field of `view` is present exactly where {@link expected} says. */
function checkView(kind: ViewerKind, viewer: MessageViewer, m: Message, view: ShownMessage) {
  for (const field of Object.keys(expected)) {
    if (compound.has(field) || field.includes('.')) continue;
    const key = field as keyof Message;
    const want = sees(kind, field) ? m[key] : emptyOf(m[key]);
    expect(view[key], `${kind} × ${field}`).toEqual(want);
  }
  if (!sees(kind, 'applicant')) expect(view.applicant, `${kind} × applicant`).toBeNull();
  else if (sees(kind, 'applicant.contacts')) expect(view.applicant).toEqual(m.applicant);
  else
    expect(view.applicant, `${kind} × applicant.contacts`).toEqual({
      ...m.applicant,
      email: null,
      phone: null,
      residenceAddress: null,
    });
  expect(view.submittedBy, `${kind} × submittedBy`).toBe(
    sees(kind, 'submittedBy') ? m.submittedBy : own(viewer, m.submittedBy),
  );
  const answerShown = (a: Message['answer']) => {
    if (a === null) return null;
    const field = a.approvedAt === null ? 'answer.draft' : 'answer';
    if (!sees(kind, field)) return null;
    return sees(kind, 'answer.officials')
      ? a
      : { ...a, preparedBy: own(viewer, a.preparedBy), approvedBy: null };
  };
  expect(view.answer, `${kind} × answer`).toEqual(answerShown(m.answer));
  expect(view.previousAnswers, `${kind} × previousAnswers`).toEqual(
    sees(kind, 'previousAnswers')
      ? m.previousAnswers.map(answerShown).filter((a) => a !== null)
      : [],
  );
  expect(view.ratings, `${kind} × ratings`).toEqual(
    sees(kind, 'ratings')
      ? m.ratings.map((r) =>
          sees(kind, 'ratings.ratedBy') ? r : { ...r, ratedBy: own(viewer, r.ratedBy) },
        )
      : [],
  );
}

describe('field visibility: viewer × field × status, over the reachable messages', () => {
  it('reaches every status, drafts, returns, pending extensions, deliveries and ratings', () => {
    const statuses = new Set(reached.map((r) => statusOf(r.snapshot)));
    expect([...statuses].sort()).toEqual([...messageStatusSchema.options].sort());
    const has = (p: (m: Message) => boolean) => reached.some((r) => p(r.snapshot.context));
    expect(has((m) => m.answer !== null && m.answer.approvedAt === null)).toBe(true);
    expect(has((m) => m.lastReturnComment !== null && m.answer !== null)).toBe(true);
    expect(has((m) => m.pendingExtension !== null)).toBe(true);
    expect(has((m) => m.delivery !== null)).toBe(true);
    expect(has((m) => m.ratings.length > 0 && m.previousAnswers.length > 0)).toBe(true);
    expect(has((m) => m.answer?.approvedAt === null && m.arrivedBy === 'returned')).toBe(true);
  });

  it('meets every field with a value, so no check of a field is vacuous', () => {
    const empty = (v: unknown) => v === null || v === false || (Array.isArray(v) && !v.length);
    const never = Object.keys(expected).filter(
      (field) =>
        !field.includes('.') &&
        !reached.some((r) => !empty(r.snapshot.context[field as keyof Message])),
    );
    expect(never).toEqual([]);
  });

  it('the core table is the table of SPEC §11', () => {
    expect(Object.keys(messageFieldRules).sort()).toEqual(Object.keys(expected).sort());
    for (const [field, kinds] of Object.entries(expected)) {
      expect(
        [...(messageFieldRules as Record<string, readonly string[]>)[field]!].sort(),
        field,
      ).toEqual([...kinds].sort());
    }
  });

  it('shows each field to each viewer exactly where the rule says, in every status', () => {
    const cells = new Map<MessageStatus, number>();
    for (const { snapshot } of reached) {
      const m = snapshot.context;
      const before = JSON.stringify(m);
      for (const kind of viewerKinds) {
        const viewer = viewerOfKind(kind, m);
        checkView(kind, viewer, m, viewFor(viewer, m));
      }
      expect(JSON.stringify(m)).toBe(before);
      const status = statusOf(snapshot);
      cells.set(status, (cells.get(status) ?? 0) + 1);
    }
    expect(cells.size).toBe(messageStatusSchema.options.length);
  }, 120_000); // every viewer × field over every reachable message: seconds alone, more on a busy machine

  it('a user with several kinds sees what any of them sees', () => {
    for (const { snapshot } of reached) {
      const m = snapshot.context;
      const both = viewFor({ kinds: ['admin', 'operator'], userId: users.operator.id }, m);
      // The operator's kind brings the contact details the admin's lacks.
      expect(both.applicant).toEqual(m.applicant);
      expect(both.coordinatorId).toBe(m.coordinatorId);
    }
  });
});

describe('messageViewerOf', () => {
  const sample = reached.map((r) => r.snapshot.context);

  it('classifies the demo users by how they stand to the message', () => {
    const message = sample.find(
      (m) => m.holdingOrgId === 'kam-roads' && m.channel !== 'operator' && m.executorId !== null,
    );
    if (!message) throw new Error('no message held by kam-roads with an executor');
    const kinds = (p: Parameters<typeof messageViewerOf>[0]) =>
      messageViewerOf(p, message, directory).kinds;
    expect(kinds(users.coordinatorRoads)).toEqual(['holding_official']);
    expect(kinds(users.headRoads)).toEqual(['holding_official']);
    expect(kinds(users.coordinatorGov)).toEqual(['tree_official']);
    expect(kinds(users.curatorGov)).toEqual(['tree_official']);
    expect(kinds(users.adminRoads)).toEqual(['admin']);
    expect(kinds(users.applicant)).toEqual(['applicant']);
    // Anyone else is the public on a public message, and nobody to it otherwise.
    const outsider = message.isPublic ? ['public'] : [];
    expect(kinds(users.applicant2)).toEqual(outsider);
    expect(kinds(users.coordinatorUly)).toEqual(outsider);
    expect(kinds(users.operator)).toEqual(outsider);
    expect(kinds(null)).toEqual(outsider);
    // Nobody to the message (e.g. who just sent it on): every hideable field hidden.
    const none = viewFor({ kinds: [], userId: null }, message);
    expect(none).toMatchObject({ applicant: null, executorId: null, ratings: [], answer: null });
    expect(none.text).toBe(message.text);
  });

  it('shows the backoffice folder to officials and administrators only', () => {
    const seeing = viewerKinds.filter((kind) => seesFolder({ kinds: [kind], userId: null }));
    expect(seeing).toEqual(['system', 'holding_official', 'tree_official', 'admin']);
    expect(seesFolder({ kinds: ['applicant', 'holding_official'], userId: null })).toBe(true);
    expect(worksFolders(users.applicant)).toBe(false);
    expect(worksFolders(users.operator)).toBe(false);
    expect(worksFolders(users.executorRoads)).toBe(true);
    expect(worksFolders(users.adminRoads)).toBe(true);
  });

  it('gives the operator their kind on operator-entered messages only', () => {
    const phoned = sample.find((m) => m.channel === 'operator');
    if (!phoned) throw new Error('no operator message');
    expect(messageViewerOf(users.operator, phoned, directory).kinds).toEqual(['operator']);
  });
});
