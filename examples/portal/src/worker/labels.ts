import type { Directory, NotificationReason, Recipient } from '@reshaem/core';

/** Why someone is told, in the words of the notice. */
export const notificationReasonLabels: Readonly<Record<NotificationReason, string>> = {
  message_received: 'Поступило сообщение',
  message_rejected: 'Сообщение отклонено модератором',
  executor_assigned: 'Назначен исполнитель',
  approval_requested: 'Ответ направлен на утверждение',
  answer_returned: 'Ответ возвращён на доработку',
  answer_sent: 'Ответ направлен заявителю',
  answer_ready: 'Ответ готов к передаче заявителю',
  deadline_due_soon: 'Приближается срок ответа',
  deadline_overdue: 'Срок ответа просрочен',
  deadline_extended: 'Срок ответа продлён',
  extension_requested: 'Запрошен перенос срока',
  extension_denied: 'В переносе срока отказано',
  re_review: 'Сообщение на повторном рассмотрении',
  rating_received: 'Заявитель оценил ответ',
  delivery_overdue: 'Ответ не передан заявителю в срок',
  postponement_due: 'Наступил срок отложенного решения',
};

/** Who a notice goes to, by name. */
export function recipientLabel(to: Recipient, directory: Directory): string {
  switch (to.kind) {
    case 'applicant':
      return 'заявителю';
    case 'operators':
      return 'операторам 122';
    case 'organisation':
      return `в ЛКО «${directory.organisation(to.orgId)?.name ?? to.orgId}»`;
    case 'user':
      return directory.user(to.userId)?.name ?? to.userId;
    default: {
      const unreachable: never = to;
      return String(unreachable);
    }
  }
}
