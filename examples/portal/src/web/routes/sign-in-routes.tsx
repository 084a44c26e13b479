import type { Hono } from 'hono';
import { safeNext } from '../../auth/safe-next.js';
import { endSession, homeOf, type PageEnv, sessionUser, startSession } from '../../auth/session.js';
import type { WebDeps } from '../deps.js';
import { type FormValues, formValues } from '../forms/parse-form.js';
import { SignInPage } from '../pages/sign-in.js';
import { render } from '../render.js';

/** GET /, GET/POST /sign-in, POST /sign-out. */
export function registerSignIn(app: Hono<PageEnv>, deps: WebDeps): void {
  const { accounts, store } = deps;
  const page = (next: string, error?: string) => (
    <SignInPage
      directory={store.directory}
      users={deps.demo ? accounts.users : null}
      next={next}
      {...(deps.oidcProviderName === undefined ? {} : { oidcProviderName: deps.oidcProviderName })}
      {...(error === undefined ? {} : { error })}
    />
  );

  app.get('/', (c) => {
    const user = sessionUser(c, accounts);
    return c.redirect(user ? homeOf(user, deps.store.directory) : '/sign-in', 303);
  });
  app.get('/sign-in', (c) => render(c, page(safeNext(c.req.query('next')))));
  app.post('/sign-in', async (c) => {
    // Through Hono's request, which keeps the parsed form: the rate limit read it already.
    const form = await c.req.formData().then(formValues, () => ({}) as FormValues);
    const token =
      deps.demo && form.userId && accounts.users.some((u) => u.id === form.userId)
        ? accounts.tokenOf(form.userId)
        : form.token;
    const user = accounts.principalOf(token);
    if (!user || !token) {
      return render(c, page(safeNext(form.next), 'Неизвестный пользователь или токен.'), 401);
    }
    startSession(c, token, accounts.ttlSeconds, deps.secureCookies ?? false);
    return c.redirect(safeNext(form.next) || homeOf(user, deps.store.directory), 303);
  });
  app.post('/sign-out', (c) => {
    endSession(c);
    return c.redirect('/sign-in', 303);
  });
}
