import { findRegion } from '../kernel/deadlines/regions.js';
import type { Directory } from '../kernel/notifications/directory.js';
import { escapeHtml } from '../kernel/notifications/template.js';
import type { CaseEffect, CaseNotificationReason, CaseRecipient } from './effects.js';
import { holdsInRegion } from './permissions.js';
import type { CaseRecord } from './schemas/case.js';
import type { CaseStatus } from './schemas/parts.js';
import { caseStatuses } from './status.js';

/** An e-mail about an ОНФ card, ready for an `EmailSender`. */
export interface CaseEmail {
  workflow: 'onf';
  to: string[];
  /** One line. */
  subject: string;
  text: string;
  /** The same text, HTML-escaped, line breaks as `<br>`. */
  html: string;
  caseId: string;
  reason: CaseNotificationReason;
  recipient: CaseRecipient;
}

/** Why a card's effect produced no e-mail: nobody with an address, or another card's effect. */
export interface CaseNotificationSkip {
  effect: CaseEffect;
  reason: 'no_address' | 'other_card';
}

export interface RenderedCaseNotifications {
  emails: CaseEmail[];
  skipped: CaseNotificationSkip[];
}

/** What each notice says, after «Карточка № …»: the subject's second half. */
export const caseNotificationTitles: Record<CaseNotificationReason, string> = {
  case_received: 'новое обращение',
  case_assigned: 'назначена вам',
  case_lock_released: 'снята с вас',
  case_review_requested: 'ждёт проверки куратора',
  case_returned: 'возвращена на доработку',
  case_close_request_returned: 'запрос на закрытие не принят',
  case_done: 'решение принято',
  case_closed: 'закрыта',
  case_rereview_requested: 'запрошено повторное рассмотрение',
  case_support_requested: 'нужна техподдержка',
  case_back_in_work: 'снова в работе',
  case_postponement_due: 'срок отложенного решения наступил',
};

const EXCERPT = 300;

/** The addresses of everyone the recipient names, each once, in the directory's order. */
function addressesOf(recipient: CaseRecipient, directory: Directory): string[] {
  const users =
    recipient.kind === 'user'
      ? [directory.user(recipient.userId)]
      : directory.users.filter((u) =>
          holdsInRegion(u, recipient.role, recipient.regionCode, directory),
        );
  const seen = new Set<string>();
  const out: string[] = [];
  for (const user of users) {
    const email = user?.email;
    if (!email || seen.has(email.toLowerCase())) continue;
    seen.add(email.toLowerCase());
    out.push(email);
  }
  return out;
}

function textOf(card: CaseRecord, status: CaseStatus, reason: CaseNotificationReason): string {
  const region = findRegion(card.regionCode)?.name ?? card.regionCode;
  const excerpt = card.text.length > EXCERPT ? `${card.text.slice(0, EXCERPT)}…` : card.text;
  return [
    `Карточка № ${card.number}: ${caseNotificationTitles[reason]}.`,
    `Статус: ${caseStatuses[status].label}.`,
    `Регион: ${region}.`,
    `Заявитель: ${card.applicant.name}.`,
    `Текст обращения: ${excerpt}`,
  ].join('\n');
}

/**
 * Renders an ОНФ card's notices as e-mails, with built-in Russian texts: the card's number,
 * status, region, applicant and an excerpt. A user is written to at their directory
 * address; a staff role («супервайзеры региона», «кураторы») reaches everyone holding it in
 * an organisation of the card's region or platform-wide. Pure: delivery is
 * `deliverNotifications`'s (or your worker's) business.
 *
 * @example
 * const { emails } = renderCaseNotifications(result.effects, result.snapshot.context, result.status, directory);
 * for (const email of emails) await sender.send(email);
 */
export function renderCaseNotifications(
  effects: readonly CaseEffect[],
  card: CaseRecord,
  status: CaseStatus,
  directory: Directory,
): RenderedCaseNotifications {
  const emails: CaseEmail[] = [];
  const skipped: CaseNotificationSkip[] = [];
  for (const effect of effects) {
    if (effect.messageId !== card.id) {
      skipped.push({ effect, reason: 'other_card' });
      continue;
    }
    const to = addressesOf(effect.to, directory);
    if (to.length === 0) {
      skipped.push({ effect, reason: 'no_address' });
      continue;
    }
    const text = textOf(card, status, effect.reason);
    emails.push({
      workflow: 'onf',
      to,
      subject: `ОНФ. Помощь: карточка № ${card.number} — ${caseNotificationTitles[effect.reason]}`,
      text,
      html: escapeHtml(text).replace(/\n/g, '<br>\n'),
      caseId: card.id,
      reason: effect.reason,
      recipient: effect.to,
    });
  }
  return { emails, skipped };
}
