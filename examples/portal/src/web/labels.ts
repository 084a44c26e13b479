import {
  type DeliveryChannel,
  type MessageEventType,
  type Role,
  roleNames,
  type StoreError,
} from '@reshaem/core';

/** The buttons: what each event is called in the backoffice. */
export const eventLabels: Readonly<Record<MessageEventType, string>> = {
  'moderation.accept': 'Принять',
  'moderation.reject': 'Отклонить',
  'moderation.correct': 'Исправить рубрику и получателя',
  'executor.assign': 'Назначить исполнителя',
  'work.take': 'Взять в работу',
  'coordination.forward': 'Направить в другую организацию',
  'coordination.return': 'Вернуть в вышестоящую организацию',
  'executor.reassign': 'Передать другому исполнителю',
  'answer.submit': 'Подготовить ответ',
  'answer.approve': 'Утвердить ответ',
  'answer.return': 'Вернуть на доработку',
  'deadline.extension_request': 'Запросить перенос срока',
  'deadline.extension_approve': 'Согласовать перенос срока',
  'deadline.extension_deny': 'Отказать в переносе срока',
  'deadline.due_soon': 'Приближается срок ответа',
  'deadline.overdue': 'Срок ответа истёк',
  'rating.submit': 'Оценить ответ',
  'delivery.confirm': 'Подтвердить передачу ответа',
  'delivery.email_result': 'Результат отправки ответа по e-mail',
  'rating.window_closed': 'Срок оценки истёк',
  'delivery.overdue': 'Срок передачи ответа истёк',
  'postponement.due': 'Наступил срок отложенного решения',
  'registration.update': 'Изменить регистрационные данные',
};

/** History lines: the event as it happened. */
export const historyLabels: Readonly<Record<'submit' | MessageEventType, string>> = {
  ...eventLabels,
  submit: 'Сообщение подано',
  'moderation.accept': 'Принято модератором',
  'moderation.reject': 'Отклонено модератором',
  'moderation.correct': 'Модератор исправил рубрику и получателя',
  'executor.assign': 'Назначен исполнитель',
  'work.take': 'Взято в работу',
  'coordination.forward': 'Направлено в другую организацию',
  'coordination.return': 'Передано в вышестоящую организацию',
  'executor.reassign': 'Передано другому исполнителю',
  'answer.submit': 'Ответ подготовлен',
  'answer.approve': 'Ответ утверждён',
  'answer.return': 'Ответ возвращён на доработку',
  'deadline.extension_request': 'Запрошен перенос срока',
  'deadline.extension_approve': 'Перенос срока согласован',
  'deadline.extension_deny': 'В переносе срока отказано',
  'rating.submit': 'Заявитель оценил ответ',
  'delivery.confirm': 'Ответ передан заявителю',
  'registration.update': 'Изменены регистрационные данные',
};

/** The roles as the interfaces name them: the core's one table. */
export const roleLabels: Readonly<Record<Role, string>> = roleNames;

export const deliveryChannelLabels: Readonly<Record<DeliveryChannel, string>> = {
  phone: 'По телефону',
  email: 'По электронной почте',
  post: 'Почтой',
  courier: 'Адресная доставка',
};

/** The headline of a refusal; the core's own sentence (in Russian) follows it. */
export const refusalLabels: Readonly<Record<StoreError['kind'], string>> = {
  invalid_payload: 'Проверьте заполнение формы',
  not_allowed_in_status: 'Действие недоступно в текущем статусе',
  forbidden: 'Недостаточно прав для этого действия',
  not_found: 'Сообщение не найдено',
  version_conflict: 'Сообщение уже изменил другой пользователь — обновите страницу',
  already_exists: 'Сообщение с таким номером уже есть',
  idempotency_conflict: 'Повторный запрос с другими данными',
  unsupported_definition:
    'Сообщение создано версией регламента, которую портал больше не поддерживает — обратитесь к администратору',
};
