import type { CalendarYearData } from './calendar-year.js';

/**
 * The Russian production calendar for a five-day week, 2020–2027, as shipped with reshaem.
 *
 * Each year lists only the exceptions to "Monday–Friday work, Saturday–Sunday rest" (see
 * {@link CalendarYearData}). A comment `← Sat 4 Jan` marks a day off moved there from that
 * weekend day by the year's decree; `(auto)` marks the Labour Code's own transfer of a
 * holiday that fell on a weekend to the next working day (ТК РФ ст. 112 ч. 2).
 *
 * Sources: the government's yearly decrees «О переносе выходных дней в … году», cross-checked
 * against the published calendars (xmlcalendar.ru, news of each decree) and against the
 * published number of working days, which `production-calendar.test.ts` recomputes:
 * 2020 248, 2021 247, 2022 247, 2023 247, 2024 248, 2025 247, 2026 247, 2027 247.
 *
 * 2020 and 2021 also carry the President's «нерабочие дни с сохранением заработной платы»
 * as `paidNonWorkingDays`: working days in this calendar by default (they are not days off
 * under the Labour Code, state bodies kept working, and the published counts ignore them).
 *
 * 2027 is `provisional`: it follows the xmlcalendar.ru calendar dated 2026-09-02 (the same
 * transfers as 2021, which starts on the same weekday); we did not see the decree itself.
 * Replace it through `createProductionCalendar([...])` if the decree differs.
 */
