import { type NameLookup, refusalText, type StoreError } from '@reshaem/core';
import { refusalLabels } from './labels.js';

/** Russian names of the fields the core may point at. */
const fieldLabels: Readonly<Record<string, string>> = {
  reason: 'Причина',
  comment: 'Комментарий',
  executorId: 'Исполнитель',
  executionDueAt: 'Срок исполнения',
  orgId: 'Организация',
  answer: 'Ответ',
  type: 'Тип ответа',
  text: 'Текст',
  files: 'Файлы',
  postponedUntil: 'Решить до',
  until: 'Новый срок',
  score: 'Оценка',
  channel: 'Способ передачи',
  note: 'Комментарий о передаче',
  registrationNumber: 'Регистрационный номер',
  registeredAt: 'Дата регистрации',
  subcategoryId: 'Подкатегория',
  categoryId: 'Категория',
  factId: 'Факт',
  applicant: 'Заявитель',
  name: 'ФИО',
  email: 'E-mail',
  phone: 'Телефон',
  problemAddress: 'Адрес проблемы',
  location: 'Точка на карте',
  lat: 'Широта',
  lon: 'Долгота',
};

/** A refusal as the page shows it: a Russian headline and the core's own words. */
export interface RefusalView {
  title: string;
  details: string[];
}

const noNames: NameLookup = { user: () => undefined, organisation: () => undefined };

/**
 * Turns a store refusal into what a person reads, all in Russian: the kind as a headline,
 * then the core's sentence naming people and organisations (from `lookup`, the directory),
 * or each payload issue with its field named in Russian.
 */
export function describeRefusal(error: StoreError, lookup: NameLookup = noNames): RefusalView {
  const title = refusalLabels[error.kind];
  if (error.kind !== 'invalid_payload') return { title, details: [refusalText(error, lookup)] };
  const details = error.issues.map((issue) => {
    const fields = issue.path
      .filter((p): p is string => typeof p === 'string')
      .map((p) => fieldLabels[p] ?? p);
    return fields.length > 0 ? `${fields.join(' → ')}: ${issue.message}` : issue.message;
  });
  return { title, details: details.length > 0 ? details : [refusalText(error, lookup)] };
}
