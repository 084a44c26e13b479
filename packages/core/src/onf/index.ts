/**
 * The «ОНФ. Помощь» case workflow (SPEC §9, seed 003) on the same machinery as ПОС: a pure
 * XState machine, zod schemas, a permission table, and `startCase` / `applyCaseEvent` /
 * `availableCaseEvents` returning results shaped like the ПОС ones (snapshot `{ value,
 * context }`, effects, a history record). No I/O, no clock: instants, ids and facts about
 * other cards come in as inputs.
 *
 * Statuses: `new` → (supervisor assigns) `in_work` → `curator_check` → `done` | back to
 * `in_work`; `postponed`; `moderation` and `support` for corrections; `closed`. `done` and
 * `closed` are final: nothing leaves them, not even a comment.
 *
 * Decisions where the seed is silent (SPEC §9 summarises it):
 * - Roles. `supervisor` assigns; the assigned `executor` takes the card and works on it;
 *   `curator` accepts or returns results; `moderator` fixes region and category on re-review;
 *   `support` fixes other fields; cards are opened by the `system` (source systems such as
 *   Ростелеком) or an `operator`. Staff act on the cards of their region: a grant without an
 *   organisation is platform-wide, a grant in an organisation covers that organisation's
 *   region. See {@link casePermissions}.
 * - The lock. «Взять в работу» (`case.lock`) is open to the assignee in `in_work` and
 *   `postponed`; every work button (resolve, postpone, close request, re-review, support,
 *   federal level, contact attempt) needs the lock, which the state value shows as
 *   `{ in_work: 'held' }`. «Завершить работу над карточкой» (`case.release`) frees it;
 *   a supervisor may free a forgotten lock (the executor is told). Since a card that leaves
 *   the executor's hands cannot be worked on, resolve, postpone, close request, re-review,
 *   support and reassignment free the lock as well; a close request returned for a missing
 *   requirement keeps it, so the executor can fix it at once.
 * - One card per executor spans cards, so one card's snapshot cannot check it. The store
 *   passes `facts.heldCardIds` (the cards the sender holds now) to `applyCaseEvent` inside
 *   the write transaction; a non-empty list refuses with `lock_conflict` (HTTP 409). SQL
 *   stores keep a `lock_holder_id` column with a unique index where it is not null, so two
 *   concurrent locks by one executor cannot both commit.
 * - Resolve needs a description; files are optional: uploads by id (`{ fileId }`), checked
 *   by the kernel's file rule exactly like a ПОС answer's (the sender's fresh uploads or
 *   files already attached to the card, of the answer types, within the limits; see
 *   `facts.files`), or files named only. Stores attach the uploads to the card
 *   (`caseFileOwner`) in the write's transaction. The curator accepts (→ `done`) or
 *   returns with a comment (→ `in_work`, lock free). Only `case.accept` by a curator of the
 *   region reaches `done`.
 * - Close requests go to the curator too (`curator_check`; the seed calls it a request and
 *   has cards «возвращена в работу»), who accepts (→ `closed`) or returns. Before that the
 *   machine checks the reason's requirement ({@link closeReasons}): a comment for objective
 *   reasons and a motivated refusal, the duplicate's number (not the card's own), failed
 *   calls on at least three different local days for «unreachable». A request missing it is
 *   not refused: it is applied as a return — the card stays (or, from `postponed`, comes
 *   back) in `in_work` with `lastReturn.unmet` naming the requirement, a history line and a
 *   notice. So no card reaches `closed` without its requirement met.
 * - Contact attempts (`case.contact_attempt { outcome }`) are calls made at the event's
 *   instant; their day is the local date in the card's region. Every outcome but `reached`
 *   is a failed attempt.
 * - Postpone needs a date after today (in the region) and a reason; the reason list is the
 *   portal's, the core keeps its text. At 23:59 of that date a timer (`caseTimersOf`) sends
 *   `case.postponement_due` and the card returns to «В работе». A postponed card may be taken
 *   and resolved, closed or postponed again early.
 * - Re-review (`case.rereview_request`, also by a supervisor on a `new` card) → `moderation`;
 *   the moderator's `case.rereview_fix` sends it back to the executor in `in_work`, or to
 *   `new` (unassigned) when the region changed, since the region's supervisor assigns.
 * - Support (`case.support_request { corrections }`) → `support` («В техподдержке», a status
 *   SPEC §9 does not list: the seed sends the card away «и вернет обращение в работу»);
 *   `case.support_fix { changes }` writes applicant name, phone, e-mail, addresses or
 *   municipality and returns it to `in_work`.
 * - Federal level is the executor's button (seed §10): it adds the `federal_level` label
 *   once; labels filter by presence and absence.
 * - Comments («Ход решения») may be written by the assignee and the region's supervisors,
 *   curators, moderators and support in every status that is not final; comments that come
 *   with other events join the same log.
 */

export { caseIndicatorRoles, caseIndicatorScopeOf } from './analytics/case-indicator-scope.js';
export {
  type CaseIndicatorGroupBy,
  type CaseIndicatorQuery,
  type CaseIndicatorQueryInput,
  type CaseIndicatorResult,
  type CaseIndicatorRow,
  caseIndicatorGroupBySchema,
  caseIndicatorQuerySchema,
  checkCaseIndicatorQuery,
  computeCaseIndicators,
  type KeptCase,
} from './analytics/case-indicators.js';
export * from './case-files.js';
export * from './close-reasons.js';
export * from './effects.js';
export * from './email-templates.js';
export * from './errors.js';
export * from './export.js';
export * from './federal-districts.js';
export * from './field-visibility.js';
export type {
  CaseMachineContext,
  CaseMachineEvent,
  CaseMachineInput,
  CaseResolved,
} from './machine/events.js';
export type { CaseMachine } from './machine/machine.js';
export { caseMachine } from './machine/machine.js';
export * from './notifications.js';
export * from './onf-organisation.js';
export * from './permissions.js';
export * from './query.js';
export { type CaseFacts, caseTimeZone } from './resolve.js';
export * from './schemas/case.js';
export * from './schemas/events.js';
export * from './schemas/parts.js';
export * from './schemas/query.js';
export * from './schemas/shown.js';
export * from './status.js';
export * from './templates.js';
export { caseTimersOf } from './timers.js';
export * from './versions.js';
export * from './visibility.js';
export * from './workflow.js';
