/**
 * `npm run bench:scale [-- --size 1000000] [--schema scale] [--no-fill] [--no-measure]
 * [--compare s100k,…] [--parts lists,counts,timers,export] [--no-migrate]
 * [--history-lines 2]`: fills PostgreSQL (DATABASE_URL) with messages copied from real store
 * writes, checks a sample through the SQL store, and measures lists, counts, the export and
 * timer claims at that size. Size by `--size` or SCALE_SIZE (default 10,000,000). Run by
 * hand, never in CI.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createPostgresKysely, migrate } from '@reshaem/adapters-sql';
import pg from 'pg';
import { checkSample, thinHistory } from './check.js';
import { fill } from './fill.js';
import { refNow } from './instants.js';
import { measure } from './measure.js';
import { captureTemplates } from './templates.js';

/** The bench's knobs come from the environment; it is no turbo task. */
const env = (name: string): string | undefined => process.env[name];
const { values } = parseArgs({
  options: {
    size: { type: 'string', default: env('SCALE_SIZE') ?? '10000000' },
    schema: { type: 'string', default: 'scale' },
    'no-measure': { type: 'boolean', default: false },
    'no-fill': { type: 'boolean', default: false },
    /** Measure the schema as it stands, e.g. before a new step, to compare with after it. */
    'no-migrate': { type: 'boolean', default: false },
    /** Schemas of smaller fills whose timer claims are measured beside this one's. */
    compare: { type: 'string', default: '' },
    /** Which measurements: any of lists, counts, timers, export, analytics (not by default). */
    parts: { type: 'string', default: 'lists,counts,timers,export' },
    /**
     * Keep only each message's last N history lines (SCALE_HISTORY_LINES), and the lines the
     * SLA summary rows are derived from ({@link thinHistory}): history is about half the
     * bytes of a fill (~450 bytes a line, 8.8 lines a message), and no list, count, export
     * or timer claim reads it.
     */
    'history-lines': { type: 'string', default: env('SCALE_HISTORY_LINES') ?? '' },
  },
});
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('set DATABASE_URL to the PostgreSQL database to fill');
  process.exit(2);
}
const size = Number(values.size);
const historyLines = values['history-lines'] === '' ? undefined : Number(values['history-lines']);
if (historyLines !== undefined && !(Number.isInteger(historyLines) && historyLines >= 1)) {
  console.error('--history-lines must be a whole number of at least 1');
  process.exit(2);
}
const schema = values.schema;
const log = (line = '') => console.log(line);

const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
await client.connect();
await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
const db = createPostgresKysely({ connectionString: url, searchPath: schema, max: 4 });
try {
  const t0 = performance.now();
  const migrated = values['no-migrate'] ? { applied: [] } : await migrate(db);
  if (migrated.applied.length > 0) {
    const s = ((performance.now() - t0) / 1000).toFixed(0);
    log(`migrations ${migrated.applied.join(', ')} applied in ${s} s`);
  }
  if (!values['no-fill']) {
    const captured = await captureTemplates(url);
    const templates =
      historyLines === undefined
        ? captured
        : captured.map((t) => ({ ...t, history: thinHistory(t.history, historyLines) }));
    log(
      `${templates.length} templates from real store writes (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );
    const result = await fill(client, templates, size, refNow, (line) =>
      process.stdout.write(`\r  ${line}   `),
    );
    const total = (performance.now() - t0) / 1000;
    log();
    const all = Object.values(result.rows).reduce((a, b) => a + b, 0);
    log(
      `filled ${size.toLocaleString('en')} messages in ${total.toFixed(0)} s: load ${result.seconds.load.toFixed(0)} s, ` +
        `indexes ${result.seconds.indexes.toFixed(0)} s, counts and statistics ${result.seconds.derived.toFixed(0)} s`,
    );
    log(
      `  ${Object.entries(result.rows)
        .map(([t, n]) => `${t} ${n.toLocaleString('en')}`)
        .join(', ')}`,
    );
    log(
      `  ${Math.round(size / result.seconds.load).toLocaleString('en')} messages/s and ` +
        `${Math.round(all / result.seconds.load).toLocaleString('en')} rows/s while loading; ` +
        `${Math.round(all / total).toLocaleString('en')} rows/s overall`,
    );
  }
  const { rows: sizes } = await client.query<{ t: string; bytes: string }>(
    `SELECT c.relname AS t, pg_total_relation_size(c.oid) AS bytes FROM pg_class c
     WHERE c.relnamespace = $1::regnamespace AND c.relkind IN ('r', 'p') ORDER BY 2 DESC`,
    [schema],
  );
  const bytes = sizes.reduce((sum, r) => sum + Number(r.bytes), 0);
  log(
    `size: ${(bytes / 2 ** 30).toFixed(2)} GiB, ${Math.round(bytes / size).toLocaleString('en')} bytes per message ` +
      `(${sizes
        .slice(0, 5)
        .map((r) => `${r.t} ${(Number(r.bytes) / 2 ** 30).toFixed(2)}`)
        .join(', ')} GiB)`,
  );
  await checkSample(db, size, log, historyLines);
  const others = values.compare
    .split(',')
    .filter((s) => s !== '')
    .map((other) => ({
      label: `schema ${other}`,
      db: createPostgresKysely({ connectionString: url, searchPath: other, max: 1 }),
    }));
  try {
    if (!values['no-measure']) {
      await measure(db, size, log, others, new Set(values.parts.split(',')));
    }
  } finally {
    for (const other of others) await other.db.destroy();
  }
} finally {
  await db.destroy();
  await client.end();
}
