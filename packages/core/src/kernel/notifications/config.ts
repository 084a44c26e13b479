import { z } from 'zod';
import type { NotificationReason } from '../effects.js';
import { issuesFromZod, type PayloadIssue } from '../errors.js';
import { idSchema, storableString } from '../schemas/primitives.js';
import { russianErrors } from '../schemas/russian-errors.js';
import type { Directory } from './directory.js';
import { templateTextSchema } from './template.js';

/**
 * What a notification is about. The first four go to the organisation's staff; the last
 * three are the applicant's notices (SPEC §8), sent to the applicant's e-mail.
 */
export const notificationTypeSchema = z.enum([
  'message_received',
  'deadline_due_soon',
  'deadline_overdue',
  're_review',
  'message_rejected',
  'answer_sent',
  'deadline_extended',
]);
export type NotificationType = z.infer<typeof notificationTypeSchema>;

/** The labels ПОС shows in «Тип уведомления». */
export const notificationTypeLabels: Readonly<Record<NotificationType, string>> = {
  message_received: 'Поступление сообщения в ЛКО',
  deadline_due_soon: 'Приближение срока ответа',
  deadline_overdue: 'Просрочен срок ответа',
  re_review: 'Возвращено на повторное рассмотрение',
  message_rejected: 'Сообщение отклонено модератором',
  answer_sent: 'Ответ направлен заявителю',
  deadline_extended: 'Срок ответа продлён',
};

/** Types whose e-mail goes to the applicant rather than to configured recipients. */
export const applicantNotificationTypes = [
  'message_rejected',
  'answer_sent',
  'deadline_extended',
] as const satisfies readonly NotificationType[];

/**
 * Does this type of notification go to the applicant?
 *
 * @example
 * isApplicantNotice('answer_sent'); // true
 * isApplicantNotice('message_received'); // false
 */
export const isApplicantNotice = (type: NotificationType): boolean =>
  (applicantNotificationTypes as readonly NotificationType[]).includes(type);

/** The workflow's notification reasons that have an e-mail type; the rest are in-app only. */
export const notificationTypeOfReason: Readonly<
  Partial<Record<NotificationReason, NotificationType>>
> = {
  message_received: 'message_received',
  deadline_due_soon: 'deadline_due_soon',
  deadline_overdue: 'deadline_overdue',
  re_review: 're_review',
  message_rejected: 'message_rejected',
  answer_sent: 'answer_sent',
  deadline_extended: 'deadline_extended',
};

/** «Адреса рассылки уведомлений»: an address, with the admin's note on whose it is. */
export const notificationAddressSchema = z.object({
  address: z.email(),
  description: storableString().trim().max(300).optional(),
});

/**
 * One e-mail notification of an organisation, as its admin sets it up («Добавление
 * уведомления»). Staff notifications name their recipients: addresses, users of the
 * directory («Отправить пользователю на e-mail»), or both. Applicant notices name none:
 * they go to the applicant. Templates are checked here, at save time.
 */
export const notificationConfigSchema = z
  .object({
    id: idSchema,
    orgId: idSchema,
    /** «Название уведомления (тема e-mail)». */
    name: storableString().trim().min(1).max(300),
    type: notificationTypeSchema,
    emails: z.array(notificationAddressSchema).max(100).default([]),
    userIds: z.array(idSchema).max(100).default([]),
    /** The subject template; the name when absent. */
    subject: templateTextSchema('notification', 500).optional(),
    /** «Текст уведомления»: plain text with placeholders. */
    body: templateTextSchema('notification'),
    enabled: z.boolean().default(true),
  })
  .superRefine((c, ctx) => {
    const some = c.emails.length + c.userIds.length > 0;
    if (isApplicantNotice(c.type) && some) {
      ctx.addIssue({
        code: 'custom',
        path: ['emails'],
        message: 'Уведомление заявителя уходит заявителю: получатели не указываются',
      });
    } else if (!isApplicantNotice(c.type) && !some) {
      ctx.addIssue({
        code: 'custom',
        path: ['emails'],
        message: 'Укажите хотя бы один адрес или пользователя, которым отправить уведомление',
      });
    }
  });
export type NotificationConfig = z.infer<typeof notificationConfigSchema>;
export type NotificationConfigInput = z.input<typeof notificationConfigSchema>;

export type NotificationConfigCheck =
  | { ok: true; config: NotificationConfig }
  | { ok: false; issues: PayloadIssue[] };

/**
 * Validates a notification as an admin saves it: its shape and templates (an unknown
 * placeholder is an issue here, never at send time), then its users against the directory:
 * each must exist and have an e-mail address.
 *
 * @example
 * const check = checkNotificationConfig(body, directory);
 * if (!check.ok) return problem(400, check.issues);
 */
export function checkNotificationConfig(
  input: unknown,
  directory: Directory,
): NotificationConfigCheck {
  const parsed = notificationConfigSchema.safeParse(input, russianErrors);
  if (!parsed.success) return { ok: false, issues: issuesFromZod(parsed.error) };
  const config = parsed.data;
  const issues: PayloadIssue[] = [];
  if (!directory.organisation(config.orgId)) {
    issues.push({ path: ['orgId'], message: `Неизвестная организация ${config.orgId}` });
  }
  config.userIds.forEach((id, i) => {
    const user = directory.user(id);
    if (!user) issues.push({ path: ['userIds', i], message: `Неизвестный пользователь ${id}` });
    else if (!user.email)
      issues.push({
        path: ['userIds', i],
        message: `У пользователя ${user.name ?? id} нет адреса электронной почты`,
      });
  });
  return issues.length === 0 ? { ok: true, config } : { ok: false, issues };
}
