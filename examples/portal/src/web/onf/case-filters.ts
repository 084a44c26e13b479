import {
  addCalendarDays,
  type CaseQueryInput,
  type CaseStatus,
  caseStatusSchema,
  endOfLocalDay,
  lockFilterSchema,
} from '@reshaem/core';

/**
 * The ОНФ list's filters as the form holds them (SPEC §9): strings, `''` for «все». The
 * names are the API's query parameters, so a filtered list and its Excel export are one
 * query.
 */
export interface CaseFilters {
  number: string;
  phone: string;
  text: string;
  applicantName: string;
  statuses: string;
  categoryTypes: string;
  labelsPresent: string;
  labelsAbsent: string;
  lock: string;
  municipality: string;
  address: string;
  /** `YYYY-MM-DD`, in the viewer's zone. */
  createdFrom: string;
  createdTo: string;
  sort: string;
  direction: string;
  cursor: string;
}

const KEYS: readonly (keyof CaseFilters)[] = [
  'number',
  'phone',
  'text',
  'applicantName',
  'statuses',
  'categoryTypes',
  'labelsPresent',
  'labelsAbsent',
  'lock',
  'municipality',
  'address',
  'createdFrom',
  'createdTo',
  'sort',
  'direction',
  'cursor',
];

/** The filters of a list URL; unknown parameters are ignored. */
export function readCaseFilters(params: URLSearchParams): CaseFilters {
  const filters = Object.fromEntries(KEYS.map((k) => [k, (params.get(k) ?? '').trim()]));
  const result = filters as unknown as CaseFilters;
  if (!result.sort) result.sort = 'createdAt';
  if (!result.direction) result.direction = 'desc';
  return result;
}

/** A list URL with these filters, changed by `change`; empty values are left out. */
export function caseListUrl(
  path: string,
  filters: CaseFilters,
  change: Partial<CaseFilters> = {},
): string {
  const merged = { ...filters, cursor: '', ...change };
  const params = new URLSearchParams();
  for (const key of KEYS) if (merged[key]) params.set(key, merged[key]);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

const isDate = (date: string) => /^\d{4}-\d{2}-\d{2}$/.test(date);
const dayStart = (date: string, zone: string) =>
  new Date(Date.parse(endOfLocalDay(addCalendarDays(date, -1), zone)) + 60_000).toISOString();

function dateBound(date: string, zone: string, end: boolean): string | undefined {
  if (!date) return undefined;
  if (!isDate(date)) return date; // the core's schema says what is wrong with it
  try {
    return end ? endOfLocalDay(date, zone) : dayStart(date, zone);
  } catch {
    return date;
  }
}

const one = (value: string) => (value ? [value] : undefined);

/**
 * The core's card query of these filters: `preset` fixes the statuses of a queue (the
 * curator's «На проверке», support's requests). Dates are whole days in `zone`. Only what
 * is filled in is passed; every check is the core's.
 */
export function toCaseQuery(
  filters: CaseFilters,
  zone: string,
  preset?: readonly CaseStatus[],
): CaseQueryInput {
  const statuses = preset ? [...preset] : one(filters.statuses);
  const entries: Array<[string, unknown]> = [
    ['number', filters.number || undefined],
    ['phone', filters.phone || undefined],
    ['text', filters.text || undefined],
    ['applicantName', filters.applicantName || undefined],
    ['statuses', statuses],
    ['categoryTypes', one(filters.categoryTypes)],
    ['labelsPresent', one(filters.labelsPresent)],
    ['labelsAbsent', one(filters.labelsAbsent)],
    ['lock', filters.lock || undefined],
    ['municipality', filters.municipality || undefined],
    ['address', filters.address || undefined],
    ['createdFrom', dateBound(filters.createdFrom, zone, false)],
    ['createdTo', dateBound(filters.createdTo, zone, true)],
    ['sort', filters.sort],
    ['direction', filters.direction],
    ['cursor', filters.cursor || undefined],
  ];
  return Object.fromEntries(entries.filter(([, v]) => v !== undefined)) as CaseQueryInput;
}

/** The API's query parameters of a card query (lists repeat), for `/api/cases/export.xlsx`. */
export function apiParams(query: CaseQueryInput): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (key === 'limit' || key === 'cursor' || value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
    else params.set(key, String(value));
  }
  return params;
}

/** The statuses and lock filters a select box offers. */
export const statusCodes = caseStatusSchema.options;
export const lockCodes = lockFilterSchema.options;
