import {
  type Folder,
  folderLabels,
  type MessageQueryInput,
  type MessageStatus,
  messageStatuses,
  parseQuery,
  type SortField,
} from '@reshaem/core';

/** The backoffice filters as the form holds them (strings; '' = any). */
export interface ListFilters {
  folder: Folder | '';
  status: MessageStatus | '';
  fastTrack: '' | 'yes' | 'no';
  overdue: '' | 'yes' | 'no';
  source: 'all' | 'site' | 'epgu';
  category: string;
  text: string;
  sort: SortField;
  direction: 'asc' | 'desc';
  cursor: string;
  /** Page size as text; '' = the default. */
  limit: string;
}

export const PAGE_SIZE = 20;

const oneOf = <T extends string>(value: string | undefined, allowed: readonly T[], or: T): T =>
  allowed.includes(value as T) ? (value as T) : or;

const yesNo = (value: string | undefined) => oneOf(value, ['', 'yes', 'no'] as const, '');
const asBoolean = (value: '' | 'yes' | 'no') => (value === '' ? undefined : value === 'yes');

/** Reads the filters from the page's query string; unknown values fall back to «any». */
export function readFilters(params: URLSearchParams): ListFilters {
  const get = (name: string) => params.get(name) ?? undefined;
  return {
    folder: oneOf(get('folder'), ['', ...(Object.keys(folderLabels) as Folder[])], ''),
    status: oneOf(get('status'), ['', ...(Object.keys(messageStatuses) as MessageStatus[])], ''),
    fastTrack: yesNo(get('fastTrack')),
    overdue: yesNo(get('overdue')),
    source: oneOf(get('source'), ['all', 'site', 'epgu'] as const, 'all'),
    category: (get('category') ?? '').slice(0, 200),
    text: (get('text') ?? '').trim().slice(0, 200),
    sort: oneOf(get('sort'), ['createdAt', 'updatedAt', 'registeredAt'] as const, 'createdAt'),
    direction: oneOf(get('direction'), ['asc', 'desc'] as const, 'desc'),
    cursor: (get('cursor') ?? '').slice(0, 500),
    limit: /^\d{1,3}$/.test(get('limit') ?? '') ? (get('limit') as string) : '',
  };
}

/** The store query for the filters, checked by the core's schema (`WorkflowRefusal` if not). */
export function toQuery(filters: ListFilters): MessageQueryInput {
  const query: MessageQueryInput = {
    source: filters.source,
    sort: filters.sort,
    direction: filters.direction,
    limit: filters.limit ? Math.min(Math.max(Number(filters.limit), 1), 100) : PAGE_SIZE,
  };
  if (filters.folder) query.folder = filters.folder;
  if (filters.status) query.statuses = [filters.status];
  if (filters.category) query.categoryIds = [filters.category];
  if (filters.text) query.text = filters.text;
  if (filters.cursor) query.cursor = filters.cursor;
  const fastTrack = asBoolean(filters.fastTrack);
  if (fastTrack !== undefined) query.fastTrack = fastTrack;
  const overdue = asBoolean(filters.overdue);
  if (overdue !== undefined) query.overdue = overdue;
  return parseQuery(query);
}

/** The page's URL with some filters changed (a new folder or sort starts at page one). */
export function listUrl(filters: ListFilters, changes: Partial<ListFilters>): string {
  const next = { ...filters, cursor: '', ...changes };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(next)) {
    const isDefault =
      value === '' ||
      (key === 'source' && value === 'all') ||
      (key === 'sort' && value === 'createdAt') ||
      (key === 'direction' && value === 'desc');
    if (!isDefault) params.set(key, value);
  }
  const search = params.toString();
  return search ? `/backoffice?${search}` : '/backoffice';
}
