import type { Directory } from '@reshaem/core';
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

type Rewrite = [RegExp, (directory: Directory, ...groups: string[]) => string];

const orgName = (d: Directory, id: string) => d.organisation(id)?.name ?? id;
const userName = (d: Directory, id: string) => d.user(id)?.name ?? id;

/** The core's and zod's English messages, said in Russian with names instead of ids. */
const rewrites: readonly Rewrite[] = [
  [/^Too small: expected string to have >=1 characters?$/, () => 'заполните поле'],
  [/^Too big: expected string to have <=(\d+) characters$/, (_, n) => `не длиннее ${n} символов`],
  [/^Too small: expected (?:number|int) to be >=(-?\d+)$/, (_, n) => `не меньше ${n}`],
  [/^Too big: expected (?:number|int) to be <=(-?\d+)$/, (_, n) => `не больше ${n}`],
  [/^Too small: expected array to have >=1 items?$/, () => 'выберите хотя бы одно значение'],
  [/^Too big: expected array to have <=(\d+) items$/, (_, n) => `не больше ${n} значений`],
  [/^Invalid email address$/, () => 'это не адрес e-mail'],
  [/^Invalid option/, () => 'выберите значение из списка'],
  [/^Invalid input: expected (?:int|number)/, () => 'нужно целое число'],
  [/^Invalid input/, () => 'неверное значение'],
  [/^unknown organisation (.+)$/, (_, id) => `нет организации ${id}`],
  [/^unknown category (.+)$/, (_, id) => `нет категории ${id}`],
  [/^unknown subcategory (.+)$/, (_, id) => `нет подкатегории ${id}`],
  [/^unknown fact (.+)$/, (_, id) => `нет факта ${id}`],
  [/^unknown region (.+)$/, (_, code) => `нет региона с кодом ${code}`],
  [/^unknown user (.+)$/, (_, id) => `нет пользователя ${id}`],
  [/^(.+) has no e-mail$/, (d, id) => `у пользователя ${userName(d, id)} нет адреса e-mail`],
  [
    /^subcategory (.+) is in none of the rule's categories: it can never match$/,
    (d, id) =>
      `подкатегория «${d.subcategory(id)?.subcategory.name ?? id}» не входит в выбранные категории: правило никогда не сработает`,
  ],
  [
    /^fact (.+) is in none of the rule's subcategories: it can never match$/,
    (_, id) => `факт ${id} не входит в выбранные подкатегории: правило никогда не сработает`,
  ],
  [
    /^(.+) is not an executor of (.+)$/,
    (d, user, org) => `${userName(d, user)} — не исполнитель организации «${orgName(d, org)}»`,
  ],
  [
    /^(.+) is neither below (.+) nor competent for subcategory (.+)$/,
    (d, to, from, sub) =>
      `«${orgName(d, to)}» не подчинена организации «${orgName(d, from)}» и не отвечает за подкатегорию «${d.subcategory(sub)?.subcategory.name ?? sub}»`,
  ],
  [
    /^a rule cannot forward a message to its own organisation$/,
    () => 'правило не может направить сообщение в свою же организацию',
  ],
  [/^a term needs a letter or a digit$/, () => 'в слове нужна буква или цифра'],
  [
    /^an applicant notice goes to the applicant: it takes no recipients$/,
    () => 'это уведомление заявителю: адреса и пользователи для него не указываются',
  ],
  [
    /^name at least one address or user to send the notification to$/,
    () => 'укажите хотя бы один адрес или пользователя',
  ],
  [/^duplicate id (.+)$/, (_, id) => `идентификатор ${id} уже занят`],
  [
    /^line (\d+), column (\d+): «\{\{» without a closing «\}\}»$/,
    (_, l, c) => `строка ${l}, позиция ${c}: «{{» без закрывающих «}}»`,
  ],
  [
    /^line (\d+), column (\d+): an empty placeholder «\{\{\}\}»$/,
    (_, l, c) => `строка ${l}, позиция ${c}: пустая подстановка «{{}}»`,
  ],
  [
    /^line (\d+), column (\d+): unknown placeholder «(.*)»; \w+ templates know: (.*)$/,
    (_, l, c, name, known) =>
      `строка ${l}, позиция ${c}: неизвестная подстановка «${name}»; доступны: ${known}`,
  ],
];

/** One message in Russian: already Russian ones as they are, known English ones rewritten. */
export function russianMessage(message: string, directory: Directory): string {
  if (/[а-яё]/i.test(message) && !/^line \d/.test(message)) return message;
  for (const [pattern, say] of rewrites) {
    const match = pattern.exec(message);
    if (match) return say(directory, ...match.slice(1));
  }
  return message;
}

/** The Russian name of an issue's field: the last named step of its path. */
function fieldOf(path: readonly (string | number)[]): string | null {
  const names = path.filter((p): p is string => typeof p === 'string' && p !== 'items');
  const last = names.at(-1);
  return last === undefined ? null : (fieldLabels[last] ?? last);
}

/**
 * The API's refusal of a settings change as the page shows it: a Russian headline, then
 * each field issue with its field named in Russian.
 */
export function describeAdminRefusal(
  answer: { status: number; detail: string; errors: readonly ApiFieldError[] },
  directory: Directory,
): RefusalView {
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
    const text = russianMessage(e.message, directory);
    return field ? `${field}: ${text}` : text;
  });
  return {
    title,
    details: details.length > 0 ? details : [russianMessage(answer.detail, directory)],
  };
}
