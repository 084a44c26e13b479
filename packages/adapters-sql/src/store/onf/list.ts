import {
  type CasePage,
  type CaseQuery,
  type CaseQueryInput,
  caseCursorOf,
  caseViewScopeOf,
  type Directory,
  decodeCursor,
  type Principal,
  parseCaseQuery,
  phoneDigits,
} from '@reshaem/core';
import { type RawBuilder, sql } from 'kysely';
import { likeContaining, searchTextOf } from '../kernel/columns.js';
import type { Db } from '../kernel/reads.js';
import { toCaseHistory, toStoredCase } from './columns.js';

type Where = RawBuilder<boolean>;
const anyOf = (column: string, values: readonly string[]): Where =>
  sql<boolean>`${sql.ref(column)} = ANY (${values}::text[])`;
const containing = (column: string, text: string): Where =>
  sql<boolean>`${sql.ref(column)} LIKE ${likeContaining(searchTextOf(text))}`;

/** The lock filter: `matchesLock`, in SQL. */
function lockWhere(query: CaseQuery, viewerId: string): Where | undefined {
  switch (query.lock) {
    case undefined:
      return undefined;
    case 'free':
      return sql<boolean>`lock_holder_id IS NULL`;
    case 'held':
      return sql<boolean>`lock_holder_id IS NOT NULL`;
    case 'mine':
      return sql<boolean>`lock_holder_id = ${viewerId}`;
    case 'others':
      return sql<boolean>`lock_holder_id <> ${viewerId}`;
    case 'mine_or_free':
      return sql<boolean>`(lock_holder_id IS NULL OR lock_holder_id = ${viewerId})`;
  }
}

/** Every filter of the query as SQL conditions: `matchesCaseQuery`, in SQL. */
function filtersOf(query: CaseQuery, viewerId: string): Where[] {
  const where: Where[] = [];
  const q = query;
  if (q.number !== undefined) where.push(sql<boolean>`number = ${q.number}`);
  if (q.statuses) where.push(anyOf('status', q.statuses));
  const lock = lockWhere(q, viewerId);
  if (lock) where.push(lock);
  if (q.applicantName) where.push(containing('applicant_search', q.applicantName));
  const phone = q.phone ? phoneDigits(q.phone) : '';
  if (phone) where.push(sql<boolean>`phone_digits LIKE ${likeContaining(phone)}`);
  if (q.text) where.push(containing('search_text', q.text));
  if (q.contactedBefore !== undefined) {
    where.push(sql<boolean>`contacted_before = ${q.contactedBefore}`);
  }
  if (q.urgent !== undefined) where.push(sql<boolean>`urgent = ${q.urgent}`);
  if (q.channels) where.push(anyOf('channel', q.channels));
  if (q.federalDistricts) where.push(anyOf('federal_district', q.federalDistricts));
  if (q.regionCodes) where.push(anyOf('region_code', q.regionCodes));
  if (q.municipality) where.push(containing('municipality_search', q.municipality));
  if (q.address) where.push(containing('address_search', q.address));
  if (q.categoryTypes) where.push(anyOf('category_type', q.categoryTypes));
  if (q.categoryIds) where.push(anyOf('category_id', q.categoryIds));
  if (q.subcategoryIds) where.push(anyOf('subcategory_id', q.subcategoryIds));
  if (q.executorIds) where.push(anyOf('executor_id', q.executorIds));
  if (q.orgIds) where.push(anyOf('org_id', q.orgIds));
  if (q.createdFrom) where.push(sql<boolean>`created_at >= ${q.createdFrom}::timestamptz`);
  if (q.createdTo) where.push(sql<boolean>`created_at <= ${q.createdTo}::timestamptz`);
  if (q.labelsPresent) where.push(sql<boolean>`labels @> ${q.labelsPresent}::text[]`);
  if (q.labelsAbsent) where.push(sql<boolean>`NOT (labels && ${q.labelsAbsent}::text[])`);
  if (q.sourceId !== undefined) where.push(sql<boolean>`source_id = ${q.sourceId}`);
  return where;
}

/** The viewer's scope (`isCaseVisible`), in SQL. */
function scopeOf(viewer: Principal, directory: Directory): Where {
  const scope = caseViewScopeOf(viewer, directory);
  if (scope.all) return sql<boolean>`true`;
  const parts: Where[] = [anyOf('region_code', scope.regionCodes)];
  if (scope.executorId !== null) parts.push(sql<boolean>`executor_id = ${scope.executorId}`);
  return sql<boolean>`(${sql.join(parts, sql` OR `)})`;
}

/**
 * One page of the cards a viewer may see that match the query (SPEC §9): scope and filters
 * as a WHERE clause, the sort as ORDER BY, the core's cursor as a keyset condition.
 */
export async function listCases(
  db: Db,
  directory: Directory,
  viewer: Principal,
  input: CaseQueryInput,
): Promise<CasePage> {
  const query = parseCaseQuery(input);
  const where = [scopeOf(viewer, directory), ...filtersOf(query, viewer.id)];
  const column = sql.ref(query.sort === 'createdAt' ? 'created_at' : 'updated_at');
  const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  if (cursor) {
    const after = query.direction === 'asc' ? sql`>` : sql`<`;
    where.push(
      sql<boolean>`(${column}, id) ${after} (${cursor.value}::timestamptz, ${cursor.id}::text)`,
    );
  }
  const direction = query.direction === 'asc' ? sql`ASC` : sql`DESC`;
  const { rows } = await sql<{ id: string; version: number; status: string; snapshot: unknown }>`
    SELECT id, version, status, snapshot FROM cases
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY ${column} ${direction}, id ${direction}
    LIMIT ${query.limit + 1}`.execute(db);
  const items = rows.slice(0, query.limit).map(toStoredCase);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > query.limit && last ? caseCursorOf(last, query) : null,
  };
}

export async function getCase(db: Db, caseId: string) {
  const { rows } = await sql<{ id: string; version: number; status: string; snapshot: unknown }>`
    SELECT id, version, status, snapshot FROM cases WHERE id = ${caseId}`.execute(db);
  return rows[0] && toStoredCase(rows[0]);
}

export async function caseHistory(db: Db, caseId: string) {
  const { rows } = await sql<{ version: number; record: unknown }>`
    SELECT version, record FROM case_history WHERE case_id = ${caseId} ORDER BY version`.execute(
    db,
  );
  return rows.map(toCaseHistory);
}
