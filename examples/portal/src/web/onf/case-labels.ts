import type {
  CaseEventType,
  CaseHistoryRecord,
  ContactOutcome,
  CorrectableField,
  LockFilter,
  RereviewReason,
} from '@reshaem/core';

/** The buttons of a card, as the ОНФ interface names them (seed 003). */
export const caseEventLabels: Readonly<Record<CaseEventType, string>> = {
  'case.assign': 'Назначить исполнителя',
  'case.lock': 'Взять в работу',
  'case.release': 'Завершить работу над карточкой',
  'case.comment': 'Добавить комментарий',
  'case.contact_attempt': 'Записать звонок заявителю',
  'case.federal_level': 'Федеральный уровень',
  'case.resolve': 'Отметить исполнение',
  'case.postpone': 'Отметить отложенное решение',
  'case.close_request': 'Отметить невозможность исполнения',
  'case.rereview_request': 'На повторное рассмотрение',
  'case.rereview_fix': 'Исправить регион и категорию',
  'case.support_request': 'Запрос в тех.поддержку',
  'case.support_fix': 'Внести исправления',
  'case.accept': 'Принять решение',
  'case.return': 'Вернуть на доработку',
  'case.postponement_due': 'Наступил срок отложенного решения',
};

/** History lines: the event as it happened. */
export const caseHistoryLabels: Readonly<Record<CaseHistoryRecord['type'], string>> = {
  'case.create': 'Карточка создана',
  'case.assign': 'Назначен исполнитель',
  'case.lock': 'Взята в работу',
  'case.release': 'Работа над карточкой завершена',
  'case.comment': 'Комментарий',
  'case.contact_attempt': 'Звонок заявителю',
  'case.federal_level': 'Отмечен федеральный уровень',
  'case.resolve': 'Отмечено исполнение',
  'case.postpone': 'Отложенное решение',
  'case.close_request': 'Запрос на закрытие',
  'case.rereview_request': 'Отправлена на повторное рассмотрение',
  'case.rereview_fix': 'Модератор исправил регион или категорию',
  'case.support_request': 'Запрос в тех.поддержку',
  'case.support_fix': 'Техподдержка внесла исправления',
  'case.accept': 'Куратор принял решение',
  'case.return': 'Куратор вернул на доработку',
  'case.postponement_due': 'Наступил срок отложенного решения',
};

export const contactOutcomeLabels: Readonly<Record<ContactOutcome, string>> = {
  reached: 'Дозвонились',
  no_answer: 'Не отвечает',
  busy: 'Занято',
  unavailable: 'Абонент недоступен',
  wrong_number: 'Неверный номер',
};

export const rereviewReasonLabels: Readonly<Record<RereviewReason, string>> = {
  wrong_region: 'Неверный регион',
  wrong_category: 'Неверная категория',
  wrong_region_and_category: 'Неверные регион и категория',
};

export const correctableFieldLabels: Readonly<Record<CorrectableField, string>> = {
  applicant_name: 'ФИО заявителя',
  phone: 'Телефон',
  email: 'Электронная почта',
  address: 'Адрес',
  municipality: 'Муниципальное образование',
  source_address: 'Адрес источника',
};

/** «Блокировка» in the list filter; `''` is every card. */
export const lockFilterLabels: Readonly<Record<LockFilter | '', string>> = {
  '': 'все',
  free: 'свободные',
  held: 'в работе у кого-то',
  mine: 'мои',
  others: 'у других',
  mine_or_free: 'мои и свободные',
};

export const categoryTypeLabels = { ogv: 'ОГВ', nko: 'НКО/волонтёр' } as const;

/** What people call the label codes; unknown codes are shown as they are. */
export const caseLabelNames: Readonly<Record<string, string>> = {
  federal_level: 'Федеральный уровень',
};
