/**
 * Template rows from real store writes: each life of `lives.ts` is played through the SQL
 * store on PostgreSQL (in a schema of its own, dropped afterwards), with due timers fired as
 * a worker fires them, and every row it left is read back: the message, its history, its
 * timers, its timer log and its outbox. The fill copies these rows, varied per row.
 */
import { createPostgresKysely, createSqlStore, migrate } from '@reshaem/adapters-sql';
import type { MessageEventInput } from '@reshaem/core';
import { type QueryExecutorProvider, sql } from 'kysely';
import { type Life, lives, submitOf } from './lives.js';
import { templateDirectory } from './template-world.js';

/** A row as column → value; instants as milliseconds after the template's submit. */
export type Row = Record<string, unknown>;
export interface Template {
  life: Life;
  /** The submit's instant (ms since the epoch): what the offsets count from. */
  t0: number;
  messageId: string;
  message: Row;
  history: Row[];
  timers: Row[];
  timerLog: Row[];
  outbox: Row[];
  /** How long after the submit it was observed, and how much older it may be (ms). */
  observeMs: number;
  slackMs: number;
}

const MINUTE = 60_000;
const WEEK = 7 * 24 * 60 * MINUTE;
const YEAR = 365 * 24 * 60 * MINUTE;
const closed = new Set(['completed', 'rejected']);
/** The instants a table keeps, as offsets from the submit (null for ±infinity). */
const instantColumns = new Set([
  'created_at',
  'updated_at',
  'registered_at',
  'response_due_at',
  'response_due_sort',
  'at',
  'fire_at',
  'available_at',
  'due_at',
]);

async function rowsOf(db: QueryExecutorProvider, table: string, where: string, t0: number) {
  const { rows } = await sql<{ row: Row }>`SELECT to_jsonb(t) AS row FROM ${sql.table(table)} t
    WHERE ${sql.raw(where)} ORDER BY 1`.execute(db);
  return rows.map(({ row }) => {
    const out: Row = {};
    for (const [column, value] of Object.entries(row)) {
      if (instantColumns.has(column) && typeof value === 'string') {
        const ms = Date.parse(value);
        out[column] = Number.isFinite(ms) ? ms - t0 : value;
      } else out[column] = value;
    }
    return out;
  });
}

/** Plays every life once and returns its rows. `url` is the database; a schema is made and dropped. */
export async function captureTemplates(url: string): Promise<Template[]> {
  const schema = 'reshaem_scale_templates';
  const db = createPostgresKysely({ connectionString: url, searchPath: schema, max: 2 });
  await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(db);
  await sql`CREATE SCHEMA ${sql.id(schema)}`.execute(db);
  try {
    await migrate(db);
    const store = await createSqlStore({ db, directory: templateDirectory });
    const templates: Template[] = [];
    for (const [k, life] of lives.entries()) {
      // Each life in a year of its own, so that firing its timers leaves the others alone.
      const t0 = Date.UTC(2000 + k, 0, 10, 7, 15);
      const iso = (minutes: number) => new Date(t0 + minutes * MINUTE).toISOString();
      const messageId = `zzMSG${String(k).padStart(2, '0')}`;
      const fire = async (minutes: number) => {
        for (;;) {
          const run = await store.runDueTimers({ now: iso(minutes), workerId: 'templates' });
          if (run.claimed === 0) return;
        }
      };
      const created = await store.submit(submitOf(life, messageId, iso(0)));
      if (!created.ok) throw new Error(`${life.name}: submit: ${created.error.message}`);
      const dateAfter = (days: number) => iso(days * 24 * 60).slice(0, 10);
      for (const [minutes, step] of life.steps) {
        await fire(minutes);
        const event = typeof step === 'function' ? step(dateAfter) : step;
        const sent = await store.send(messageId, {
          ...event,
          at: iso(minutes),
        } as MessageEventInput);
        if (!sent.ok) throw new Error(`${life.name}: ${event.type}: ${sent.error.message}`);
      }
      await fire(life.observe);
      const where = `message_id = '${messageId}'`;
      const [message] = await rowsOf(db, 'messages', `id = '${messageId}'`, t0);
      if (!message) throw new Error(`${life.name}: no row`);
      const timers = await rowsOf(db, 'timers', where, t0);
      const observeMs = life.observe * MINUTE;
      const nextTimer = Math.min(...timers.map((t) => Number(t.fire_at)));
      templates.push({
        life,
        t0,
        messageId,
        message,
        history: await rowsOf(db, 'message_history', where, t0),
        timers,
        timerLog: await rowsOf(db, 'timer_log', where, t0),
        outbox: await rowsOf(db, 'outbox', where, t0),
        observeMs,
        // A closed message is up to two years old; a live one is younger than its next timer
        // and than three weeks (a platform's staff keep their folders moving).
        slackMs: closed.has(String(message.status))
          ? 2 * YEAR - observeMs
          : Math.min(nextTimer - observeMs, 3 * WEEK),
      });
    }
    return templates;
  } finally {
    await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(db);
    await db.destroy();
  }
}
