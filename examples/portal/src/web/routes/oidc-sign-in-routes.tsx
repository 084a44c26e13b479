import type { Context, Hono } from 'hono';
import { newFlow, sameSecret, saveFlow, takeFlow } from '../../auth/oidc-flow.js';
import type { OidcSignIn } from '../../auth/oidc-sign-in.js';
import { SignInRefused } from '../../auth/oidc-sign-in.js';
import { safeNext } from '../../auth/safe-next.js';
import { homeOf, type PageEnv, startSession } from '../../auth/session.js';
import type { WebDeps } from '../deps.js';
import { problemPage } from '../render.js';

/** The pages' sign-in through the provider, and the secret its flow cookie is signed with. */
export interface OidcPages {
  signIn: OidcSignIn;
  flowSecret: string;
}

const TITLE = 'Вход не выполнен';

/**
 * GET /sign-in/oidc: a new flow in a cookie, then off to the provider.
 * GET /sign-in/callback: the provider's answer; on success, the portal's own session.
 */
export function registerOidcSignIn(app: Hono<PageEnv>, deps: WebDeps, oidc: OidcPages): void {
  const { accounts, store } = deps;
  const refused = (c: Context<PageEnv>, status: 400 | 401 | 502, text: string) =>
    problemPage(c, { directory: store.directory, user: null, title: TITLE, text }, status);

  app.get('/sign-in/oidc', async (c) => {
    const flow = newFlow(safeNext(c.req.query('next')), deps.now());
    let url: string;
    try {
      url = await oidc.signIn.authorizationUrl(flow);
    } catch (error) {
      if (error instanceof SignInRefused) return refused(c, error.status, error.message);
      throw error;
    }
    saveFlow(c, flow, oidc.flowSecret, deps.secureCookies ?? false);
    return c.redirect(url, 302);
  });

  app.get('/sign-in/callback', async (c) => {
    const flow = takeFlow(c, oidc.flowSecret, deps.now());
    const query = c.req.query();
    if (query.error !== undefined) {
      const reason = query.error === 'access_denied' ? 'вход отменён' : query.error.slice(0, 60);
      return refused(c, 400, `Сервер входа не выполнил вход: ${reason}. Попробуйте ещё раз.`);
    }
    if (flow === null) {
      return refused(c, 400, 'Вход устарел или начат в другом браузере. Начните вход заново.');
    }
    if (query.state === undefined || !sameSecret(query.state, flow.state)) {
      return refused(
        c,
        400,
        'Ответ сервера входа не относится к этому входу. Начните вход заново.',
      );
    }
    if (!query.code) return refused(c, 400, 'Сервер входа не передал код входа.');
    let userId: string;
    try {
      userId = (await oidc.signIn.complete(query.code, flow)).id;
    } catch (error) {
      if (error instanceof SignInRefused) return refused(c, error.status, error.message);
      throw error;
    }
    // The session is the portal's own token, as after any sign-in; it carries the directory's roles.
    const token = accounts.tokenOf(userId);
    const user = accounts.principalOf(token);
    if (user === null) {
      return refused(c, 401, 'Этот пользователь сервера входа не допущен в портал.');
    }
    startSession(c, token, accounts.ttlSeconds, deps.secureCookies ?? false);
    return c.redirect(safeNext(flow.next) || homeOf(user, deps.store.directory), 303);
  });
}
