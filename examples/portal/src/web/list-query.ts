import {
  addCalendarDays,
  answeredStatuses,
  endOfLocalDay,
  type Folder,
  folderLabels,
  type MessageQueryInput,
  type MessageStatus,
  messageStatuses,
  parseQuery,
  type Queue,
  queueLabels,
  type SortField,
  type SourceFilter,
  sortFieldSchema,
  sourceFilterSchema,
} from '@reshaem/core';

type YesNo = '' | 'yes' | 'no';

/**
 * The backoffice filters as the form holds them (strings; '' = any). Every filter of SPEC §7
 * is here; dates are `YYYY-MM-DD` days in the viewer's zone.
 */
export interface ListFilters {
  folder: Folder | '';
  queue: Queue | '';
  status: MessageStatus | '';
  fastTrack: YesNo;
  overdue: YesNo;
  /** An answer approved: the message is in one of {@link ANSWERED_STATUSES} (or not). */
  answered: YesNo;
  delegated: YesNo;
  appeal59fz: YesNo;
  /** «Оценён»: the applicant rated an answer of the message (any of them), or none yet. */
  rated: YesNo;
  /** «Оценка»: scores '1'…'5' (several); a message matches if any of its ratings gave one. */
  ratingScores: string[];
  /** «На повторном рассмотрении был»: sent to re-review at least once (or never). */
  reReviewed: YesNo;
  source: SourceFilter;
  /** Several: the form's multiple select. */
  categories: string[];
  facts: string[];
  org: string;
  executor: string;
  text: string;
  createdFrom: string;
  createdTo: string;
  dueFrom: string;
  dueTo: string;
  sort: SortField;
  direction: 'asc' | 'desc';
  cursor: string;
  /** '1': the cursor is the first row of the page after the wanted one (paging back). */
  back: '' | '1';
  /** The number of the page's first row, 1 on the first page (carried, not counted). */
  from: string;
  /** Page size as text; '' = the default. */
  limit: string;
}

export const PAGE_SIZE = 20;

/** The dashboard's «answered» figures link to the list filtered by the core's statuses. */
export const ANSWERED_STATUSES: readonly MessageStatus[] = answeredStatuses;

const LISTS = ['categories', 'facts', 'ratingScores'] as const;
const SCORES = ['1', '2', '3', '4', '5'] as const;
const DEFAULTS: Partial<Record<keyof ListFilters, string>> = {
  source: 'all',
  sort: 'createdAt',
  direction: 'desc',
  from: '1',
};

const oneOf = <T extends string>(value: string | undefined, allowed: readonly T[], or: T): T =>
  allowed.includes(value as T) ? (value as T) : or;
const yesNo = (value: string | undefined) => oneOf(value, ['', 'yes', 'no'] as const, '');
const asBoolean = (value: YesNo) => (value === '' ? undefined : value === 'yes');
const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);
const text = (value: string | undefined, max = 200) => (value ?? '').trim().slice(0, max);

/** Reads the filters from the page's query string; unknown values fall back to «any». */
export function readFilters(params: URLSearchParams): ListFilters {
  const get = (name: string) => params.get(name) ?? undefined;
  const many = (name: string) =>
    params
      .getAll(name)
      .map((v) => v.trim().slice(0, 200))
      .filter((v) => v !== '')
      .slice(0, 50);
  const date = (name: string) => (isDate(get(name) ?? '') ? (get(name) as string) : '');
  return {
    folder: oneOf(get('folder'), ['', ...(Object.keys(folderLabels) as Folder[])], ''),
    queue: oneOf(get('queue'), ['', ...(Object.keys(queueLabels) as Queue[])], ''),
    status: oneOf(get('status'), ['', ...(Object.keys(messageStatuses) as MessageStatus[])], ''),
    fastTrack: yesNo(get('fastTrack')),
    overdue: yesNo(get('overdue')),
    answered: yesNo(get('answered')),
    delegated: yesNo(get('delegated')),
    appeal59fz: yesNo(get('appeal59fz')),
    rated: yesNo(get('rated')),
    ratingScores: SCORES.filter((score) => params.getAll('ratingScores').includes(score)),
    reReviewed: yesNo(get('reReviewed')),
    source: oneOf(get('source'), sourceFilterSchema.options, 'all'),
    categories: many('categories'),
    facts: many('facts'),
    org: text(get('org')),
    executor: text(get('executor')),
    text: text(get('text')),
    createdFrom: date('createdFrom'),
    createdTo: date('createdTo'),
    dueFrom: date('dueFrom'),
    dueTo: date('dueTo'),
    sort: oneOf(get('sort'), sortFieldSchema.options, 'createdAt'),
    direction: oneOf(get('direction'), ['asc', 'desc'] as const, 'desc'),
    cursor: text(get('cursor'), 500),
    back: get('back') === '1' ? '1' : '',
    from: /^\d{1,7}$/.test(get('from') ?? '') ? String(Math.max(1, Number(get('from')))) : '1',
    limit: /^\d{1,3}$/.test(get('limit') ?? '') ? (get('limit') as string) : '',
  };
}

