import { findRegion } from '../kernel/deadlines/regions.js';
import type { Directory } from '../kernel/notifications/directory.js';
import { closeReasons, closeRequirementLabels } from './close-reasons.js';
import type { CaseEffect, CaseNotificationReason, CaseRecipient } from './effects.js';
import { type CaseViewer, caseViewerOf, caseViewFor } from './field-visibility.js';
import {
  caseNotificationTitles,
  type RenderedCaseNotifications,
  renderCaseNotifications,
} from './notifications.js';
import type { CaseRecord } from './schemas/case.js';
import type { CaseStatus } from './schemas/parts.js';
import { caseStatuses } from './status.js';
import {
  type CasePlaceholderValues,
  type CompiledCaseTemplate,
  compileCaseTemplate,
  renderCaseTemplate,
} from './templates.js';

/** A card e-mail's template: its subject line and its text, with `{{placeholders}}`. */
export interface CaseEmailTemplate {
  subject: string;
  body: string;
}

const SUBJECT = 'ОНФ. Помощь: карточка № {{Номер обращения}} — {{Событие}}';
const footer = [
  'Статус: {{Статус обращения}}.',
  'Регион: {{Регион}}, {{Муниципальное образование}}.',
  'Категория: {{Тип категории}} · {{Категория}}.',
  'Заявитель: {{ФИО гражданина}}.',
  'Текст обращения: {{Текст обращения}}',
].join('\n');
const body = (line: string): CaseEmailTemplate => ({
  subject: SUBJECT,
  body: `Карточка № {{Номер обращения}}: {{Событие}}.\n${line}\n\n${footer}`,
});

/**
 * The built-in template of every card notice reason: what happened and what to do, then
 * the card's status, place, topic, applicant and text. Replace any of them (see
 * {@link renderCaseEmails}); {@link compileCaseTemplate} checks a replacement.
 */
export const defaultCaseEmailTemplates: Readonly<
  Record<CaseNotificationReason, CaseEmailTemplate>
> = {
  case_received: body('Назначьте исполнителя.'),
  case_assigned: body(
    'Вам назначена карточка: возьмите её в работу. Дедлайн по исполнению: {{Дедлайн по исполнению}}.',
  ),
  case_lock_released: body('Супервайзер снял с вас блокировку карточки.'),
  case_review_requested: body(
    'Исполнитель {{Исполнитель}} отметил результат, проверьте его.\nРешение: {{Решение исполнителя}}\nПричина закрытия: {{Причина закрытия}}',
  ),
  case_returned: body('Куратор вернул карточку на доработку: {{Комментарий куратора}}'),
  // A returned request leaves no closure on the card: its reason is no value here.
  case_close_request_returned: body(
    'Запрос на закрытие вернулся к вам в работу: {{Чего не хватило}}.',
  ),
  case_done: body('Куратор принял решение исполнителя {{Исполнитель}}.'),
  case_closed: body('Карточка закрыта: {{Причина закрытия}}.'),
  case_rereview_requested: body('Исправьте регион или категорию и верните карточку в работу.'),
  case_support_requested: body('Внесите исправления в поля карточки и верните её в работу.'),
  case_back_in_work: body('Карточка вернулась в работу к исполнителю {{Исполнитель}}.'),
  case_postponement_due: body(
    'Наступил срок отложенного решения ({{Срок отложенного решения}}): карточка снова в работе.',
  ),
};

const dash = (value: string | null | undefined) => (value ? value : '-');
const dateRu = (date: string | null | undefined) =>
  date ? date.split('-').reverse().join('.') : '-';

/** How the recipient stands to the card: a user as themselves, a staff role as that role. */
function viewerOf(recipient: CaseRecipient, card: CaseRecord, directory: Directory): CaseViewer {
  if (recipient.kind === 'staff') return { kinds: [recipient.role] };
  const user = directory.user(recipient.userId);
  return user ? caseViewerOf(user, card, directory) : { kinds: [] };
}

