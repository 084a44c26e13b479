import { dueSoonAt } from '../kernel/deadlines/deadline.js';
import { localDateIn } from '../kernel/deadlines/instant.js';
import { invalidField, type WorkflowError } from '../kernel/errors.js';
import type { FileContext } from '../kernel/files/check-file-references.js';
import type { Directory } from '../kernel/notifications/directory.js';
import { hasRole } from '../kernel/schemas/principal.js';
import { checkMessageExtension, registrationDeadline } from './deadline.js';
import { resolveAnswerFiles, resolveAttachments } from './file-references.js';
import type { MessageMachineEvent } from './machine/machine.js';
import { resolveCorrection } from './resolve-correction.js';
import {
  deliveryDeadline,
  isPostponedNow,
  ratingWindowEnd,
  resolveRating,
} from './resolve-rating.js';
import type { MessageEvent, SubmitEvent } from './schemas/events.js';
import type { Message } from './schemas/message.js';
import { operatorRegionRefusal, pointOutsideRegion } from './submission-rules.js';
import { checkTopic } from './topic-check.js';

type Resolution<T> = { ok: true; value: T } | { ok: false; error: WorkflowError };
const ok = <T>(value: T): Resolution<T> => ({ ok: true, value });
const fail = (error: WorkflowError): Resolution<never> => ({ ok: false, error });

/**
 * Checks a submission against the directory and builds the new message. The channel
 * decides who may submit: operators enter phoned-in messages (`operator`), applicants
 * use every other channel, and the system posts named integrations.
 */
export function resolveSubmission(
  event: SubmitEvent,
  directory: Directory,
  files?: FileContext,
): Resolution<Message> {
  const { by } = event;
  const topic = checkTopic(event, directory);
  if (!topic.ok) return topic;
  const { org, entry } = topic.value;
  if (event.channel === 'operator') {
    const outside = operatorRegionRefusal(by, org, directory);
    if (outside) return fail(outside);
  }

  const outside = pointOutsideRegion(event, directory);
  if (outside) return fail(outside);

  const isOperator = event.channel === 'operator';
  // Operator-entered messages are registered on entry, so their deadline starts now.
  const deadline = isOperator
    ? registrationDeadline(
        { subcategoryId: event.subcategoryId, lawType: event.lawType, holdingOrgId: org.id },
        event.at,
        directory,
      )
    : undefined;
  let applicant = event.applicant;
  if (isOperator) {
    if (!hasRole(by, 'operator')) {
      return fail({
        kind: 'forbidden',
        message: 'сообщения, принятые по телефону, вводит только оператор приема обращений',
        eventType: 'submit',
        principalId: by.id,
      });
    }
    // The text begins with the operator organisation's marker, e.g. «Центр мониторинга 112».
    const operatorOrgs = by.roles
      .filter((g) => g.role === 'operator' && g.orgId !== undefined)
      .map((g) => directory.organisation(g.orgId as string));
    const markers = operatorOrgs.flatMap((o) => (o?.operatorMarker ? [o.operatorMarker] : []));
    if (markers.length > 0 && !markers.some((marker) => event.text.startsWith(marker))) {
      return fail(invalidField(['text'], `текст должен начинаться с пометки «${markers[0]}»`));
    }
  } else if (event.channel === 'integration') {
    if (!hasRole(by, 'system')) {
      return fail({
        kind: 'forbidden',
        message: 'сообщения из интеграций размещает только система',
        eventType: 'submit',
        principalId: by.id,
      });
    }
    if (!event.integration) {
      return fail(invalidField(['integration'], 'укажите интеграцию, из которой пришло сообщение'));
    }
  } else {
    if (!hasRole(by, 'applicant')) {
      return fail({
        kind: 'forbidden',
        message: 'через этот канал подаёт сообщения только заявитель',
        eventType: 'submit',
        principalId: by.id,
      });
    }
    applicant = { ...applicant, userId: by.id };
  }
  const attachments = resolveAttachments(
    event.attachments,
    { senderId: by.id, messageId: event.messageId },
    files,
  );
  if (!attachments.ok) return attachments;

  return ok({
    id: event.messageId,
    number: event.number,
    epguNumber: event.epguNumber,
    registrationNumber: null,
    // Operator-entered messages are registered on entry; the rest when moderation accepts.
    registeredAt: isOperator ? event.at : null,
    isPublic: event.isPublic,
    channel: event.channel,
    integration: event.integration,
    applicant,
    problemAddress: event.problemAddress,
    location: event.location,
    regionCode: event.regionCode,
    municipality: event.municipality,
    text: event.text,
    attachments: attachments.value,
    categoryId: event.categoryId,
    subcategoryId: event.subcategoryId,
    factId: event.factId,
    lawType: event.lawType,
    fastTrack: entry.subcategory.fastTrack,
    receivedOrgId: org.id,
    holdingOrgId: org.id,
    arrivedBy: 'submitted',
    coordinatorId: null,
    executorId: null,
    executionDueAt: null,
    headId: null,
    enteredBy: isOperator ? by.id : null,
    submittedBy: by.id,
    answer: null,
    rejectionReason: null,
    lastReturnComment: null,
    reReviewRound: 0,
    responseDueAt: deadline?.responseDueAt ?? null,
    dueSoonAt: deadline?.dueSoonAt ?? null,
    timeZone: deadline?.timeZone ?? directory.timeZoneOf(org.id) ?? null,
    pendingExtension: null,
    extensionsGranted: 0,
    delegatedByAutorule: null,
    reReviewByCurator: false,
    ratings: [],
    previousAnswers: [],
    ratingDueAt: null,
    delivery: null,
    deliveryDueAt: null,
    deliveryOverdue: false,
    answerEmail: null,
    overdue: false,
    createdAt: event.at,
    updatedAt: event.at,
  });
}

