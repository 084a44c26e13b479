import type { CaseRecord } from './schemas/case.js';
import type { CloseReason, CloseRequirement, ContactAttempt } from './schemas/parts.js';

/** How many failed calls, on different local days, «не удалось связаться» needs. */
export const MIN_CONTACT_ATTEMPT_DAYS = 3;

export interface CloseReasonInfo {
  /** As the seed's list names it. */
  label: string;
  /** What must come with a request for this reason, if anything. */
  requires: CloseRequirement | null;
}

/** The seven close reasons of seed 003 §9 and what each requires, as data. */
export const closeReasons: Readonly<Record<CloseReason, CloseReasonInfo>> = Object.freeze({
  declined_help: { label: 'Заявитель отказался от помощи', requires: null },
  wrong_phone: { label: 'В обращении указан неверный номер телефона', requires: null },
  unreachable: { label: 'Не удалось связаться с заявителем', requires: 'contact_attempts' },
  duplicate: { label: 'Обращение дублирует другое обращение', requires: 'duplicate_number' },
  did_not_apply: { label: 'Заявитель не обращался за помощью', requires: null },
  objective_reasons: {
    label: 'Обращение не может быть выполнено по объективным причинам',
    requires: 'comment',
  },
  motivated_refusal: { label: 'Заявителю дан мотивированный отказ', requires: 'comment' },
});

/** What the executor is told when a requirement is missing. */
export const closeRequirementLabels: Readonly<Record<CloseRequirement, string>> = Object.freeze({
  comment: 'Укажите причину в поле «Комментарий»',
  duplicate_number: 'Укажите номер обращения, которое дублирует это',
  contact_attempts: `Нужно не менее ${MIN_CONTACT_ATTEMPT_DAYS} попыток связаться с заявителем в разные дни`,
});

/** The local days on which a call to the applicant failed. */
export function failedContactDays(attempts: readonly ContactAttempt[]): Set<string> {
  return new Set(attempts.filter((a) => a.outcome !== 'reached').map((a) => a.day));
}

/** What a close request says besides its reason. */
export interface CloseRequestDetails {
  reason: CloseReason;
  comment: string | null;
  duplicateOf: string | null;
}

/**
 * The requirement a close request misses on this card, or `null` when it is complete:
 * a comment for objective reasons and a motivated refusal, another card's number for a
 * duplicate, and failed calls on at least three different days for «unreachable».
 *
 * @example
 * unmetCloseRequirement(card, { reason: 'objective_reasons', comment: null, duplicateOf: null });
 * // 'comment'
 */
export function unmetCloseRequirement(
  card: Pick<CaseRecord, 'number' | 'contactAttempts'>,
  request: CloseRequestDetails,
): CloseRequirement | null {
  const requires = closeReasons[request.reason].requires;
  switch (requires) {
    case null:
      return null;
    case 'comment':
      return request.comment ? null : 'comment';
    case 'duplicate_number':
      return request.duplicateOf && request.duplicateOf !== card.number ? null : 'duplicate_number';
    case 'contact_attempts':
      return failedContactDays(card.contactAttempts).size >= MIN_CONTACT_ATTEMPT_DAYS
        ? null
        : 'contact_attempts';
    default: {
      const unreachable: never = requires;
      return unreachable;
    }
  }
}
