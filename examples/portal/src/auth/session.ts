import type { Directory, Principal } from '@reshaem/core';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { worksOnlyOnf } from '../web/onf/onf-people.js';
import type { Accounts } from './accounts.js';

/** The Hono environment of the portal's pages: who is signed in. */
export interface PageEnv {
  Variables: { user: Principal };
}

/** The cookie that carries the signed-in user's token. */
export const SESSION_COOKIE = 'reshaem_session';

/** The signed-in user, or `null`. */
export const sessionUser = (c: Context, accounts: Accounts): Principal | null =>
  accounts.principalOf(getCookie(c, SESSION_COOKIE));

/**
 * Signs the browser in: an HttpOnly, SameSite=Lax cookie with the user's token, kept by the
 * browser only as long as the token is valid (`maxAgeSeconds`, the accounts' `ttlSeconds`).
 * The token carries its own expiry, so a cookie kept longer is refused anyway. `secure`:
 * the browser sends the cookie over HTTPS only (behind a TLS-terminating proxy).
 */
export function startSession(
  c: Context,
  token: string,
  maxAgeSeconds: number,
  secure = false,
): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    maxAge: maxAgeSeconds,
    secure,
  });
}

export const endSession = (c: Context): void => {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
};

/** Pages behind sign-in: without a session, a redirect to the sign-in page. */
export function requireUser(accounts: Accounts): MiddlewareHandler<PageEnv> {
  return async (c, next) => {
    const user = sessionUser(c, accounts);
    if (!user) {
      const back = c.req.method === 'GET' ? `?next=${encodeURIComponent(c.req.path)}` : '';
      return c.redirect(`/sign-in${back}`, 303);
    }
    c.set('user', user);
    await next();
  };
}

/**
 * Where a user lands after signing in: the page of their main role; the ОНФ cards for those
 * who work only in ОНФ organisations (given the directory).
 */
export function homeOf(user: Principal, directory?: Directory): string {
  if (directory && worksOnlyOnf(user, directory)) return '/onf';
  const roles = new Set(user.roles.map((r) => r.role));
  if (roles.size === 1 && roles.has('applicant')) return '/my';
  if (roles.size === 1 && roles.has('operator')) return '/operator';
  return '/backoffice';
}