/**
 * Turns a validated, permitted event into the machine's event: checks the people and
 * organisations it names and looks up what the machine needs (where a return goes).
 */
export function resolveEvent(
  event: MessageEvent,
  message: Message,
  directory: Directory,
  files?: FileContext,
): Resolution<MessageMachineEvent> {
  const { at, by } = event;
  if ('autoruleId' in event && event.autoruleId !== undefined && !hasRole(by, 'system')) {
    return fail(invalidField(['autoruleId'], 'от имени автоправила действует только система'));
  }
  switch (event.type) {
    case 'work.take':
      // Taking up a postponed message again starts a fresh deadline for the final answer.
      return ok({
        type: event.type,
        at,
        by,
        deadline: isPostponedNow(message)
          ? (registrationDeadline(message, at, directory) ?? null)
          : null,
      });
    case 'moderation.accept':
      return ok({
        type: event.type,
        at,
        by,
        deadline: registrationDeadline(message, at, directory) ?? null,
      });
    case 'moderation.reject':
      return ok({ type: event.type, at, by, reason: event.reason });
    case 'moderation.correct':
      return resolveCorrection(event, message, directory);
    case 'answer.return':
      return ok({ type: event.type, at, by, comment: event.comment });
    case 'answer.approve': {
      const operatorEntered = message.channel === 'operator';
      const final = message.answer?.type !== 'postponed';
      return ok({
        type: event.type,
        at,
        by,
        comment: event.comment ?? null,
        ratingDueAt: !operatorEntered && final ? ratingWindowEnd(message, at, directory) : null,
        deliveryDueAt: operatorEntered ? deliveryDeadline(message, at, directory) : null,
      });
    }
    case 'rating.submit':
      return resolveRating(event, message, directory);
    case 'delivery.confirm':
      return ok({
        type: event.type,
        at,
        by,
        channel: event.channel,
        note: event.note,
        ratingDueAt:
          message.answer?.type === 'postponed' ? null : ratingWindowEnd(message, at, directory),
      });
    case 'delivery.email_result':
      return ok({ type: event.type, at, by, sent: event.sent, error: event.error ?? null });
    case 'rating.window_closed':
    case 'delivery.overdue': {
      const current =
        event.type === 'rating.window_closed' ? message.ratingDueAt : message.deliveryDueAt;
      if (event.dueAt !== current) {
        return fail(invalidField(['dueAt'], 'таймер больше не действует'));
      }
      if (at < event.dueAt) return fail(invalidField(['at'], 'таймер сработал раньше срока'));
      return ok({ type: event.type, at, by, dueAt: event.dueAt });
    }
    case 'postponement.due':
      if (message.answer?.type !== 'postponed' || message.answer.postponedUntil !== event.until) {
        return fail(invalidField(['until'], 'таймер больше не действует'));
      }
      if (localDateIn(at, message.timeZone ?? 'UTC') < event.until) {
        return fail(invalidField(['at'], 'дата отложенного решения ещё не наступила'));
      }
      return ok({ type: event.type, at, by, until: event.until });
    case 'executor.assign': {
      if (!directory.userHasRole(event.executorId, 'executor', message.holdingOrgId)) {
        return fail(
          invalidField(
            ['executorId'],
            'это не исполнитель организации, в которой находится сообщение',
          ),
        );
      }
      const due = event.executionDueAt ?? null;
      if (due !== null && due <= at) {
        return fail(invalidField(['executionDueAt'], 'срок исполнения уже прошёл'));
      }
      if (due !== null && message.responseDueAt !== null && due > message.responseDueAt) {
        return fail(invalidField(['executionDueAt'], 'срок исполнения позже срока ответа'));
      }
      return ok({
        type: event.type,
        at,
        by,
        executorId: event.executorId,
        executionDueAt: due,
        autoruleId: event.autoruleId ?? null,
      });
    }
    case 'executor.reassign': {
      if (!directory.userHasRole(event.executorId, 'executor', message.holdingOrgId)) {
        return fail(
          invalidField(
            ['executorId'],
            'это не исполнитель организации, в которой находится сообщение',
          ),
        );
      }
      if (event.executorId === message.executorId) {
        return fail(invalidField(['executorId'], 'сообщение уже у этого исполнителя'));
      }
      return ok({
        type: event.type,
        at,
        by,
        executorId: event.executorId,
        comment: event.comment ?? null,
      });
    }
    case 'coordination.forward': {
      const target = directory.organisation(event.orgId);
      if (!target) return fail(invalidField(['orgId'], `организация ${event.orgId} не найдена`));
      if (target.id === message.holdingOrgId) {
        return fail(invalidField(['orgId'], 'сообщение уже в этой организации'));
      }
      const below = directory.isBelow(target.id, message.holdingOrgId);
      if (!below && !directory.isCompetent(target.id, message.subcategoryId)) {
        return fail(
          invalidField(
            ['orgId'],
            'направить можно в подчинённую организацию или в организацию, ответственную за подкатегорию',
          ),
        );
      }
      return ok({
        type: event.type,
        at,
        by,
        orgId: target.id,
        comment: event.comment ?? null,
        autoruleId: event.autoruleId ?? null,
      });
    }
    case 'coordination.return': {
      // The parent exists: preconditions.ts checked it before this step.
      const parent = directory.parentOf(message.holdingOrgId);
      if (!parent) return fail(invalidField([], 'нет вышестоящей организации'));
      return ok({ type: event.type, at, by, toOrgId: parent.id, comment: event.comment });
    }
    case 'answer.submit': {
      const until = event.answer.postponedUntil;
      if (until !== undefined && until < at.slice(0, 10)) {
        return fail(invalidField(['answer', 'postponedUntil'], 'дата уже прошла'));
      }
      const answerFiles = resolveAnswerFiles(
        event.answer.files,
        { senderId: by.id, messageId: message.id },
        files,
      );
      if (!answerFiles.ok) return answerFiles;
      return ok({
        type: event.type,
        at,
        by,
        answer: { ...event.answer, files: answerFiles.value },
      });
    }
    case 'deadline.extension_request': {
      // One request at a time is a precondition (preconditions.ts), checked before this step.
      const verdict = checkMessageExtension(message, event.until, directory);
      if (!verdict.ok) return fail(invalidField(['until'], verdict.message));
      return ok({ type: event.type, at, by, until: verdict.responseDueAt, reason: event.reason });
    }
    case 'deadline.extension_approve': {
      const pending = message.pendingExtension;
      if (!pending) return fail(invalidField([], 'нет запроса на перенос срока'));
      const verdict = checkMessageExtension(
        message,
        localDateIn(pending.until, message.timeZone ?? 'UTC'),
        directory,
      );
      const responseDueAt = verdict.ok ? pending.until : null;
      if (responseDueAt === null || message.responseDueAt === null) {
        return fail(invalidField([], verdict.ok ? 'нет срока ответа' : verdict.message));
      }
      const from = message.registeredAt ?? message.createdAt;
      return ok({
        type: event.type,
        at,
        by,
        comment: event.comment ?? null,
        responseDueAt,
        dueSoonAt: dueSoonAt(from, responseDueAt, directory.settings.dueSoonShare),
      });
    }
    case 'deadline.extension_deny':
      return ok({ type: event.type, at, by, comment: event.comment });
    case 'deadline.due_soon':
    case 'deadline.overdue': {
      const current =
        event.type === 'deadline.due_soon' ? message.dueSoonAt : message.responseDueAt;
      if (event.dueAt !== current) {
        return fail(invalidField(['dueAt'], 'таймер больше не действует: срок перенесён'));
      }
      if (at < event.dueAt) return fail(invalidField(['at'], 'таймер сработал раньше срока'));
      return ok({ type: event.type, at, by, dueAt: event.dueAt });
    }
    case 'registration.update':
      if (event.registrationNumber === undefined && event.registeredAt === undefined) {
        return fail(invalidField([], 'укажите регистрационный номер, дату или и то и другое'));
      }
      return ok({
        type: event.type,
        at,
        by,
        registrationNumber: event.registrationNumber ?? null,
        registeredAt: event.registeredAt ?? null,
      });
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}
