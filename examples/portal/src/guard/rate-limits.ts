import type { Directory } from '@reshaem/core';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { type Accounts, bearerToken, claimedUserId } from '../auth/accounts.js';
import type { PageEnv } from '../auth/session.js';
import type { RateLimit, RateLimits } from '../config-limits.js';
import { type FormValues, formValues } from '../web/forms/parse-form.js';
import { problemPage } from '../web/render.js';
import { clientAddress } from './client-address.js';
import { type RateLimitStores, rateLimited, tooManyRequestsProblem } from './rate-limit.js';

export interface RateLimitDeps {
  accounts: Accounts;
  directory: Directory;
  limits: RateLimits;
  stores: RateLimitStores;
  trustProxy: number;
}

type Key = (c: Context<PageEnv>) => string | null | Promise<string | null>;

/** Paths that file a new message: the API's and the two pages' forms. */
const SUBMIT_PATHS = ['/api/messages', '/my/messages', '/operator/messages'];

/**
 * The portal's rate limits, each on `POST` only but for `GET /sign-in/oidc`: sign-in per
 * client address (the OpenID provider's sign-ins counted where they start) and per user
 * signed in as; new messages per signed-in user and per client address. Past a limit: 429
 * with `Retry-After`, as an RFC 9457 problem for the API and for clients that do not ask
 * for HTML, as a page for a browser's form post. A request whose address is unknown (no
 * socket, as with `app.request()`) is not counted per address.
 */
export function registerRateLimits(app: Hono<PageEnv>, deps: RateLimitDeps): void {
  const address: Key = (c) => clientAddress(c, deps.trustProxy);
  const refuse = (c: Context<PageEnv>, seconds: number) => {
    const api = c.req.path.startsWith('/api/');
    if (api || !(c.req.header('accept') ?? '').includes('text/html')) {
      return tooManyRequestsProblem(seconds, `Too many requests; try again in ${seconds} s`);
    }
    return problemPage(
      c,
      {
        directory: deps.directory,
        user: null,
        title: 'Слишком много запросов',
        text: `Попробуйте ещё раз через ${Math.ceil(seconds / 60)} мин.`,
      },
      429,
    ).then((response) => {
      response.headers.set('retry-after', String(seconds));
      return response;
    });
  };
  const limit = (path: string, name: string, rule: RateLimit | null, key: Key, method = 'POST') => {
    if (rule === null) return;
    const limiter = rateLimited<PageEnv>({ name, limit: rule, key, refuse }, deps.stores);
    const onMethod: MiddlewareHandler<PageEnv> = (c, next) =>
      c.req.method === method ? limiter(c, next) : next();
    app.use(path, onMethod);
  };

  limit('/sign-in', 'sign-in-address', deps.limits.signInPerAddress, address);
  // A sign-in at the OpenID provider starts here (one flow, one code to redeem later).
  limit('/sign-in/oidc', 'sign-in-address', deps.limits.signInPerAddress, address, 'GET');
  limit('/sign-in', 'sign-in-account', deps.limits.signInPerAccount, async (c) => {
    const form = await c.req.formData().then(formValues, () => ({}) as FormValues);
    return form.userId || (form.token ? claimedUserId(form.token) : null);
  });
  for (const path of SUBMIT_PATHS) {
    limit(path, 'submit-address', deps.limits.submitPerAddress, address);
    limit(path, 'submit-user', deps.limits.submitPerUser, (c) =>
      path.startsWith('/api/')
        ? (deps.accounts.principalOf(bearerToken(c.req.raw))?.id ?? null)
        : (c.get('user')?.id ?? null),
    );
  }
}
