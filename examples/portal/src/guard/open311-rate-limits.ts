import { type Open311Partner, open311Response } from '@reshaem/adapters-http';
import type { Context, Hono } from 'hono';
import type { PageEnv } from '../auth/session.js';
import type { RateLimit } from '../config-limits.js';
import { clientAddress } from './client-address.js';
import { type RateLimitStores, rateLimited } from './rate-limit.js';

export interface Open311RateLimitDeps {
  /** Where the portal serves Open311 (`/open311/v2`). */
  prefix: string;
  /** The portal's partners by `api_key`, as the endpoint itself checks them. */
  partnerOf: (apiKey: string) => Open311Partner | null;
  /** Submissions per partner. */
  perPartner: RateLimit | null;
  /** Submissions with a wrong or missing `api_key` per client address: guessing a key. */
  guessesPerAddress: RateLimit | null;
  stores: RateLimitStores;
  trustProxy: number;
}

/**
 * The `api_key` of an Open311 `POST requests`, from the query or the form, read from a copy of
 * the request so the endpoint still reads the original; `null` when there is none.
 */
async function apiKeyOf(request: Request): Promise<string | null> {
  const inQuery = new URL(request.url).searchParams.get('api_key');
  if (inQuery) return inQuery;
  try {
    const key = (await request.clone().formData()).get('api_key');
    return typeof key === 'string' && key !== '' ? key : null;
  } catch {
    return null;
  }
}

/**
 * Rate limits on Open311 `POST requests` (JSON and XML): a partner's submissions per
 * partner, whatever address they come from; a request with a wrong or missing `api_key`
 * per client address, as sign-ins are, so a key cannot be guessed at speed. Past a limit:
 * 429 with `Retry-After`, in the specification's error array (`code` 429), JSON or XML by
 * the resource's extension.
 *
 * @example
 * registerOpen311RateLimits(app, {
 *   prefix: '/open311/v2', partnerOf, perPartner: { limit: 1000, windowMs: 3_600_000 },
 *   guessesPerAddress: { limit: 20, windowMs: 60_000 }, stores: memoryStores, trustProxy: 0,
 * });
 */
export function registerOpen311RateLimits(app: Hono<PageEnv>, deps: Open311RateLimitDeps): void {
  const partners = new WeakMap<Request, Promise<Open311Partner | null>>();
  const partnerOf = (c: Context<PageEnv>) => {
    let partner = partners.get(c.req.raw);
    if (partner === undefined) {
      partner = apiKeyOf(c.req.raw).then((key) => (key === null ? null : deps.partnerOf(key)));
      partners.set(c.req.raw, partner);
    }
    return partner;
  };
  const refuse = (c: Context<PageEnv>, seconds: number) => {
    const format = c.req.path.endsWith('.xml') ? 'xml' : 'json';
    const description = `too many requests; retry in ${seconds} s`;
    const response = open311Response(format, 'errors', [{ code: 429, description }], 429);
    response.headers.set('retry-after', String(seconds));
    return response;
  };
  const rules = [
    {
      name: 'open311-partner',
      limit: deps.perPartner,
      key: async (c: Context<PageEnv>) => (await partnerOf(c))?.principal.id ?? null,
    },
    {
      name: 'open311-key-guess',
      limit: deps.guessesPerAddress,
      key: async (c: Context<PageEnv>) =>
        (await partnerOf(c)) === null ? clientAddress(c, deps.trustProxy) : null,
    },
  ];
  for (const { name, limit, key } of rules) {
    if (limit === null) continue;
    const limiter = rateLimited<PageEnv>({ name, limit, key, refuse }, deps.stores);
    const submits = [`${deps.prefix}/requests.json`, `${deps.prefix}/requests.xml`];
    app.use(`${deps.prefix}/*`, (c, next) =>
      c.req.method === 'POST' && submits.includes(c.req.path) ? limiter(c, next) : next(),
    );
  }
}
