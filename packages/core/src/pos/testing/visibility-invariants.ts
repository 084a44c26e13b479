import type { Directory } from '../../kernel/notifications/directory.js';
import { viewFor } from '../field-visibility.js';
import { historyLineFor } from '../history-visibility.js';
import type { ShownMessage } from '../schemas/shown.js';
import type { MessageViewer } from '../viewer.js';
import type { HistoryRecord, MessageSnapshot } from '../workflow.js';
import { InvariantViolation } from './invariants.js';

const fail = (message: string): never => {
  throw new InvariantViolation(message);
};

/** Every string anywhere inside a value. */
function stringsOf(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') out.add(value);
  else if (Array.isArray(value)) for (const item of value) stringsOf(item, out);
  else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) stringsOf(item, out);
  }
  return out;
}

/** The history steps that concern the applicant (SPEC §11), and the two that close or resume. */
const applicantSteps = new Set([
  'submit',
  'moderation.accept',
  'moderation.reject',
  'answer.approve',
  'rating.submit',
  'rating.window_closed',
  'delivery.confirm',
  'deadline.extension_approve',
  'postponement.due',
]);

/**
 * The view without what the 122 desk records of its own work — who entered the message,
 * rated it on the applicant's behalf and confirmed the delivery — which its operators see.
 */
const withoutDesk = (view: ShownMessage) => ({
  ...view,
  enteredBy: null,
  submittedBy: null,
  ratings: view.ratings.map((r) => ({ ...r, ratedBy: null })),
  delivery: view.delivery && { ...view.delivery, confirmedBy: null },
});

function checkHidden(who: string, view: ShownMessage): void {
  const must = (ok: boolean, what: string) => {
    if (!ok) fail(`${who} sees ${what}`);
  };
  must(view.answer === null || view.answer.approvedAt !== null, 'a draft answer');
  must(
    view.previousAnswers.every((a) => a.approvedAt !== null),
    'a draft among the previous answers',
  );
  must(view.lastReturnComment === null, 'the return comment');
  must(view.pendingExtension === null, 'a pending extension');
  must(view.executionDueAt === null, "the executor's deadline");
  must(view.delegatedByAutorule === null, 'an autorule mark');
  must(
    view.coordinatorId === null && view.executorId === null && view.headId === null,
    'who coordinates, executes or approves',
  );
  must(
    [view.answer, ...view.previousAnswers].every((a) => a === null || a.approvedBy === null),
    'who approved an answer',
  );
}

/**
 * Checks the field rules of SPEC §11 on one message and its history, for every viewer who
 * does not see everything: the applicant, an operator (on operator-entered messages), an
 * administrator and the public. Throws {@link InvariantViolation} on the first leak:
 *
 * - the applicant, operator and public never see a draft answer (nor its files), a return
 *   comment, a pending extension, the execution deadline, an autorule mark, who coordinates,
 *   executes or approves;
 * - no string of their view is the id or the name of an official (a user with a role other
 *   than applicant), besides their own id and, for the operator, who at the 122 desk
 *   entered, rated on the applicant's behalf and confirmed the delivery;
 * - the applicant's history has only the steps that concern them, each naming the applicant
 *   or an organisation, never an official;
 * - the public never sees the applicant or their ratings; an administrator never the
 *   applicant's contact details;
 * - a view never changes the message it was made from.
 *
 * @example
 * for (const { snapshot, records } of reachableMessages(myDirectory, submits)) {
 *   checkFieldVisibility(snapshot, records, myDirectory);
 * }
 */
export function checkFieldVisibility(
  snapshot: MessageSnapshot,
  records: readonly HistoryRecord[],
  directory: Directory,
): void {
  const m = snapshot.context;
  const before = JSON.stringify(m);
  const officials = directory.users.filter((u) => u.roles.some((r) => r.role !== 'applicant'));
  const operator = directory.users.find((u) => u.roles.some((r) => r.role === 'operator'));
  const viewers: [string, MessageViewer][] = [
    ['the applicant', { kinds: ['applicant'], userId: m.applicant.userId }],
    ['the public', { kinds: ['public'], userId: null }],
  ];
  if (m.channel === 'operator') {
    viewers.push(['an operator', { kinds: ['operator'], userId: operator?.id ?? null }]);
  }
  for (const [who, viewer] of viewers) {
    const view = viewFor(viewer, m);
    checkHidden(who, view);
    const strings = stringsOf(viewer.kinds.includes('operator') ? withoutDesk(view) : view);
    for (const official of officials) {
      if (official.id === viewer.userId) continue;
      if (strings.has(official.id)) fail(`${who} sees the id of ${official.id}`);
      if (official.name !== undefined && strings.has(official.name)) {
        fail(`${who} sees the name of ${official.id}`);
      }
    }
    if (viewer.kinds.includes('public') && (view.applicant !== null || view.ratings.length > 0)) {
      fail('the public sees the applicant');
    }
  }
  const admin = viewFor({ kinds: ['admin'], userId: null }, m);
  if (admin.applicant?.email || admin.applicant?.phone || admin.applicant?.residenceAddress) {
    fail("an administrator sees the applicant's contact details");
  }
  const applicant: MessageViewer = { kinds: ['applicant'], userId: m.applicant.userId };
  const orgIds = new Set(directory.organisations.map((o) => o.id));
  for (const record of records) {
    const line = historyLineFor(applicant, record, directory);
    if (line === null) continue;
    if (!applicantSteps.has(line.type)) fail(`the applicant sees the step ${line.type}`);
    if (line.by.id !== m.applicant.userId && !orgIds.has(line.by.id)) {
      fail(`the applicant's history names ${line.by.id} for ${line.type}`);
    }
    if (line.by.id === m.applicant.userId) continue;
    const strings = stringsOf(line);
    for (const official of officials) {
      if (strings.has(official.id) || (official.name && strings.has(official.name))) {
        fail(`the applicant's history line ${line.type} names ${official.id}`);
      }
    }
  }
  if (JSON.stringify(m) !== before) fail('a view changed the message');
}
