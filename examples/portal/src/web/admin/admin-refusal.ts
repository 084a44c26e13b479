import type { RefusalView } from '../refusal.js';
import type { ApiFieldError } from './admin-api.js';

/** Russian names of the settings' fields, by the last names of an issue's path. */
const fieldLabels: Readonly<Record<string, string>> = {
  id: 'Идентификатор',
  orgId: 'Организация',
  name: 'Название',
  position: 'Порядок',
  enabled: 'Включено',
  categoryIds: 'Категории',
  subcategoryIds: 'Подкатегории',
  factIds: 'Факты',
  regionCodes: 'Коды регионов',
  municipalities: 'Муниципалитеты',
  channels: 'Каналы',
  terms: 'Слова',
  mode: 'Режим слов',
  kind: 'Действие',
  executorId: 'Исполнитель',
  executionDays: 'Дней на исполнение',
  executionDayUnit: 'Как считать дни',
  type: 'Тип уведомления',
  emails: 'Адреса рассылки',
  address: 'Адрес',
  userIds: 'Пользователи',
  subject: 'Тема',
  body: 'Текст',
  answerType: 'Тип ответа',
  messageId: 'Сообщение',
};

/** The Russian name of an issue's field: the last named step of its path. */
function fieldOf(path: readonly (string | number)[]): string | null {
  const names = path.filter((p): p is string => typeof p === 'string' && p !== 'items');
  const last = names.at(-1);
  return last === undefined ? null : (fieldLabels[last] ?? last);
}

/**
 * The API's refusal of a settings change as the page shows it: a Russian headline, then
 * each field issue with its field named in Russian. The messages come from the core and
 * the API in Russian already, naming organisations and users by name.
 */
export function describeAdminRefusal(answer: {
  status: number;
  detail: string;
  errors: readonly ApiFieldError[];
}): RefusalView {
  const title =
    answer.status === 403
      ? 'Нет прав на настройки этой организации'
      : answer.status === 404
        ? 'Не найдено'
        : answer.status === 422 || answer.status === 400
          ? 'Не сохранено: исправьте поля'
          : 'Не сохранено';
  const details = answer.errors.map((e) => {
    const field = fieldOf(e.path);
    return field ? `${field}: ${e.message}` : e.message;
  });
  return {
    title,
    details: details.length > 0 ? details : [answer.detail],
  };
}
