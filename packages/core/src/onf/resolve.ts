import { localDateIn } from '../kernel/deadlines/instant.js';
import { findRegion } from '../kernel/deadlines/regions.js';
import { invalidField } from '../kernel/errors.js';
import type { FileContext } from '../kernel/files/check-file-references.js';
import { resolveFileInputs } from '../kernel/files/resolve-file-inputs.js';
import type { Directory } from '../kernel/notifications/directory.js';
import { caseFileOwner } from './case-files.js';
import type { CaseWorkflowError } from './errors.js';
import type { CaseMachineEvent } from './machine/events.js';
import type { CaseRecord } from './schemas/case.js';
import type { CaseCreateEvent, CaseEvent } from './schemas/events.js';
import { checkTopic, createdRecord } from './topic.js';

type Resolution<T> = { ok: true; value: T } | { ok: false; error: CaseWorkflowError };
const ok = <T>(value: T): Resolution<T> => ({ ok: true, value });
const fail = (error: CaseWorkflowError): Resolution<never> => ({ ok: false, error });
const invalid = (path: (string | number)[], message: string) =>
  fail(invalidField(path, message) as CaseWorkflowError);
const orNull = (text: string | undefined): string | null => (text ? text : null);

/**
 * Facts only the store knows, supplied inside the same transaction: `heldCardIds` are the
 * ids of the cards whose lock the sender holds now (needed for `case.lock`; SQL stores back
 * it with a unique index on the lock holder); `files` are the uploads a `case.resolve`
 * names, as looked up in the file store, with the file rules (`WriteOptions.files`).
 */
export interface CaseFacts {
  heldCardIds?: readonly string[];
  files?: FileContext;
}

/** The card's region's time zone: the day a call was made, «today» for dates. */
export const caseTimeZone = (card: Pick<CaseRecord, 'regionCode'>): string =>
  findRegion(card.regionCode)?.timeZone ?? 'Europe/Moscow';

/** Checks a `case.create` event against the directory and builds the new card. */
export function resolveCaseCreation(
  event: CaseCreateEvent,
  directory: Directory,
): Resolution<CaseRecord> {
  if (!findRegion(event.regionCode)) {
    return invalid(['regionCode'], `Неизвестный регион ${event.regionCode}`);
  }
  const topic = checkTopic(directory, event.categoryId, event.subcategoryId);
  if (topic) return invalid([topic.field], topic.message);
  return ok(createdRecord(event));
}

/** The executor's organisation for an assignment: an executor grant in the card's region. */
function executorOrg(
  event: Extract<CaseEvent, { type: 'case.assign' }>,
  card: CaseRecord,
  directory: Directory,
): string | undefined {
  const orgs = (directory.user(event.executorId)?.roles ?? [])
    .filter((g) => g.role === 'executor' && g.orgId !== undefined)
    .map((g) => g.orgId as string)
    .filter((id) => directory.organisation(id)?.regionCode === card.regionCode);
  return event.orgId === undefined ? orgs[0] : orgs.find((id) => id === event.orgId);
}

/**
 * Turns a validated, permitted event into the machine's event: checks the people, places
 * and dates it names, and adds what the machine needs (the local day of a call).
 */
