import { type Authenticate, createHttpApp } from '@reshaem/adapters-http';
import type { MessageStore } from '@reshaem/core';
import { Hono } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { type Accounts, bearerToken } from './auth/accounts.js';
import { type PageEnv, requireUser } from './auth/session.js';
import { registerDemoRoutes } from './demo/demo-routes.js';
import { problemPage } from './web/render.js';
import { registerBackoffice } from './web/routes/backoffice-routes.js';
import { registerCard } from './web/routes/card-routes.js';
import { registerSignIn } from './web/routes/sign-in-routes.js';
import { registerSubmitPages } from './web/routes/submit-routes.js';

export interface PortalAppOptions {
  store: MessageStore;
  accounts: Accounts;
  now: () => Date;
  demo: boolean;
  /** The API's bearer-token check; default the demo accounts' tokens (OIDC: `auth/oidc.ts`). */
  authenticate?: Authenticate;
}

/** Paths of the pages behind sign-in. */
const PAGES = ['/backoffice', '/messages/*', '/my', '/my/*', '/operator', '/operator/*'];

/**
 * The portal as one Hono app: the reshaem REST API under `/api` (the HTTP adapter, bearer
 * tokens), `GET /demo/users` in demo mode, and the server-rendered pages (cookie session,
 * CSRF-checked forms). The pages call the same store the API uses, through the core's rules.
 *
 * @example
 * const app = createPortalApp({ store, accounts, now: () => new Date(), demo: true });
 * const response = await app.request('/demo/users');
 */
export function createPortalApp(options: PortalAppOptions): Hono<PageEnv> {
  const { store, accounts, now } = options;
  const api = createHttpApp({
    store,
    authenticate: options.authenticate ?? ((request) => accounts.principalOf(bearerToken(request))),
    now,
    basePath: '/api',
    openapi: { title: 'reshaem — API демо-портала' },
  });

  const app = new Hono<PageEnv>();
  // The API sees the full URL (basePath '/api') and answers its own 404s and 405s.
  app.all('/api', (c) => api.fetch(c.req.raw));
  app.all('/api/*', (c) => api.fetch(c.req.raw));
  if (options.demo) registerDemoRoutes(app, accounts, store.directory);

  for (const path of [...PAGES, '/sign-in', '/sign-out']) app.use(path, csrf());
  for (const path of PAGES) app.use(path, requireUser(accounts));
  const deps = { store, accounts, now, demo: options.demo };
  registerSignIn(app, deps);
  registerBackoffice(app, deps);
  registerCard(app, deps);
  registerSubmitPages(app, deps);

  const page = { directory: store.directory, user: null };
  app.notFound((c) =>
    problemPage(c, { ...page, title: 'Страница не найдена', text: c.req.path }, 404),
  );
  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse(); // e.g. CSRF's 403
    console.error(`portal: ${c.req.method} ${c.req.path}`, error);
    return problemPage(c, { ...page, title: 'Ошибка сервера', text: 'Попробуйте ещё раз.' }, 500);
  });
  return app;
}
