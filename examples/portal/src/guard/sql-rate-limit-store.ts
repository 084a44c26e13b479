import type { ClientRateLimitInfo, Store } from 'hono-rate-limiter';
import { type QueryExecutorProvider, sql } from 'kysely';
import type { RateLimitStores } from './rate-limit.js';

interface Row {
  hits: number;
  reset_at: Date | string;
}

/**
 * A hono-rate-limiter `Store` in a table of the store's own database: every portal process
 * that shares the database counts the same hits. One atomic upsert per request: a key
 * whose window has ended starts again at 1 with a new window, otherwise its count goes up;
 * the database's clock decides, so the processes' clocks need not agree.
 */
class SqlRateLimitStore implements Store {
  #windowMs = 60_000;
  #writes = 0;
  readonly localKeys = false;

  constructor(private readonly db: QueryExecutorProvider) {}

  init(options: { windowMs: number }): void {
    this.#windowMs = options.windowMs;
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const { rows } = await sql<Row>`
      INSERT INTO portal_rate_limits AS r (key, hits, reset_at)
      VALUES (${key}, 1, now() + make_interval(secs => ${this.#windowMs / 1000}))
      ON CONFLICT (key) DO UPDATE SET
        hits = CASE WHEN r.reset_at <= now() THEN 1 ELSE r.hits + 1 END,
        reset_at = CASE WHEN r.reset_at <= now() THEN excluded.reset_at ELSE r.reset_at END
      RETURNING hits, reset_at`.execute(this.db);
    // Now and then, forget the windows that ended long ago.
    if (++this.#writes % 500 === 0) {
      await sql`DELETE FROM portal_rate_limits WHERE reset_at < now() - interval '1 hour'`.execute(
        this.db,
      );
    }
    const row = rows[0];
    if (!row) throw new Error('the rate-limit upsert returned no row');
    return { totalHits: Number(row.hits), resetTime: new Date(row.reset_at) };
  }

  async decrement(key: string): Promise<void> {
    await sql`UPDATE portal_rate_limits SET hits = hits - 1
      WHERE key = ${key} AND hits > 0 AND reset_at > now()`.execute(this.db);
  }

  async resetKey(key: string): Promise<void> {
    await sql`DELETE FROM portal_rate_limits WHERE key = ${key}`.execute(this.db);
  }
}

/**
 * Rate-limit stores over a database the portal processes share (PostgreSQL, or PGlite for
 * one process): creates the `portal_rate_limits` table when missing. Give the result to
 * `createPortalApp({ rateLimitStores })`.
 *
 * @example
 * const stores = await createSqlRateLimitStores(createPostgresKysely({ connectionString }));
 * const app = createPortalApp({ store, accounts, now, demo: false, rateLimitStores: stores });
 */
export async function createSqlRateLimitStores(
  db: QueryExecutorProvider,
): Promise<RateLimitStores> {
  await sql`CREATE TABLE IF NOT EXISTS portal_rate_limits (
    key text PRIMARY KEY,
    hits integer NOT NULL,
    reset_at timestamptz NOT NULL
  )`.execute(db);
  return () => new SqlRateLimitStore(db);
}
