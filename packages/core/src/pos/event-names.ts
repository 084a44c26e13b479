import type { MessageEventType } from './schemas/events.js';

/**
 * What each ПОС event does, in Russian, as an infinitive phrase that completes «… не может»
 * («утвердить ответ»). Beside the event list (`schemas/events.ts`): a new event needs its
 * name here, or the compiler says so. Refusal texts use it (`refusalText`).
 */
export const posEventActions: Readonly<Record<'submit' | MessageEventType, string>> = {
  submit: 'подать сообщение',
  'moderation.accept': 'принять сообщение на модерации',
  'moderation.reject': 'отклонить сообщение',
  'moderation.correct': 'исправить рубрику и получателя сообщения',
  'executor.assign': 'назначить исполнителя',
  'work.take': 'взять сообщение в работу',
  'coordination.forward': 'направить сообщение в другую организацию',
  'coordination.return': 'вернуть сообщение в вышестоящую организацию',
  'executor.reassign': 'передать сообщение другому исполнителю',
  'answer.submit': 'подготовить ответ',
  'answer.approve': 'утвердить ответ',
  'answer.return': 'вернуть ответ на доработку',
  'deadline.extension_request': 'запросить перенос срока',
  'deadline.extension_approve': 'согласовать перенос срока',
  'deadline.extension_deny': 'отказать в переносе срока',
  'deadline.due_soon': 'отметить приближение срока ответа',
  'deadline.overdue': 'отметить просрочку ответа',
  'rating.submit': 'оценить ответ',
  'delivery.confirm': 'подтвердить передачу ответа заявителю',
  'delivery.email_result': 'записать результат отправки ответа по e-mail',
  'rating.window_closed': 'закрыть срок оценки ответа',
  'delivery.overdue': 'отметить просрочку передачи ответа',
  'postponement.due': 'вернуть отложенное сообщение в работу',
  'registration.update': 'изменить регистрационные данные',
};
