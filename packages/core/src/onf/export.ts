import { formatInTimeZone } from 'date-fns-tz';
import { findRegion } from '../kernel/deadlines/regions.js';
import type { Directory } from '../kernel/notifications/directory.js';
import { closeReasons, failedContactDays } from './close-reasons.js';
import { federalDistrictOf } from './federal-districts.js';
import type { ListedCase } from './query.js';
import { caseTimeZone } from './resolve.js';
import { FEDERAL_LABEL } from './schemas/parts.js';
import type { ShownCase } from './schemas/shown.js';
import { caseStatuses } from './status.js';

/** One cell of the export: text, a count, or empty. */
export type CaseExportCell = string | number | null;

/** A card to export: as the exporting user may see it ({@link caseViewFor}). */
export type ExportedCase = Omit<ListedCase, 'card'> & { card: ShownCase };

interface Row {
  card: ShownCase;
  item: ExportedCase;
  directory: Directory;
  /** An instant as the card's region's local «dd.MM.yyyy HH:mm». */
  time: (iso: string | null) => string | null;
}

const yesNo = (value: boolean) => (value ? 'Да' : 'Нет');
const dateRu = (date: string | null) => (date ? date.split('-').reverse().join('.') : null);
const nameOf = (r: Row, userId: string | null) =>
  userId === null ? null : (r.directory.user(userId)?.name ?? userId);
/** Excel keeps at most 32 767 characters in a cell. */
const cellText = (text: string) => (text.length > 32_000 ? `${text.slice(0, 32_000)}…` : text);

function topicNames(r: Row): { category: string; subcategory: string | null } {
  const category = r.directory.catalogue.categories.find((c) => c.id === r.card.categoryId);
  const sub = category?.subcategories.find((s) => s.id === r.card.subcategoryId);
  return { category: category?.name ?? r.card.categoryId, subcategory: sub?.name ?? null };
}

const column = (key: string, header: string, value: (r: Row) => CaseExportCell) => ({
  key,
  header,
  value,
});

/** The columns of «Выгрузить в Excel», in order, with Russian headers. */
export const caseExportColumns = [
  column('number', '№ обращения', (r) => r.card.number),
  column('createdAt', 'Дата создания', (r) => r.time(r.card.createdAt)),
  column('applicantName', 'ФИО гражданина', (r) => r.card.applicant.name),
  column('phone', 'Номер телефона', (r) => r.card.applicant.phone),
  column('email', 'Электронная почта', (r) => r.card.applicant.email),
  column('status', 'Статус обращения', (r) => caseStatuses[r.item.status].label),
  column('categoryType', 'Тип категории', (r) =>
    r.card.categoryType === 'ogv' ? 'ОГВ' : 'НКО/волонтер',
  ),
  column('category', 'Категория', (r) => topicNames(r).category),
  column('subcategory', 'Подкатегория', (r) => topicNames(r).subcategory),
  column(
    'federalDistrict',
    'Федеральный округ',
    (r) => federalDistrictOf(r.card.regionCode)?.name ?? null,
  ),
  column('region', 'Регион', (r) => findRegion(r.card.regionCode)?.name ?? r.card.regionCode),
  column('municipality', 'Муниципальное образование', (r) => r.card.municipality),
  column('address', 'Адрес', (r) => r.card.address),
  column('sourceAddress', 'Адрес источника', (r) => r.card.sourceAddress),
  column('text', 'Текст обращения', (r) => cellText(r.card.text)),
  column('organisation', 'Организация', (r) =>
    r.card.orgId === null ? null : (r.directory.organisation(r.card.orgId)?.name ?? r.card.orgId),
  ),
  column('executor', 'Исполнитель', (r) => nameOf(r, r.card.executorId)),
  column('executionDueDate', 'Дата дедлайна по исполнению', (r) => dateRu(r.card.executionDueDate)),
  column('lock', 'Блокировка', (r) => nameOf(r, r.card.lock?.holderId ?? null)),
  column('federal', 'Федеральный уровень', (r) => yesNo(r.card.labels.includes(FEDERAL_LABEL))),
  column('labels', 'Метки', (r) => r.card.labels.join(', ') || null),
  column('urgent', 'Срочно', (r) => yesNo(r.card.urgent)),
  column('contactedBefore', 'Общались ранее', (r) => yesNo(r.card.contactedBefore)),
  column('channel', 'Канал', (r) => r.card.channel),
  column('stream', 'Поток', (r) => r.card.stream),
  column('sourceSystem', 'Система-источник', (r) => r.card.sourceSystem),
  column('sourceId', 'Идентификатор в системе-источнике', (r) => r.card.sourceId),
  column('resolution', 'Решение исполнителя', (r) =>
    r.card.resolution ? cellText(r.card.resolution.description) : null,
  ),
  column(
    'resolutionFiles',
    'Файлы решения',
    (r) => r.card.resolution?.files.map((f) => f.name).join(', ') || null,
  ),
  column('postponedUntil', 'Срок отложенного решения', (r) =>
    dateRu(r.card.postponement?.until ?? null),
  ),
  column(
    'postponeReason',
    'Причина отложенного решения',
    (r) => r.card.postponement?.reason ?? null,
  ),
  column('closeReason', 'Причина закрытия', (r) =>
    r.card.closure ? closeReasons[r.card.closure.reason].label : null,
  ),
  column('duplicateOf', 'Дублирует обращение', (r) => r.card.closure?.duplicateOf ?? null),
  column(
    'contactDays',
    'Дней с попытками связаться',
    (r) => failedContactDays(r.card.contactAttempts).size,
  ),
  column('comments', 'Ход решения', (r) =>
    r.card.comments.length === 0
      ? null
      : cellText(
          r.card.comments
            .map((c) => `${r.time(c.at)} ${c.authorName ?? c.authorId}: ${c.text}`)
            .join('\n'),
        ),
  ),
  column('updatedAt', 'Дата изменения', (r) => r.time(r.card.updatedAt)),
] as const;

export type CaseExportColumnKey = (typeof caseExportColumns)[number]['key'];

const pick = (keys?: readonly CaseExportColumnKey[]) =>
  keys ? caseExportColumns.filter((c) => keys.includes(c.key)) : caseExportColumns;

/**
 * The header row of the export, for all columns or the chosen ones.
 *
 * @example
 * caseExportHeader(['number', 'status']); // ['№ обращения', 'Статус обращения']
 */
export function caseExportHeader(keys?: readonly CaseExportColumnKey[]): string[] {
  return pick(keys).map((c) => c.header);
}

/**
 * One card as an export row: human values (labels, names, local times of the card's region),
 * pure and synchronous, so a store can stream the filtered list into a workbook row by row.
 * Pass the card as the exporting user may see it ({@link caseViewFor}): a part hidden from
 * them leaves its cells empty.
 *
 * @example
 * for await (const item of store.listCases(viewer, query)) sheet.addRow(caseExportRow(item, directory));
 */
export function caseExportRow(
  item: ExportedCase,
  directory: Directory,
  keys?: readonly CaseExportColumnKey[],
): CaseExportCell[] {
  const zone = caseTimeZone(item.card);
  const time = (iso: string | null) =>
    iso === null ? null : formatInTimeZone(iso, zone, 'dd.MM.yyyy HH:mm');
  const row: Row = { card: item.card, item, directory, time };
  return pick(keys).map((c) => c.value(row));
}