/** The first instant of a local day, and its last minute (as deadlines end at 23:59). */
const dayStart = (date: string, zone: string) =>
  new Date(Date.parse(endOfLocalDay(addCalendarDays(date, -1), zone)) + 60_000).toISOString();

/**
 * The store query for the filters, checked by the core's schema (`WorkflowRefusal` if not).
 * Dates are whole days in `zone`; paging back asks the opposite order from the cursor (the
 * caller turns the page round).
 */
export function toQuery(filters: ListFilters, zone: string): MessageQueryInput {
  const back = filters.back === '1' && filters.cursor !== '';
  const direction = back ? (filters.direction === 'asc' ? 'desc' : 'asc') : filters.direction;
  const query: MessageQueryInput = {
    source: filters.source,
    sort: filters.sort,
    direction,
    limit: pageSize(filters),
    withTotal: true,
  };
  if (filters.folder) query.folder = filters.folder;
  if (filters.queue) query.queue = filters.queue;
  if (filters.status) query.statuses = [filters.status];
  if (filters.answered) {
    const answered = filters.answered === 'yes';
    const asked = filters.status ? [filters.status] : Object.keys(messageStatuses);
    query.statuses = (asked as MessageStatus[]).filter(
      (s) => ANSWERED_STATUSES.includes(s) === answered,
    );
  }
  if (filters.categories.length > 0) query.categoryIds = filters.categories;
  if (filters.facts.length > 0) query.factIds = filters.facts;
  if (filters.ratingScores.length > 0) query.ratingScores = filters.ratingScores.map(Number);
  if (filters.org) query.orgIds = [filters.org];
  if (filters.executor) query.executorIds = [filters.executor];
  if (filters.text) query.text = filters.text;
  if (filters.cursor) query.cursor = filters.cursor;
  if (filters.createdFrom) query.createdFrom = dayStart(filters.createdFrom, zone);
  if (filters.createdTo) query.createdTo = endOfLocalDay(filters.createdTo, zone);
  if (filters.dueFrom) query.responseDueFrom = dayStart(filters.dueFrom, zone);
  if (filters.dueTo) query.responseDueTo = endOfLocalDay(filters.dueTo, zone);
  const flags = {
    fastTrack: asBoolean(filters.fastTrack),
    overdue: asBoolean(filters.overdue),
    delegatedByAutorule: asBoolean(filters.delegated),
    appeal59fz: asBoolean(filters.appeal59fz),
    rated: asBoolean(filters.rated),
    reReviewed: asBoolean(filters.reReviewed),
  };
  for (const [key, value] of Object.entries(flags)) {
    if (value !== undefined) (query as Record<string, unknown>)[key] = value;
  }
  return parseQuery(query);
}

/** Rows a page shows. */
export const pageSize = (filters: Pick<ListFilters, 'limit'>): number =>
  filters.limit ? Math.min(Math.max(Number(filters.limit), 1), 100) : PAGE_SIZE;

/** The filters as URL parameters, defaults left out (the lists repeat their parameter). */
export function filterParams(filters: ListFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters) as [keyof ListFilters, unknown][]) {
    if ((LISTS as readonly string[]).includes(key)) {
      for (const v of value as string[]) params.append(key, v);
    } else if (value !== '' && DEFAULTS[key] !== value) {
      params.set(key, value as string);
    }
  }
  return params;
}

/**
 * The page's URL with some filters changed. A new folder, filter or sort starts at page one:
 * the cursor, the way back and the row number go unless `changes` sets them.
 */
export function listUrl(filters: ListFilters, changes: Partial<ListFilters>): string {
  const next = { ...filters, cursor: '', back: '', from: '1', ...changes } as ListFilters;
  const search = filterParams(next).toString();
  return search ? `/backoffice?${search}` : '/backoffice';
}

/** No filter at all, in the same folder or queue: what «Сбросить» links to. */
export const resetFilters = (filters: ListFilters): ListFilters =>
  readFilters(
    new URLSearchParams({
      ...(filters.folder ? { folder: filters.folder } : {}),
      ...(filters.queue ? { queue: filters.queue } : {}),
    }),
  );
