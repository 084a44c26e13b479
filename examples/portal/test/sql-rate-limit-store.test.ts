/**
 * The database-backed rate-limit store: the hits of several portal processes, each with
 * its own connection pool, add up in one table. PostgreSQL tests need DATABASE_URL.
 */
import { randomBytes } from 'node:crypto';
import { createPgliteKysely, createPostgresKysely } from '@reshaem/adapters-sql';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RateLimits } from '../src/config-limits.js';
import { createSqlRateLimitStores } from '../src/guard/sql-rate-limit-store.js';
import { formPost, memoryPortalApp, NO_RATE_LIMITS } from './support.js';

const databaseUrl = process.env.DATABASE_URL;
const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });
const limits = (overrides: Partial<RateLimits>): RateLimits => ({
  ...NO_RATE_LIMITS,
  ...overrides,
});

describe.skipIf(!databaseUrl)('rate limits shared through PostgreSQL', () => {
  const schema = `portal_rl_${randomBytes(4).toString('hex')}`;
  const pools: Kysely<unknown>[] = [];
  const pool = () => {
    const db = createPostgresKysely<unknown>({
      connectionString: databaseUrl ?? '',
      searchPath: schema,
      max: 5,
    });
    pools.push(db);
    return db;
  };
  let admin: Kysely<unknown>;
  beforeAll(async () => {
    admin = createPostgresKysely<unknown>({ connectionString: databaseUrl ?? '', max: 1 });
    await sql`CREATE SCHEMA ${sql.id(schema)}`.execute(admin);
  });
  afterAll(async () => {
    await Promise.all(pools.map((db) => db.destroy()));
    await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(admin);
    await admin.destroy();
  });

  it('counts two portals, each on its own pool, as one', async () => {
    const rateLimits = limits({ signInPerAddress: { limit: 3, windowMs: 60_000 } });
    const one = memoryPortalApp({
      rateLimits,
      rateLimitStores: await createSqlRateLimitStores(pool()),
    });
    const two = memoryPortalApp({
      rateLimits,
      rateLimitStores: await createSqlRateLimitStores(pool()),
    });
    const signIn = (app: typeof one.app) =>
      app.request('/sign-in', formPost({ userId: 'app-ivanov' }), from('203.0.113.9'));
    expect((await signIn(one.app)).status).toBe(303);
    expect((await signIn(two.app)).status).toBe(303);
    expect((await signIn(one.app)).status).toBe(303);
    const refused = await signIn(two.app);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await signIn(one.app)).status).toBe(429);
  });

  it('hands out every count exactly once under concurrent hits from both pools', async () => {
    const stores = [await createSqlRateLimitStores(pool()), await createSqlRateLimitStores(pool())];
    const counters = stores.map((make) => {
      const store = make('concurrent');
      store.init?.({ windowMs: 60_000 } as never);
      return store;
    });
    const hits = await Promise.all(
      Array.from({ length: 40 }, (_, i) => counters[i % 2]?.increment('race') ?? null),
    );
    const totals = hits.map((h) => h?.totalHits ?? 0).sort((a, b) => a - b);
    expect(totals).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('starts a new window once the old one has ended', async () => {
    const store = (await createSqlRateLimitStores(pool()))('window');
    store.init?.({ windowMs: 1000 } as never);
    expect((await store.increment('short')).totalHits).toBe(1);
    expect((await store.increment('short')).totalHits).toBe(2);
    await new Promise((r) => setTimeout(r, 1100));
    const fresh = await store.increment('short');
    expect(fresh.totalHits).toBe(1);
    expect(fresh.resetTime?.getTime()).toBeGreaterThan(Date.now());
  });
});

describe('rate limits in PGlite', () => {
  it('count in the embedded database as well', async () => {
    const db = createPgliteKysely<unknown>({});
    try {
      const stores = await createSqlRateLimitStores(db);
      const { app } = memoryPortalApp({
        rateLimits: limits({ signInPerAddress: { limit: 1, windowMs: 60_000 } }),
        rateLimitStores: stores,
      });
      const signIn = () =>
        app.request('/sign-in', formPost({ userId: 'app-ivanov' }), from('192.0.2.77'));
      expect((await signIn()).status).toBe(303);
      expect((await signIn()).status).toBe(429);
      const { rows } = await sql<{ key: string; hits: number }>`
        SELECT key, hits FROM portal_rate_limits`.execute(db);
      expect(rows).toEqual([{ key: 'sign-in-address:192.0.2.77', hits: 2 }]);
    } finally {
      await db.destroy();
    }
  });
});
