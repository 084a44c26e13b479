import {
  type CaseIndicatorQueryInput,
  type CaseIndicatorResult,
  type CaseStatus,
  type CloseReason,
  checkCaseIndicatorQuery,
  computeCaseIndicators,
  type Directory,
  type KeptCase,
  type Principal,
} from '@reshaem/core';
import { sql } from 'kysely';
import type { Db } from '../kernel/reads.js';

interface CardRow {
  status: string;
  region_code: string;
  category_id: string;
  executor_id: string | null;
  created_at: Date | string;
  reason: string | null;
  returns: string | number;
}

/**
 * The ОНФ card indicators: the cards in the viewer's scope created around the period (a day
 * either side in UTC covers every Russian zone), with the count of the curator's returns read
 * from each card's history through its primary key; the core's `computeCaseIndicators` then
 * keeps those created in the period in their region's local dates and counts them, as the
 * memory store does.
 */
export async function caseIndicators(
  db: Db,
  directory: Directory,
  input: CaseIndicatorQueryInput,
  viewer: Principal,
): Promise<CaseIndicatorResult> {
  const { query, scope } = checkCaseIndicatorQuery(input, viewer, directory);
  const where = [
    sql`c.created_at >= (${query.from}::date - 1)::timestamp AT TIME ZONE 'UTC'`,
    sql`c.created_at < (${query.to}::date + 2)::timestamp AT TIME ZONE 'UTC'`,
  ];
  if (!scope.all) {
    where.push(
      scope.executorId === null
        ? sql`c.region_code = ANY (${scope.regionCodes}::text[])`
        : sql`(c.region_code = ANY (${scope.regionCodes}::text[]) OR c.executor_id = ${scope.executorId})`,
    );
  }
  if (query.region !== undefined) where.push(sql`c.region_code = ${query.region}`);
  if (query.categoryId !== undefined) where.push(sql`c.category_id = ${query.categoryId}`);
  const { rows } = await sql<CardRow>`SELECT c.status, c.region_code, c.category_id,
      c.executor_id, c.created_at, c.snapshot -> 'context' -> 'closure' ->> 'reason' AS reason,
      (SELECT count(*) FROM case_history h WHERE h.case_id = c.id AND h.type = 'case.return')
        AS returns
    FROM cases c WHERE ${sql.join(where, sql` AND `)}`.execute(db);
  const kept: KeptCase[] = rows.map((row) => ({
    status: row.status as CaseStatus,
    context: {
      regionCode: row.region_code,
      categoryId: row.category_id,
      executorId: row.executor_id,
      createdAt: new Date(row.created_at).toISOString(),
      closure: row.reason === null ? null : { reason: row.reason as CloseReason },
    },
    history: Array.from({ length: Number(row.returns) }, () => ({ type: 'case.return' as const })),
  }));
  return computeCaseIndicators(kept, query, viewer, directory);
}
