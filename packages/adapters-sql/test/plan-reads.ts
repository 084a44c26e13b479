import { type CompiledQuery, Kysely, PostgresDialect, type RawBuilder, sql } from 'kysely';
import pg from 'pg';
import { writeFixture } from '../../core/test/store-contract/fixture.js';
import { storeOptions } from '../../core/test/store-contract/setup.js';
import { createSqlStore, migrate, type ReshaemDatabase } from '../src/index.js';
import { backfillFolderRollups } from '../src/migrations/016-folder-rollups.js';
import { testDatabase } from './databases.js';

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
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

/** The indexes the plan's scans read (a sequential scan counts as `seq:<table>`). */
const indexesOf = (node: PlanNode): string[] => [
  ...(node['Index Name'] ? [node['Index Name']] : []),
  ...(node['Node Type'] === 'Seq Scan' ? [`seq:${node['Relation Name']}`] : []),
  ...(node.Plans ?? []).flatMap(indexesOf),
];

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
  /** Runs `list`, then what its page query reads, and from which indexes. */
  async function pageReads<T>(
    list: () => Promise<T>,
  ): Promise<{ page: T; reads: number; indexes: string[] }> {
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
    return { page, reads: readBy(plan), indexes: [...new Set(indexesOf(plan))].sort() };
  }
  return { db, pageReads };
}

/** The columns a copy of a fixture message fills, in the order of `copies`'s `SELECT`. */
const COPIED_COLUMNS = sql.raw(`id, version, status, folder, number, holding_org_id,
  received_org_id, executor_id, applicant_user_id, channel, category_id, subcategory_id,
  fact_id, region_code, fast_track, overdue, created_at, updated_at, registered_at,
  response_due_at, search_text, snapshot, delegated_by_autorule, response_due_sort,
  definition_version, deadline_state, rework, extension_pending, law_type, applicant_search,
  location_lat, location_lon, is_public`);

/**
 * `count` copies of the fixture message `from` (`m`), numbered `g`, each row as `select`
 * makes it from `m` and `g` in the order of the copied columns.
 */
export const copies = (from: string, count: number, select: RawBuilder<unknown>) => sql`
  INSERT INTO messages (${COPIED_COLUMNS})
  SELECT ${select}
  FROM messages AS m, generate_series(1, ${count}) AS g
  WHERE m.id = ${from}`;

/**
 * The folder counts recounted from `messages`, as the store's writes would have kept them had
 * they written the noise: `folder_counts`, the platform-wide `folder_rollups` (in shard 0, as
 * migration 016 derives them), and the tree roll-ups set aside (the state's fingerprint
 * cleared), so that tree scopes count from `folder_counts`. The lists choose their plans from
 * these counts.
 */
async function recountFolders(db: Kysely<ReshaemDatabase>) {
  await sql`DELETE FROM folder_counts`.execute(db);
  await sql`INSERT INTO folder_counts (holding_org_id, received_org_id, operator_entered, folder, n)
    SELECT holding_org_id, received_org_id, channel = 'operator', folder, count(*)
    FROM messages GROUP BY 1, 2, 3, 4`.execute(db);
  await sql`DELETE FROM folder_rollups`.execute(db);
  await sql.raw(backfillFolderRollups).execute(db);
  await sql`UPDATE tree_rollup_state SET tree = ''`.execute(db);
}

/**
 * A plan test's world: a database of its own, migrated, a SQL store on a `plannedDb` holding
 * the store contract's fixture, then `noise` inserted, the folder counts recounted and the table vacuumed and analysed so
 * that the planner sees the rows as a running system's (mostly all-visible). With
 * `heldSnapshot`, another connection holds a `REPEATABLE READ` transaction open from before
 * the fixture until `drop`: VACUUM can then mark no page all-visible, as in a database where
 * a report or a forgotten session keeps a snapshot.
 */
export async function plannedStore(
  label: string,
  noise: RawBuilder<unknown>,
  { heldSnapshot = false }: { heldSnapshot?: boolean } = {},
) {
  const database = await testDatabase(label);
  const { db, pageReads } = plannedDb(database.url);
  await migrate(db);
  const holder = heldSnapshot ? new pg.Client({ connectionString: database.url }) : undefined;
  if (holder) {
    await holder.connect();
    await holder.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    await holder.query('SELECT count(*) FROM messages');
  }
  const store = await createSqlStore({ ...storeOptions(), db });
  await writeFixture(store);
  await noise.execute(db);
  await recountFolders(db);
  await sql`VACUUM ANALYZE messages`.execute(db);
  return {
    store,
    /** The store's database, to set a scene beside the store's writes. */
    db,
    pageReads,
    /** The share of the table's pages VACUUM marked all-visible, as the planner sees it. */
    async allVisibleShare(): Promise<number> {
      const { rows } = await sql<{ share: number }>`
        SELECT relallvisible::float8 / greatest(relpages, 1) AS share FROM pg_class
        WHERE oid = 'messages'::regclass`.execute(db);
      return rows[0]?.share ?? 0;
    },
    async drop() {
      await holder?.end();
      await db.destroy();
      await database.drop();
    },
  };
}
