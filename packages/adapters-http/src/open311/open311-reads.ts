import {
  isStorableText,
  type MessagePage,
  type MessageQueryInput,
  type MessageStatus,
  type MessageStore,
  messageStatuses,
  type StoredMessage,
  SYSTEM_PRINCIPAL,
  WorkflowRefusal,
} from '@reshaem/core';
import { badRequest, notFound } from './open311-errors.js';

const DAY = 86_400_000;
/** The widest date range one GET requests may ask for. */
export const MAX_RANGE_DAYS = 90;
const MAX_IDS = 200;
const PAGE = 200;

const allStatuses = Object.keys(messageStatuses) as MessageStatus[];
const finalStatuses = allStatuses.filter((s) => messageStatuses[s].final);
const openStatuses = allStatuses.filter((s) => !messageStatuses[s].final);

/** A W3C date and time with its zone (`Z` or ±hh:mm), as the specification requires. */
const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function instantParam(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = W3C.test(value) ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw badRequest(`${name} must be a date and time with its zone, e.g. 2025-01-15T11:18:00Z`);
  }
  return ms;
}

const list = (value: string | undefined): string[] | undefined =>
  value === undefined
    ? undefined
    : value
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '');

/** A public message in the store, or none. */
export async function publicMessage(
  store: MessageStore,
  id: string,
): Promise<StoredMessage | undefined> {
  if (id.length === 0 || id.length > 200 || !isStorableText(id)) return undefined;
  const stored = await store.get(id);
  return stored?.snapshot.context.isPublic ? stored : undefined;
}

/** The GET requests parameters, each at most once. */
export type RequestsParams = Partial<
  Record<
    | 'service_request_id'
    | 'service_code'
    | 'start_date'
    | 'end_date'
    | 'status'
    | 'jurisdiction_id',
    string
  >
>;

/**
 * GET requests: the public messages that match, newest first, at most `max`. Several
 * `service_request_id`s (comma-separated) override every other parameter, as the
 * specification says; otherwise the range runs from `start_date` to `end_date`, at most 90
 * days (the last 90 days without either), `status` is `open`, `closed` or both, and
 * `service_code` one or several services.
 */
export async function findRequests(
  store: MessageStore,
  params: RequestsParams,
  now: Date,
  max: number,
  jurisdictionRegion: (id: string) => string | undefined,
): Promise<StoredMessage[]> {
  const ids = list(params.service_request_id);
  if (ids !== undefined) {
    if (ids.length === 0 || ids.length > MAX_IDS) {
      throw badRequest(`service_request_id lists 1 to ${MAX_IDS} ids, comma-separated`);
    }
    const found = await Promise.all([...new Set(ids)].map((id) => publicMessage(store, id)));
    return found.filter((m): m is StoredMessage => m !== undefined);
  }
  const region =
    params.jurisdiction_id === undefined ? undefined : jurisdictionRegion(params.jurisdiction_id);
  if (params.jurisdiction_id !== undefined && region === undefined) {
    throw notFound(`jurisdiction_id ${params.jurisdiction_id} was not found`);
  }
  const query = requestsQuery(params, now);
  const out: StoredMessage[] = [];
  let cursor: string | undefined;
  do {
    const page = await listPage(store, {
      ...query,
      limit: PAGE,
      ...(cursor === undefined ? {} : { cursor }),
    });
    for (const item of page.items) {
      if (region === undefined || item.snapshot.context.regionCode === region) out.push(item);
      if (out.length >= max) return out;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return out;
}

/** One page of the store's list; a query the store refuses (a malformed code) is a 400. */
async function listPage(store: MessageStore, query: MessageQueryInput): Promise<MessagePage> {
  try {
    return await store.list(SYSTEM_PRINCIPAL, query);
  } catch (error) {
    if (error instanceof WorkflowRefusal) throw badRequest(error.message);
    throw error;
  }
}

/** The store query of GET requests without ids: public messages in the range. */
function requestsQuery(params: RequestsParams, now: Date): MessageQueryInput {
  let start = instantParam('start_date', params.start_date);
  let end = instantParam('end_date', params.end_date);
  if (start === undefined && end === undefined) end = now.getTime();
  if (start === undefined && end !== undefined) start = end - MAX_RANGE_DAYS * DAY;
  if (end === undefined && start !== undefined) end = start + MAX_RANGE_DAYS * DAY;
  const from = start as number;
  const to = end as number;
  if (from > to) throw badRequest('start_date must not be after end_date');
  if (to - from > MAX_RANGE_DAYS * DAY) {
    throw badRequest(`start_date and end_date are at most ${MAX_RANGE_DAYS} days apart`);
  }
  const query: MessageQueryInput = {
    isPublic: true,
    createdFrom: new Date(from).toISOString(),
    createdTo: new Date(to).toISOString(),
    sort: 'createdAt',
    direction: 'desc',
  };
  const statuses = list(params.status);
  if (statuses !== undefined) {
    const unknown = statuses.filter((s) => s !== 'open' && s !== 'closed');
    if (statuses.length === 0 || unknown.length > 0) {
      throw badRequest('status is open, closed, or both comma-separated');
    }
    query.statuses = [
      ...(statuses.includes('open') ? openStatuses : []),
      ...(statuses.includes('closed') ? finalStatuses : []),
    ];
  }
  const codes = list(params.service_code);
  if (codes !== undefined) {
    if (codes.length === 0 || codes.length > MAX_IDS || codes.some((c) => c.length > 200)) {
      throw badRequest(`service_code names 1 to ${MAX_IDS} services, comma-separated`);
    }
    query.subcategoryIds = codes;
  }
  return query;
}
