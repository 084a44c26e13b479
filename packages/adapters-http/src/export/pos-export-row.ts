import {
  type AnswerType,
  type Channel,
  type Directory,
  localDateIn,
  type MessageStatus,
  messageStatuses,
  type ShownMessage,
} from '@reshaem/core';
import { timeZoneOfMessage } from '../views/deadlines-view.js';
import { POS_EXPORT_COLUMNS } from './columns.js';

/** «-» is how the ПОС export writes an empty cell. */
export const EMPTY = '-';
const yesNo = (value: boolean): string => (value ? 'Да' : 'Нет');

/** «Источник» as ПОС names the channels (SPEC §3 item 1). */
export const channelLabels: Readonly<Record<Channel, string>> = {
  epgu_form: 'Портал Госуслуг',
  mobile_app: 'Мобильное приложение Госуслуги',
  org_widget: 'Сайт',
  epgu_widget: 'ЕПГУ',
  reshaem_app: 'Решаем вместе',
  operator: 'Оператор (122)',
  integration: 'Интеграция',
};

/** «Тип решения»: the answer's type (SPEC §3 item 5). */
export const answerTypeLabels: Readonly<Record<AnswerType, string>> = {
  resolved: 'Решено',
  not_resolved: 'Не решено',
  postponed: 'Отложено',
  declined: 'Отклонено',
};

/** dd.mm.yyyy of an instant, on the calendar of `timeZone`. */
export function ruDate(instant: string, timeZone: string): string {
  const [year, month, day] = localDateIn(instant, timeZone).split('-');
  return `${day}.${month}.${year}`;
}

/** dd.mm.yyyy of a calendar date (`YYYY-MM-DD`), which has no zone. */
const ruLocalDate = (date: string): string => date.split('-').reverse().join('.');

/**
 * One message as a row of the ПОС export, in {@link POS_EXPORT_COLUMNS} order. Pure: names
 * come from the directory; dates are shown on the calendar of the zone the message's
 * deadlines are counted in (the holding organisation's region), as dd.mm.yyyy.
 *
 * Readings of columns the seeds do not define:
 * - «Дата планируемого завершения работ»: the date a postponed answer promises
 *   (`postponedUntil`), otherwise the response deadline («Срок ответа»);
 * - «Дата фактического завершения работ»: when the head approved the answer;
 * - «ФЗ»: «59-ФЗ» for an appeal under 59-ФЗ, «-» for an ordinary message;
 * - «Направлено по email в ФОИВ, не подключенный к ПОС»: always «Нет» — reshaem does not
 *   send messages by e-mail to bodies outside the platform;
 * - «Верхнеуровневый ЛКО»: the root of the holding organisation's tree;
 * - «Тип решения»: the type of the approved answer, «-» while the answer is only a draft
 *   (submitted for approval or returned for rework).
 *
 * Pass the message as the exporting user may see it ({@link viewFor}): the officials'
 * names and the answer's type come out as «-» for whoever may not see them.
 *
 * @example
 * posExportRow({ status: 'coordination', message }, directory);
 * // ['41-000001', '-', 'Портал Госуслуг', 'Правительство Камчатского края', 'Дороги', …]
 */
export function posExportRow(
  item: { status: MessageStatus; message: ShownMessage },
  directory: Directory,
): string[] {
  const { status, message: m } = item;
  const zone = timeZoneOfMessage(m, directory);
  const date = (instant: string | null | undefined) => (instant ? ruDate(instant, zone) : EMPTY);
  const orgName = (id: string) => directory.organisation(id)?.name ?? id;
  const userName = (id: string | null) => (id === null ? EMPTY : (directory.user(id)?.name ?? id));
  const entry = directory.subcategory(m.subcategoryId);
  const category = directory.catalogue.categories.find((c) => c.id === m.categoryId);
  const fact = entry?.subcategory.facts.find((f) => f.id === m.factId);
  const root = directory.ancestorsOf(m.holdingOrgId).at(-1);
  const info = messageStatuses[status];
  const answer = m.answer;
  const rating = m.ratings.at(-1)?.score;
  const planned = answer?.postponedUntil
    ? ruLocalDate(answer.postponedUntil)
    : date(m.responseDueAt);

  const row = [
    m.number,
    m.epguNumber || EMPTY,
    m.channel === 'integration' && m.integration ? m.integration : channelLabels[m.channel],
    root?.name ?? orgName(m.holdingOrgId),
    category?.name ?? m.categoryId,
    entry?.subcategory.name ?? m.subcategoryId,
    m.factId === null ? EMPTY : (fact?.name ?? m.factId),
    orgName(m.receivedOrgId),
    orgName(m.holdingOrgId),
    date(m.createdAt),
    planned,
    date(answer?.approvedAt),
    info.stageLabel,
    info.label,
    yesNo(m.overdue),
    yesNo(m.fastTrack),
    m.lawType === 'appeal_59fz' ? '59-ФЗ' : EMPTY,
    yesNo(m.lawType === 'appeal_59fz'),
    answer?.approvedAt ? answerTypeLabels[answer.type] : EMPTY,
    yesNo(false),
    rating === undefined ? EMPTY : String(rating),
    yesNo(m.reReviewRound > 0),
    userName(m.coordinatorId),
    userName(m.executorId),
    userName(m.headId),
  ];
  if (row.length !== POS_EXPORT_COLUMNS.length) throw new Error('export row out of step');
  return row;
}
