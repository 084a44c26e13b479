import type { NotificationType } from './config.js';
import { type CompiledTemplate, compileTemplateOrThrow } from './template.js';

const notice = (subject: string, body: string) => ({
  subject: compileTemplateOrThrow(subject, 'notification'),
  body: compileTemplateOrThrow(body, 'notification'),
});

/**
 * The applicant's notices when the organisation set up none of its own: SPEC §8 says the
 * applicant is told of a rejection, an answer and a deadline extension, so these are sent
 * whether or not an admin wrote a template. Each says where the problem is («Место
 * проблемы»: the address, the point, and a map link only when the deployment set one up).
 */
export const defaultApplicantNotices: Readonly<
  Record<
    'message_rejected' | 'answer_sent' | 'deadline_extended',
    {
      subject: CompiledTemplate;
      body: CompiledTemplate;
    }
  >
> = {
  message_rejected: notice(
    'Сообщение № {{Номер сообщения}} отклонено',
    [
      'Здравствуйте!',
      '',
      'Ваше сообщение № {{Номер сообщения}} от {{Дата создания сообщения}} («{{Категория сообщения}}») отклонено модератором.',
      '{{Место проблемы}}',
      'Причина: {{Причина отклонения}}',
      '',
      'Подробности — в личном кабинете.',
    ].join('\n'),
  ),
  answer_sent: notice(
    'Ответ на сообщение № {{Номер сообщения}}',
    [
      'Здравствуйте!',
      '',
      'На ваше сообщение № {{Номер сообщения}} от {{Дата создания сообщения}} («{{Категория сообщения}}») дан ответ.',
      '{{Место проблемы}}',
      'Организация: {{Наименование текущего ЛКО}}',
      '',
      '{{Текст ответа}}',
    ].join('\n'),
  ),
  deadline_extended: notice(
    'Срок ответа на сообщение № {{Номер сообщения}} продлён',
    [
      'Здравствуйте!',
      '',
      'Срок рассмотрения вашего сообщения № {{Номер сообщения}} от {{Дата создания сообщения}} продлён до {{Плановый срок рассмотрения сообщения}}.',
      '{{Место проблемы}}',
      'Организация: {{Наименование текущего ЛКО}}',
    ].join('\n'),
  ),
};

export const hasDefaultNotice = (
  type: NotificationType,
): type is keyof typeof defaultApplicantNotices => type in defaultApplicantNotices;
