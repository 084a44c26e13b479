import { formatInTimeZone } from 'date-fns-tz';
import type { MessageStatus } from '../../pos/schemas/message.js';
import type { ShownMessage } from '../../pos/schemas/shown.js';
import { messageStatuses } from '../../pos/status.js';
import { formatCountdown } from '../deadlines/countdown.js';
import { deadlineLabel } from '../deadlines/deadline.js';
import { toEpochMs } from '../deadlines/instant.js';
import { formatGeoPoint, mapLink } from '../geo/map-link.js';
import type { Directory } from './directory.js';
import type { PlaceholderValues } from './placeholders.js';
import { EMPTY_PLACEHOLDER } from './template.js';

export interface PlaceholderOptions {
  /** Who writes (the answer's «ФИО пользователя»). */
  user?: { name?: string | undefined; id: string };
  /** The instant to count the time left from («Время исполнения сообщения»). */
  now?: string;
  /**
   * The deployment's map (`mapUrlTemplateSchema`, `{lat}` and `{lon}`): «Ссылка на карту»
   * and the link line of «Место проблемы». Without it, no notice links to any map.
   */
  mapUrlTemplate?: string | undefined;
}

/**
 * The zone dates are shown in: the holding organisation's (its own, or its region's), then
 * the zone the message's deadline is counted in, then Moscow.
 *
 * @example
 * displayZoneOf(messageAtKamRoads, directory); // 'Asia/Kamchatka'
 */
export function displayZoneOf(
  message: Pick<ShownMessage, 'holdingOrgId' | 'timeZone'>,
  directory: Directory,
): string {
  return directory.timeZoneOf(message.holdingOrgId) ?? message.timeZone ?? 'Europe/Moscow';
}

const date = (instant: string | null, zone: string) =>
  instant === null ? EMPTY_PLACEHOLDER : formatInTimeZone(toEpochMs(instant), zone, 'dd.MM.yyyy');
const time = (instant: string | null, zone: string) =>
  instant === null ? EMPTY_PLACEHOLDER : formatInTimeZone(toEpochMs(instant), zone, 'HH:mm');
const text = (value: string | null | undefined) =>
  value === null || value === undefined || value.trim() === '' ? EMPTY_PLACEHOLDER : value;

/**
 * «Место проблемы»: the address, the point and the map link as labelled lines, each only
 * when known; one line saying the address is not given when nothing is.
 */
function placeLines(
  address: string | null | undefined,
  coordinates: string | undefined,
  link: string | undefined,
): string {
  const lines = [
    address === null || address === undefined || address.trim() === ''
      ? undefined
      : `Адрес проблемы: ${address}`,
    coordinates === undefined ? undefined : `Координаты: ${coordinates}`,
    link === undefined ? undefined : `На карте: ${link}`,
  ].filter((line) => line !== undefined);
  return lines.length === 0 ? 'Адрес проблемы не указан' : lines.join('\n');
}

/**
 * The value of every placeholder for a message, as people see it: dates `dd.mm.yyyy` and
 * times `HH:mm` in the holding organisation's time zone, the status's Russian label,
 * names from the directory, «-» for anything missing. Never throws for a message with
 * empty optional fields.
 *
 * - «Плановый срок рассмотрения сообщения»: the response deadline's date;
 * - «Время исполнения сообщения»: the time left to the execution deadline (or, without one,
 *   the response deadline) as ПОС counts down — «9 дней 14 часов 39 минут / до 23:59
 *   25.01.2025» — or only «до 23:59 25.01.2025» when `now` is not given;
 * - «Наименование ЛКО» and «Наименование текущего ЛКО»: the organisation holding it;
 * - «Категория сообщения»: the category's name from the catalogue;
 * - «Координаты»: the message's point, `lat, lon` («54.3142, 48.4031»); «Ссылка на карту»:
 *   the point on the map of `options.mapUrlTemplate`, «-» without one; «Место проблемы»:
 *   address, point and link as labelled lines, only those known.
 *
 * @example
 * placeholderValues(snapshot.context, statusOf(snapshot), directory, { now: at }).createdDate;
 * // '15.01.2025'
 */
export function placeholderValues(
  message: ShownMessage,
  status: MessageStatus | null,
  directory: Directory,
  options: PlaceholderOptions = {},
): PlaceholderValues {
  const zone = displayZoneOf(message, directory);
  const category = directory.catalogue.categories.find((c) => c.id === message.categoryId);
  const orgName = text(directory.organisation(message.holdingOrgId)?.name);
  const dueAt = message.executionDueAt ?? message.responseDueAt;
  const executionTime =
    dueAt === null
      ? EMPTY_PLACEHOLDER
      : options.now === undefined
        ? deadlineLabel(dueAt, zone)
        : formatCountdown(options.now, dueAt, zone);
  const user = options.user && (options.user.name ?? directory.user(options.user.id)?.name);
  const point = message.location ?? null;
  const coordinates = point === null ? undefined : formatGeoPoint(point);
  const link = point === null ? undefined : mapLink(options.mapUrlTemplate, point);
  return {
    number: text(message.number),
    category: text(category?.name),
    currentOrgName: orgName,
    createdDate: date(message.createdAt, zone),
    plannedDueDate: date(message.responseDueAt, zone),
    status: status === null ? EMPTY_PLACEHOLDER : messageStatuses[status].label,
    createdTime: time(message.createdAt, zone),
    executionTime,
    applicantName: text(message.applicant?.name),
    userName: text(user),
    orgName,
    registrationNumber: text(message.registrationNumber),
    registrationDate: date(message.registeredAt, zone),
    messageText: text(message.text),
    rejectionReason: text(message.rejectionReason),
    answerText: text(message.answer?.text),
    problemAddress: text(message.problemAddress),
    coordinates: text(coordinates),
    mapLink: text(link),
    place: placeLines(message.problemAddress, coordinates, link),
  };
}
