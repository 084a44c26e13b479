import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { type MessageWorkflow, migrateSnapshots, posWorkflow } from '@reshaem/core';
import type { Kysely } from 'kysely';
import type { ReshaemDatabase } from '../database.js';
import { loadDirectory } from '../directory.js';
import { migrate } from '../migrations/migrate.js';
import { createPgliteKysely } from '../pglite-kysely.js';
import { createPostgresKysely } from '../postgres-kysely.js';
import { createSqlStore } from '../store/create-sql-store.js';

const usage = `usage: reshaem-migrate-snapshots [--database-url URL | --pglite DIR] [--schema NAME]
  [--workflow MODULE] [--batch-size N]

Migrates stored message snapshots of every definition version the workflow declares
'migrate' (see docs/versioning.md). MODULE exports \`workflow\` (a MessageWorkflow; the
release's posWorkflow when absent). The database is DATABASE_URL unless given. Prints one
JSON line per page ({"progress": …}) and a last one ({"done": …}); exit code 0 when every
message was migrated, 1 when some were left (see "failed"), 2 on bad arguments.`;

/** Where the CLI writes its lines (stdout and stderr by default). */
export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

async function loadWorkflow(module: string | undefined): Promise<MessageWorkflow> {
  if (module === undefined) return posWorkflow;
  const loaded = (await import(pathToFileURL(resolve(module)).href)) as {
    workflow?: MessageWorkflow;
  };
  if (typeof loaded.workflow?.upgrade !== 'function') {
    throw new TypeError(`${module} exports no \`workflow\` (a MessageWorkflow)`);
  }
  return loaded.workflow;
}

function openDb(values: {
  'database-url'?: string | undefined;
  pglite?: string | undefined;
  schema?: string | undefined;
}): Kysely<ReshaemDatabase> {
  if (values.pglite !== undefined) return createPgliteKysely({ dataDir: values.pglite });
  const connectionString = values['database-url'] ?? process.env.DATABASE_URL;
  if (!connectionString) throw new TypeError('no database: pass --database-url or --pglite');
  return createPostgresKysely({
    connectionString,
    max: 2,
    ...(values.schema === undefined ? {} : { searchPath: values.schema }),
  });
}

/**
 * The `reshaem-migrate-snapshots` command: opens the database, brings the schema up to date,
 * and runs {@link migrateSnapshots} with the workflow module's definitions, printing progress
 * as JSON lines. Stops cleanly between two messages on SIGINT/SIGTERM (`signal`); a rerun,
 * or a run after `kill -9`, continues where it stopped. Returns the exit code.
 *
 * @example
 * // reshaem-migrate-snapshots --workflow ./dist/workflow-v2.js --batch-size 200
 * process.exitCode = await runMigrateSnapshotsCli(process.argv.slice(2));
 */
export async function runMigrateSnapshotsCli(
  argv: readonly string[],
  output: CliOutput = {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  },
  signal?: AbortSignal,
): Promise<number> {
  let values: ReturnType<typeof parse>['values'];
  const parse = (args: string[]) =>
    parseArgs({
      args,
      options: {
        'database-url': { type: 'string' },
        pglite: { type: 'string' },
        schema: { type: 'string' },
        workflow: { type: 'string' },
        'batch-size': { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
    });
  try {
    values = parse([...argv]).values;
  } catch (error) {
    output.err(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  if (values.help) {
    output.out(usage);
    return 0;
  }
  const batchSize = values['batch-size'] === undefined ? 100 : Number(values['batch-size']);
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    output.err(`--batch-size must be a positive integer\n${usage}`);
    return 2;
  }
  let workflow: MessageWorkflow;
  let db: Kysely<ReshaemDatabase>;
  try {
    workflow = await loadWorkflow(values.workflow);
    db = openDb(values);
  } catch (error) {
    output.err(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  try {
    await migrate(db);
    const store = await createSqlStore({ db, directory: await loadDirectory(db), workflow });
    output.out(JSON.stringify({ counts: await store.countByDefinition() }));
    const report = await migrateSnapshots(store, workflow, {
      batchSize,
      at: new Date().toISOString(),
      onProgress: (progress) => output.out(JSON.stringify({ progress })),
      ...(signal ? { signal } : {}),
    });
    output.out(JSON.stringify({ done: report, counts: await store.countByDefinition() }));
    return report.failed.length === 0 && !report.aborted ? 0 : 1;
  } finally {
    await db.destroy();
  }
}
