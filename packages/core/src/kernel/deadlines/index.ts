/**
 * Deadlines (SPEC §4): the Russian production calendar, the regions' time zones, response
 * deadlines that end at 23:59 local time, `due_soon` instants, 59-ФЗ extensions, and the
 * countdown people see. Pure: every instant is an argument, nothing reads a clock.
 */
export type {
  CalendarYearData,
  CalendarYearInput,
  CalendarYearStatus,
} from './calendar-year.js';
export {
  calendarYearSchema,
  calendarYearStatusSchema,
  deriveCalendarYear,
  PUBLIC_HOLIDAYS,
} from './calendar-year.js';
export type { CountdownParts } from './countdown.js';
export { countdownParts, formatCountdown, formatDurationRu } from './countdown.js';
export type { Deadline, DeadlineInput } from './deadline.js';
export {
  computeDeadline,
  DEADLINE_TIME,
  deadlineLabel,
  dueSoonAt,
  endOfLocalDay,
} from './deadline.js';
export type { ExtensionCheck, ExtensionTarget } from './extension.js';
export {
  checkExtension,
  extendDeadline,
  extensionLimit,
  MAX_EXTENSION_DAYS,
} from './extension.js';
export type { InstantInput } from './instant.js';
export { assertTimeZone, localDateIn } from './instant.js';
export { addCalendarDays } from './local-date.js';
export type { RussianPluralForms } from './plural-ru.js';
export { countRu, pluralRu } from './plural-ru.js';
export type { ProductionCalendar, ProductionCalendarOptions } from './production-calendar.js';
export { createProductionCalendar, productionCalendar } from './production-calendar.js';
export { SHIPPED_CALENDAR_YEARS } from './production-calendar-data.js';
export type { Region } from './regions.js';
export { findRegion, REGIONS, regionTimeZone } from './regions.js';