export function resolveCaseEvent(
  event: CaseEvent,
  card: CaseRecord,
  directory: Directory,
  facts: CaseFacts | undefined,
): Resolution<CaseMachineEvent> {
  const { at, by } = event;
  // The card's region's date of the event, for the events that need it.
  const today = () => localDateIn(at, caseTimeZone(card));
  switch (event.type) {
    case 'case.assign': {
      const orgId = executorOrg(event, card, directory);
      if (orgId === undefined) {
        return invalid(
          [event.orgId === undefined ? 'executorId' : 'orgId'],
          'Не исполнитель организации из региона карточки',
        );
      }
      if (event.executorId === card.executorId && orgId === card.orgId) {
        return invalid(['executorId'], 'Карточка уже у этого исполнителя');
      }
      const due = event.executionDueDate ?? null;
      if (due !== null && due < today()) {
        return invalid(['executionDueDate'], 'Дата уже прошла');
      }
      return ok({
        type: event.type,
        at,
        by,
        executorId: event.executorId,
        orgId,
        executionDueDate: due,
      });
    }
    case 'case.lock': {
      if (!facts?.heldCardIds) {
        throw new TypeError('case.lock needs facts.heldCardIds: the store supplies them');
      }
      const heldCardIds = facts.heldCardIds.filter((id) => id !== card.id);
      if (heldCardIds.length > 0) {
        return fail({
          kind: 'lock_conflict',
          message: `одновременно можно работать только с одной карточкой: сначала закончите работу с ${heldCardIds.join(', ')}`,
          eventType: 'case.lock',
          heldCardIds,
        });
      }
      return ok({ type: event.type, at, by, heldCardIds });
    }
    case 'case.release':
      return ok({ type: event.type, at, by });
    case 'case.comment':
      return ok({ type: event.type, at, by, text: event.text });
    case 'case.contact_attempt':
      return ok({ ...event, day: today(), comment: orNull(event.comment) });
    case 'case.federal_level':
    case 'case.accept':
      return ok({ type: event.type, at, by, comment: orNull(event.comment) });
    case 'case.resolve': {
      // The same rule as a ПОС answer's files: the sender's fresh uploads or the card's own
      // (a resolution returned for rework), of the answer types, within the limits.
      const files = resolveFileInputs(
        event.files,
        {
          path: ['files'],
          senderId: by.id,
          ownerId: caseFileOwner(card.id),
          types: (rules) => rules.answerTypes,
        },
        facts?.files,
      );
      if (!files.ok) return fail(files.error as CaseWorkflowError);
      return ok({ ...event, files: files.value });
    }
    case 'case.postpone':
      if (event.until <= today()) return invalid(['until'], 'Дата должна быть позже сегодняшней');
      return ok({ ...event, comment: orNull(event.comment) });
    case 'case.close_request':
      return ok({
        ...event,
        comment: orNull(event.comment),
        duplicateOf: orNull(event.duplicateOf),
      });
    case 'case.rereview_request':
      return ok({ ...event, comment: orNull(event.comment) });
    case 'case.rereview_fix':
      return resolveRereviewFix(event, card, directory);
    case 'case.support_request':
      return ok({ ...event, comment: orNull(event.comment) });
    case 'case.support_fix':
      if (Object.keys(event.changes).length === 0 && !event.comment) {
        return invalid(['changes'], 'Исправьте поле или объясните в комментарии, почему нет');
      }
      return ok({ ...event, comment: orNull(event.comment) });
    case 'case.return':
      return ok({ ...event });
    case 'case.postponement_due':
      if (event.until !== card.postponement?.until) {
        return invalid(['until'], 'Таймер больше не действует: отсрочка изменилась');
      }
      return ok({ ...event });
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

function resolveRereviewFix(
  event: Extract<CaseEvent, { type: 'case.rereview_fix' }>,
  card: CaseRecord,
  directory: Directory,
): Resolution<CaseMachineEvent> {
  const regionCode = event.regionCode ?? card.regionCode;
  if (!findRegion(regionCode)) return invalid(['regionCode'], `Неизвестный регион ${regionCode}`);
  const movedRegion = regionCode !== card.regionCode;
  const categoryId = event.categoryId ?? card.categoryId;
  const subcategoryId =
    event.subcategoryId !== undefined
      ? event.subcategoryId
      : categoryId === card.categoryId
        ? card.subcategoryId
        : null;
  const topic = checkTopic(directory, categoryId, subcategoryId);
  if (topic) return invalid([topic.field], topic.message);
  // A municipality of the old region means nothing in the new one.
  const municipality =
    event.municipality !== undefined ? event.municipality : movedRegion ? null : card.municipality;
  const categoryType = event.categoryType ?? card.categoryType;
  const fixed = { regionCode, municipality, categoryType, categoryId, subcategoryId };
  const changed = (Object.keys(fixed) as (keyof typeof fixed)[]).some((k) => fixed[k] !== card[k]);
  if (!changed && !event.comment) {
    return invalid([], 'Исправьте регион или категорию или объясните в комментарии, почему нет');
  }
  const { at, by } = event;
  return ok({ type: event.type, at, by, ...fixed, comment: orNull(event.comment) });
}
