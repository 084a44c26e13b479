/**
 * The placeholders of SPEC §8, by a stable code and the Russian name people type between
 * double braces: `{{Номер сообщения}}`. ПОС shows them as buttons above the editor; the
 * braces are how reshaem writes them down.
 */
export const placeholderNames = {
  number: 'Номер сообщения',
  category: 'Категория сообщения',
  currentOrgName: 'Наименование текущего ЛКО',
  createdDate: 'Дата создания сообщения',
  plannedDueDate: 'Плановый срок рассмотрения сообщения',
  status: 'Текущий статус сообщения',
  createdTime: 'Время создания сообщения',
  executionTime: 'Время исполнения сообщения',
  applicantName: 'ФИО Заявителя',
  userName: 'ФИО пользователя',
  orgName: 'Наименование ЛКО',
  registrationNumber: 'Регистрационный номер сообщения',
  registrationDate: 'Дата регистрации',
  messageText: 'Текст сообщения',
  rejectionReason: 'Причина отклонения',
  answerText: 'Текст ответа',
  problemAddress: 'Адрес проблемы',
  coordinates: 'Координаты',
  mapLink: 'Ссылка на карту',
  place: 'Место проблемы',
} as const;

export type PlaceholderKey = keyof typeof placeholderNames;

/** The values of a message's placeholders, as text; see `placeholderValues`. */
export type PlaceholderValues = Readonly<Record<PlaceholderKey, string>>;

/** Where a template is used, which decides the placeholders it may name. */
export type TemplateKind = 'notification' | 'answer';

/**
 * Placeholders by template kind. Notifications: the eight of ПОС's notification editor
 * (seed 004), plus three so that a notice can say what happened: the message's text (for
 * staff), the rejection reason and the answer's text (for the applicant); and four that say
 * where: the problem's address, its point («Координаты», `lat, lon`), the link to the point
 * on the deployment's map (only when it configures one), and «Место проблемы», all three as
 * labelled lines, each only when known. Answer templates: the eight of ПОС's answer editor.
 */
export const templatePlaceholders: Readonly<Record<TemplateKind, readonly PlaceholderKey[]>> = {
  notification: [
    'number',
    'category',
    'currentOrgName',
    'createdDate',
    'plannedDueDate',
    'status',
    'createdTime',
    'executionTime',
    'messageText',
    'rejectionReason',
    'answerText',
    'problemAddress',
    'coordinates',
    'mapLink',
    'place',
  ],
  answer: [
    'applicantName',
    'userName',
    'number',
    'orgName',
    'category',
    'createdDate',
    'registrationNumber',
    'registrationDate',
  ],
};

/** Other spellings people meet: ПОС's button reads «Плановый срок рассмотрения сообщения, дата». */
const aliases: Readonly<Record<string, PlaceholderKey>> = {
  'Плановый срок рассмотрения сообщения, дата': 'plannedDueDate',
};

/** Names compare case-insensitively, «ё» as «е», with runs of spaces as one. */
const foldName = (name: string) =>
  name.normalize('NFC').toLowerCase().replaceAll('ё', 'е').replace(/\s+/gu, ' ').trim();

const byName = new Map<string, PlaceholderKey>([
  ...Object.entries(placeholderNames).map(
    ([key, name]) => [foldName(name), key as PlaceholderKey] as const,
  ),
  ...Object.entries(aliases).map(([name, key]) => [foldName(name), key] as const),
]);

/**
 * The placeholder a name stands for in a template of this kind, or `undefined`.
 *
 * @example
 * placeholderKey('номер  сообщения', 'notification'); // 'number'
 * placeholderKey('ФИО Заявителя', 'notification'); // undefined: answer templates only
 */
export function placeholderKey(name: string, kind: TemplateKind): PlaceholderKey | undefined {
  const key = byName.get(foldName(name));
  return key !== undefined && templatePlaceholders[kind].includes(key) ? key : undefined;
}
