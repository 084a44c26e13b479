import { problemKinds, problemType } from '@reshaem/adapters-http';
import type { Context, Env, MiddlewareHandler } from 'hono';
import { MemoryStore, rateLimiter, type Store } from 'hono-rate-limiter';
import type { RateLimit } from '../config-limits.js';

/**
 * Where the hit counters live. hono-rate-limiter's `Store`: the default `MemoryStore`
 * counts per process, so N processes behind a balancer allow N times the limit; give each
 * limiter a store shared by the processes (hono-rate-limiter's `RedisStore`, or one of
 * your own over the database) to count them together.
 */
export type RateLimitStores = (name: string) => Store;

/** One store per limiter in this process's memory. */
export const memoryStores: RateLimitStores = () => new MemoryStore();

export interface RateLimitRule<E extends Env> {
  /** Names the counter (`sign-in-address`); keys are `<name>:<key>`. */
  name: string;
  limit: RateLimit;
  /** Whose requests these are: an address, a user id; `null` leaves the request uncounted. */
  key: (c: Context<E>) => string | null | Promise<string | null>;
  /** The answer past the limit, told how many seconds to wait. */
  refuse: (c: Context<E>, retryAfterSeconds: number) => Response | Promise<Response>;
}

/**
 * A fixed-window rate limit with hono-rate-limiter: at most `limit.limit` requests per key
 * in every `limit.windowMs`; the request past it gets `refuse` with a `Retry-After` of the
 * seconds left in the window.
 *
 * @example
 * app.post('/sign-in', rateLimited({
 *   name: 'sign-in-address',
 *   limit: { limit: 20, windowMs: 60_000 },
 *   key: (c) => clientAddress(c, 0),
 *   refuse: (c, seconds) => tooManyRequests(c, seconds),
 * }, memoryStores));
 */
export function rateLimited<E extends Env>(
  rule: RateLimitRule<E>,
  stores: RateLimitStores = memoryStores,
): MiddlewareHandler<E> {
  const keys = new WeakMap<Request, string | null>();
  const keyOf = async (c: Context<E>) => {
    if (!keys.has(c.req.raw)) keys.set(c.req.raw, await rule.key(c));
    return keys.get(c.req.raw) ?? null;
  };
  return rateLimiter<E>({
    windowMs: rule.limit.windowMs,
    limit: rule.limit.limit,
    standardHeaders: 'draft-6',
    // A store counts keys; the Hono environment only types `init`'s options.
    store: stores(rule.name) as unknown as Store<E>,
    skip: async (c) => (await keyOf(c)) === null,
    keyGenerator: async (c) => `${rule.name}:${await keyOf(c)}`,
    handler: (c) => {
      const info = c.get('rateLimit' as never) as { resetTime?: Date } | undefined;
      const left = info?.resetTime ? info.resetTime.getTime() - Date.now() : rule.limit.windowMs;
      return rule.refuse(c, Math.max(1, Math.ceil(left / 1000)));
    },
  }) as MiddlewareHandler<E>;
}

/** The RFC 9457 problem of a refused request: 429 with `Retry-After`. */
export function tooManyRequestsProblem(retryAfterSeconds: number, detail: string): Response {
  const kind = 'too-many-requests';
  return new Response(
    JSON.stringify({
      type: problemType(kind),
      title: problemKinds[kind].title,
      status: 429,
      detail,
      retryAfter: retryAfterSeconds,
    }),
    {
      status: 429,
      headers: {
        'content-type': 'application/problem+json',
        'retry-after': String(retryAfterSeconds),
      },
    },
  );
}