export const SHIPPED_CALENDAR_YEARS: readonly CalendarYearData[] = freeze([
  {
    year: 2020,
    status: 'official',
    source: 'Постановление Правительства РФ «О переносе выходных дней в 2020 году»',
    nonWorkingDays: [
      ...['2020-01-01', '2020-01-02', '2020-01-03', '2020-01-06', '2020-01-07', '2020-01-08'],
      '2020-02-24', // Sun 23 Feb (auto)
      '2020-03-09', // Sun 8 Mar (auto)
      '2020-05-01',
      '2020-05-04', // ← Sat 4 Jan
      '2020-05-05', // ← Sun 5 Jan
      '2020-05-11', // Sat 9 May (auto)
      '2020-06-12',
      '2020-11-04',
    ],
    workingWeekendDays: [],
    paidNonWorkingDays: [
      // Указ № 206 от 25.03.2020: 30 March – 3 April.
      ...['2020-03-30', '2020-03-31', '2020-04-01', '2020-04-02', '2020-04-03'],
      // Указ № 239 от 02.04.2020: 4–30 April.
      ...['2020-04-06', '2020-04-07', '2020-04-08', '2020-04-09', '2020-04-10'],
      ...['2020-04-13', '2020-04-14', '2020-04-15', '2020-04-16', '2020-04-17'],
      ...['2020-04-20', '2020-04-21', '2020-04-22', '2020-04-23', '2020-04-24'],
      ...['2020-04-27', '2020-04-28', '2020-04-29', '2020-04-30'],
      // Указ № 294 от 28.04.2020: 6–8 May (1–5 and 9–11 May were days off anyway).
      ...['2020-05-06', '2020-05-07', '2020-05-08'],
      '2020-06-24', // Указ № 345 от 29.05.2020: the Victory Parade
      '2020-07-01', // Указ № 354 от 01.06.2020: the vote on the constitutional amendments
    ],
  },
  {
    year: 2021,
    status: 'official',
    source: 'Постановление Правительства РФ «О переносе выходных дней в 2021 году»',
    nonWorkingDays: [
      ...['2021-01-01', '2021-01-04', '2021-01-05', '2021-01-06', '2021-01-07', '2021-01-08'],
      '2021-02-22', // ← Sat 20 Feb
      '2021-02-23',
      '2021-03-08',
      '2021-05-03', // Sat 1 May (auto)
      '2021-05-10', // Sun 9 May (auto)
      '2021-06-14', // Sat 12 Jun (auto)
      '2021-11-04',
      '2021-11-05', // ← Sat 2 Jan
      '2021-12-31', // ← Sun 3 Jan
    ],
    workingWeekendDays: ['2021-02-20'],
    paidNonWorkingDays: [
      // Указ № 242 от 23.04.2021: 4–7 May.
      ...['2021-05-04', '2021-05-05', '2021-05-06', '2021-05-07'],
      // Указ № 595 от 20.10.2021: 30 October – 7 November.
      ...['2021-11-01', '2021-11-02', '2021-11-03'],
    ],
  },
  {
    year: 2022,
    status: 'official',
    source: 'Постановление Правительства РФ «О переносе выходных дней в 2022 году»',
    nonWorkingDays: [
      ...['2022-01-03', '2022-01-04', '2022-01-05', '2022-01-06', '2022-01-07'],
      '2022-02-23',
      '2022-03-07', // ← Sat 5 Mar
      '2022-03-08',
      '2022-05-02', // Sun 1 May (auto)
      '2022-05-03', // ← Sat 1 Jan
      '2022-05-09',
      '2022-05-10', // ← Sun 2 Jan
      '2022-06-13', // Sun 12 Jun (auto)
      '2022-11-04',
    ],
    workingWeekendDays: ['2022-03-05'],
    paidNonWorkingDays: [],
  },
  {
    year: 2023,
    status: 'official',
    source: 'Постановление Правительства РФ «О переносе выходных дней в 2023 году»',
    nonWorkingDays: [
      ...['2023-01-02', '2023-01-03', '2023-01-04', '2023-01-05', '2023-01-06'],
      '2023-02-23',
      '2023-02-24', // ← Sun 1 Jan
      '2023-03-08',
      '2023-05-01',
      '2023-05-08', // ← Sun 8 Jan
      '2023-05-09',
      '2023-06-12',
      '2023-11-06', // Sat 4 Nov (auto)
    ],
    workingWeekendDays: [],
    paidNonWorkingDays: [],
  },
  {
    year: 2024,
    status: 'official',
    source: 'Постановление Правительства РФ «О переносе выходных дней в 2024 году»',
    nonWorkingDays: [
      ...['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05', '2024-01-08'],
      '2024-02-23',
      '2024-03-08',
      '2024-04-29', // ← Sat 27 Apr
      '2024-04-30', // ← Sat 2 Nov
      '2024-05-01',
      '2024-05-09',
      '2024-05-10', // ← Sat 6 Jan
      '2024-06-12',
      '2024-11-04',
      '2024-12-30', // ← Sat 28 Dec
      '2024-12-31', // ← Sun 7 Jan
    ],
    workingWeekendDays: ['2024-04-27', '2024-11-02', '2024-12-28'],
    paidNonWorkingDays: [],
  },
  {
    year: 2025,
    status: 'official',
    source:
      'Постановление Правительства РФ от 04.10.2024 № 1335 «О переносе выходных дней в 2025 году»',
    nonWorkingDays: [
      ...['2025-01-01', '2025-01-02', '2025-01-03', '2025-01-06', '2025-01-07', '2025-01-08'],
      // 23 February (Sun) and 8 March (Sat) were moved by the decree, not automatically:
      // 24 February and 10 March 2025 were working days.
      '2025-05-01',
      '2025-05-02', // ← Sat 4 Jan
      '2025-05-08', // ← Sun 23 Feb
      '2025-05-09',
      '2025-06-12',
      '2025-06-13', // ← Sat 8 Mar
      '2025-11-03', // ← Sat 1 Nov
      '2025-11-04',
      '2025-12-31', // ← Sun 5 Jan
    ],
    workingWeekendDays: ['2025-11-01'],
    paidNonWorkingDays: [],
  },
  {
    year: 2026,
    status: 'official',
    source: 'Постановление Правительства РФ от 24.09.2025 «О переносе выходных дней в 2026 году»',
    nonWorkingDays: [
      ...['2026-01-01', '2026-01-02', '2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08'],
      '2026-01-09', // ← Sat 3 Jan
      '2026-02-23',
      '2026-03-09', // Sun 8 Mar (auto)
      '2026-05-01',
      '2026-05-11', // Sat 9 May (auto)
      '2026-06-12',
      '2026-11-04',
      '2026-12-31', // ← Sun 4 Jan
    ],
    workingWeekendDays: [],
    paidNonWorkingDays: [],
  },
  {
    year: 2027,
    status: 'provisional',
    source: 'xmlcalendar.ru calendar dated 2026-09-02; the decree itself was not checked',
    nonWorkingDays: [
      ...['2027-01-01', '2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07', '2027-01-08'],
      '2027-02-22', // ← Sat 20 Feb
      '2027-02-23',
      '2027-03-08',
      '2027-05-03', // Sat 1 May (auto)
      '2027-05-10', // Sun 9 May (auto)
      '2027-06-14', // Sat 12 Jun (auto)
      '2027-11-04',
      '2027-11-05', // ← Sat 2 Jan
      '2027-12-31', // ← Sun 3 Jan
    ],
    workingWeekendDays: ['2027-02-20'],
    paidNonWorkingDays: [],
  },
]);

/** Shared data must not be edited in place: freeze each year and its lists. */
function freeze(years: CalendarYearData[]): readonly CalendarYearData[] {
  for (const year of years) {
    Object.freeze(year.nonWorkingDays);
    Object.freeze(year.workingWeekendDays);
    Object.freeze(year.paidNonWorkingDays);
    Object.freeze(year);
  }
  return Object.freeze(years);
}
