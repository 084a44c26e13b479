import {
  type Directory,
  decodeCursor,
  encodeCursor,
  invalidPayload,
  type MessagePage,
  type MessageQuery,
  type MessageQueryInput,
  type Principal,
  parseQuery,
  type QueryViewer,
  queryViewerOf,
  type SortField,
  sortValueOf,
  sourceChannels,
  viewScopeOf,
  WorkflowRefusal,
} from '@reshaem/core';
import { type RawBuilder, sql } from 'kysely';
import { likeContaining, searchTextOf } from '../kernel/columns.js';
import { type Db, toStoredMessage } from '../kernel/reads.js';
import { visibleOnMessages } from '../kernel/scope-sql.js';
import { queueConditions } from './counts.js';
import { foldersOfStatuses, readsLiveSet, readsSmallScope } from './list-narrowing.js';
import { ratingFilters } from './list-rating-filters.js';

const sortColumns: Record<SortField, string> = {
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  registeredAt: 'registered_at',
  responseDueAt: 'response_due_sort',
};

const anyOf = (column: string, values: readonly string[]) =>
  sql<boolean>`${sql.ref(column)} = ANY (${values}::text[])`;

/** Every filter of the query as SQL conditions: `matchesQuery`, in SQL. */
function filtersOf(query: MessageQuery, viewer: QueryViewer): RawBuilder<boolean>[] {
  const where: RawBuilder<boolean>[] = [];
  if (query.folder) where.push(sql<boolean>`folder = ${query.folder}`);
  if (query.queue) where.push(queueConditions(viewer.id)[query.queue]);
  if (query.ids) where.push(anyOf('id', query.ids));
  if (query.appeal59fz !== undefined) {
    where.push(sql<boolean>`(law_type = 'appeal_59fz') = ${query.appeal59fz}`);
  }
  if (query.statuses) {
    where.push(anyOf('status', query.statuses));
    // One folder as `=`: a sort walk can follow `folder = x` in `(folder, …)` indexes in
    // order, not `folder = ANY (…)`.
    const folders = foldersOfStatuses(query.statuses);
    where.push(
      folders.length === 1 ? sql<boolean>`folder = ${folders[0]}` : anyOf('folder', folders),
    );
  }
  if (query.orgIds) where.push(anyOf('holding_org_id', query.orgIds));
  if (query.executorIds) where.push(anyOf('executor_id', query.executorIds));
  if (query.categoryIds) where.push(anyOf('category_id', query.categoryIds));
  if (query.subcategoryIds) where.push(anyOf('subcategory_id', query.subcategoryIds));
  if (query.factIds) where.push(anyOf('fact_id', query.factIds));
  if (query.source !== 'all') where.push(anyOf('channel', sourceChannels[query.source]));
  if (query.channels) where.push(anyOf('channel', query.channels));
  if (query.fastTrack !== undefined) where.push(sql<boolean>`fast_track = ${query.fastTrack}`);
  if (query.overdue !== undefined) where.push(sql<boolean>`overdue = ${query.overdue}`);
  if (query.isPublic !== undefined) where.push(sql<boolean>`is_public = ${query.isPublic}`);
  if (query.delegatedByAutorule !== undefined) {
    where.push(sql<boolean>`delegated_by_autorule = ${query.delegatedByAutorule}`);
  }
  where.push(...ratingFilters(query));
  if (query.responseDueFrom) {
    where.push(sql<boolean>`response_due_at >= ${query.responseDueFrom}::timestamptz`);
  }
  if (query.responseDueTo) {
    where.push(sql<boolean>`response_due_at <= ${query.responseDueTo}::timestamptz`);
  }
  if (query.text) {
    // Lower-cased in JavaScript as the text column was; the number matches as typed.
    const folded = likeContaining(searchTextOf(query.text));
    const inName = viewer.searchesNames ? sql`OR applicant_search LIKE ${folded}` : sql``;
    where.push(sql<boolean>`(search_text LIKE ${folded}
      OR number LIKE ${likeContaining(query.text)} ${inName})`);
  }
  if (query.createdFrom) where.push(sql<boolean>`created_at >= ${query.createdFrom}::timestamptz`);
  if (query.createdTo) where.push(sql<boolean>`created_at <= ${query.createdTo}::timestamptz`);
  if (query.bbox) {
    const { minLon, minLat, maxLon, maxLat } = query.bbox;
    where.push(sql<boolean>`location_lon BETWEEN ${minLon}::float8 AND ${maxLon}::float8
      AND location_lat BETWEEN ${minLat}::float8 AND ${maxLat}::float8`);
  }
  return where;
}