/**
 * The placeholder values of a card for one recipient: the card as they may see it
 * ({@link caseViewFor}), so a notice says no more than the card page would.
 *
 * @example
 * casePlaceholderValues(card, 'in_work', 'case_assigned', { kind: 'user', userId }, directory).number;
 */
export function casePlaceholderValues(
  record: CaseRecord,
  status: CaseStatus,
  reason: CaseNotificationReason,
  recipient: CaseRecipient,
  directory: Directory,
): CasePlaceholderValues {
  const card = caseViewFor(viewerOf(recipient, record, directory), record);
  const category = directory.catalogue.categories.find((c) => c.id === card.categoryId);
  const sub = category?.subcategories.find((s) => s.id === card.subcategoryId);
  const userName = (id: string | null) => (id ? (directory.user(id)?.name ?? id) : '-');
  return {
    number: card.number,
    status: caseStatuses[status].label,
    title: caseNotificationTitles[reason],
    region: findRegion(card.regionCode)?.name ?? card.regionCode,
    municipality: dash(card.municipality),
    categoryType: card.categoryType === 'ogv' ? 'ОГВ' : 'НКО/волонтёр',
    category: [category?.name ?? card.categoryId, sub?.name].filter(Boolean).join(' / '),
    applicantName: card.applicant.name,
    text: card.text,
    executor: userName(card.executorId),
    organisation: card.orgId ? (directory.organisation(card.orgId)?.name ?? card.orgId) : '-',
    executionDueDate: dateRu(card.executionDueDate),
    returnComment: dash(card.lastReturn?.comment),
    unmetRequirement: card.lastReturn?.unmet ? closeRequirementLabels[card.lastReturn.unmet] : '-',
    closeReason: card.closure ? closeReasons[card.closure.reason].label : '-',
    postponedUntil: dateRu(card.postponement?.until),
    resolution: dash(card.resolution?.description),
  };
}

const compiled = new WeakMap<
  CaseEmailTemplate,
  { subject: CompiledCaseTemplate; body: CompiledCaseTemplate }
>();

function compiledOf(template: CaseEmailTemplate) {
  let found = compiled.get(template);
  if (!found) {
    const subject = compileCaseTemplate(template.subject);
    const text = compileCaseTemplate(template.body);
    if (!subject.ok || !text.ok) {
      const issues = [...(subject.ok ? [] : subject.issues), ...(text.ok ? [] : text.issues)];
      throw new TypeError(`Шаблон письма по карточке: ${issues.map((i) => i.message).join('; ')}`);
    }
    found = { subject: subject.template, body: text.template };
    compiled.set(template, found);
  }
  return found;
}

/**
 * Renders a card's notices as e-mails through templates — the built-in
 * {@link defaultCaseEmailTemplates}, or `templates` replacing some of them. Addresses and
 * skips are {@link renderCaseNotifications}'s; each recipient's values are the card as they
 * may see it. A template with an unknown placeholder throws a `TypeError`: check templates
 * when they are saved, with {@link compileCaseTemplate}.
 *
 * @example
 * const { emails } = renderCaseEmails(result.effects, result.snapshot.context, result.status, directory);
 * for (const email of emails) await sender.send(email);
 */
export function renderCaseEmails(
  effects: readonly CaseEffect[],
  card: CaseRecord,
  status: CaseStatus,
  directory: Directory,
  templates: Partial<Record<CaseNotificationReason, CaseEmailTemplate>> = {},
): RenderedCaseNotifications {
  const rendered = renderCaseNotifications(effects, card, status, directory);
  const emails = rendered.emails.map((email) => {
    const template = compiledOf(templates[email.reason] ?? defaultCaseEmailTemplates[email.reason]);
    const values = casePlaceholderValues(card, status, email.reason, email.recipient, directory);
    return {
      ...email,
      subject: renderCaseTemplate(template.subject, values).replace(/\s*\n\s*/g, ' '),
      text: renderCaseTemplate(template.body, values),
      html: renderCaseTemplate(template.body, values, { html: true }),
    };
  });
  return { emails, skipped: rendered.skipped };
}
