import { type CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { ReshaemDatabase } from '../src/index.js';

interface PlanNode {
  'Node Type': string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
}

/** Entries every scan of the plan read: those it returned and those its filters dropped. */
const readBy = (node: PlanNode): number =>
  (node['Node Type'].includes('Scan')
    ? node['Actual Rows'] * node['Actual Loops'] +
      (node['Rows Removed by Filter'] ?? 0) +
      (node['Rows Removed by Index Recheck'] ?? 0)
    : 0) + (node.Plans ?? []).reduce((sum, child) => sum + readBy(child), 0);

/**
 * A Kysely on the PostgreSQL database at `connectionString` (a `testDatabase`'s) that
 * remembers the statements it runs, and `pageReads`: how many index entries and rows the
 * last list's page query reads, by EXPLAIN ANALYZE.
 */
export function plannedDb(connectionString: string) {
  const pool = new pg.Pool({ connectionString, max: 2 });
  const seen: CompiledQuery[] = [];
  const db = new Kysely<ReshaemDatabase>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query') seen.push(event.query);
    },
  });
  /** Runs `list`, then what its page query reads. */
  async function pageReads<T>(list: () => Promise<T>): Promise<{ page: T; reads: number }> {
    seen.length = 0;
    const page = await list();
    const statement = seen.find((q) => q.sql.includes('AS page'));
    if (!statement) throw new Error('no page query');
    const { rows } = await pool.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${statement.sql}`,
      [...statement.parameters],
    );
    const plan = rows[0]?.['QUERY PLAN'][0]?.Plan;
    if (!plan) throw new Error('no plan');
    return { page, reads: readBy(plan) };
  }
  return { db, pageReads };
}