/** The page after the cursor, in the query's order (the core's sort value, id breaks ties). */
function keysetOf(query: MessageQuery): RawBuilder<boolean> | undefined {
  if (query.cursor === undefined) return undefined;
  const cursor = decodeCursor(query.cursor);
  // A missing date sorts as '' in the core and as -infinity here: both first.
  const value = cursor?.value === '' ? '-infinity' : cursor?.value;
  if (
    !cursor ||
    value === undefined ||
    (value !== '-infinity' && Number.isNaN(Date.parse(value)))
  ) {
    throw new WorkflowRefusal(
      invalidPayload([{ path: ['cursor'], message: 'Повреждённый курсор' }]),
    );
  }
  const column = sql.ref(sortColumns[query.sort]);
  const after = query.direction === 'asc' ? sql`>` : sql`<`;
  return sql<boolean>`(${column}, id) ${after} (${value}::timestamptz, ${cursor.id}::text)`;
}

/**
 * One page of the messages a viewer may see that match the query: the view scope and the
 * filters become a WHERE clause, the sort an ORDER BY over an index, the cursor a keyset
 * condition. Cursors are the core's, so pages from any store read alike. A small scope is
 * read whole (`readsSmallScope`); `countsReady` runs before its count (the store's tree
 * roll-up step).
 */
export async function listMessages(
  db: Db,
  directory: Directory,
  viewer: Principal,
  input: MessageQueryInput,
  countsReady: () => Promise<void> = async () => {},
): Promise<MessagePage> {
  const query = parseQuery(input);
  const scope = viewScopeOf(viewer, directory);
  const filters = [visibleOnMessages(scope), ...filtersOf(query, queryViewerOf(viewer))];
  const where = [...filters];
  const keyset = keysetOf(query);
  if (keyset) where.push(keyset);
  const column = sql.ref(sortColumns[query.sort]);
  const direction = query.direction === 'asc' ? sql`ASC` : sql`DESC`;
  const matching = sql`SELECT id, ${column} AS sort_value FROM messages
    WHERE ${sql.join(where, sql` AND `)}`;
  // A live set or a small scope is read whole, then sorted: `OFFSET 0` keeps the planner from
  // merging the subquery into the sorted, limited one and walking a sort index instead.
  const whole =
    readsLiveSet(query, scope) ||
    (await readsSmallScope(db, directory, viewer, scope, query.limit + 1, countsReady));
  const ids = whole
    ? sql`SELECT id, sort_value FROM (${matching} OFFSET 0) AS live
      ORDER BY sort_value ${direction}, id ${direction}`
    : sql`${matching} ORDER BY ${column} ${direction}, id ${direction}`;
  // Page through ids first, inside the scope index where it can; then fetch the rows.
  const { rows } = await sql<{ id: string; version: number; status: string; snapshot: unknown }>`
    SELECT m.id, m.version, m.status, m.snapshot
    FROM (${ids} LIMIT ${query.limit + 1}) AS page
    JOIN messages AS m ON m.id = page.id
    ORDER BY page.sort_value ${direction}, page.id ${direction}`.execute(db);
  const items = rows.slice(0, query.limit).map(toStoredMessage);
  const last = items.at(-1);
  const nextCursor =
    rows.length > query.limit && last
      ? encodeCursor({ value: sortValueOf(last.snapshot.context, query.sort), id: last.id })
      : null;
  if (!query.withTotal) return { items, nextCursor };
  const counted = await sql<{ n: number }>`
    SELECT count(*)::integer AS n FROM messages WHERE ${sql.join(filters, sql` AND `)}`.execute(db);
  return { items, nextCursor, total: counted.rows[0]?.n ?? 0 };
}
