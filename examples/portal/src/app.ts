import { type Authenticate, createHttpApp } from '@reshaem/adapters-http';
import { type FileStore, hasCaseStore, type MessageStore } from '@reshaem/core';
import { Hono } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { type Accounts, bearerToken } from './auth/accounts.js';
import { type PageEnv, requireUser, SESSION_COOKIE } from './auth/session.js';
import { DEFAULT_RATE_LIMITS, type RateLimits } from './config-limits.js';
import { registerDemoRoutes } from './demo/demo-routes.js';
import { DEFAULT_FORM_BODY_BYTES, formBodyLimit } from './guard/form-body-limit.js';
import { registerOpen311RateLimits } from './guard/open311-rate-limits.js';
import { pageHeaders } from './guard/page-headers.js';
import { memoryStores, type RateLimitStores } from './guard/rate-limit.js';
import { registerRateLimits } from './guard/rate-limits.js';
import { OPEN311_PREFIX, type PortalOpen311, registerOpen311 } from './open311/open311-mount.js';
import { adminApi } from './web/admin/admin-api.js';
import { registerAdminPages } from './web/admin/admin-routes.js';
import { registerDashboard } from './web/analytics/dashboard-routes.js';
import { registerMapAssets } from './web/map/map-assets.js';
import type { MapSettings } from './web/map/map-settings.js';
import { registerCaseExport } from './web/onf/case-export-route.js';
import { registerCasePages } from './web/onf/case-routes.js';
import { problemPage } from './web/render.js';
import { registerBackoffice } from './web/routes/backoffice-routes.js';
import { registerCard } from './web/routes/card-routes.js';
import { type OidcPages, registerOidcSignIn } from './web/routes/oidc-sign-in-routes.js';
import { registerSignIn } from './web/routes/sign-in-routes.js';
import { registerSubmitPages } from './web/routes/submit-routes.js';
import { pageUploads } from './web/uploads.js';

export interface PortalAppOptions {
  store: MessageStore;
  /** Uploads for the API's `POST /files` and `GET /files/{id}`; absent: no files. */
  files?: FileStore;
  accounts: Accounts;
  now: () => Date;
  demo: boolean;
  /** The API's bearer-token check; default the demo accounts' tokens (OIDC: `auth/oidc.ts`). */
  authenticate?: Authenticate;
  /** The largest body of a page's form post, in bytes (413 beyond it). Default 256 KiB. */
  formBodyBytes?: number;
  /** Sign-in and submit limits per address and per user. Default `DEFAULT_RATE_LIMITS`. */
  rateLimits?: RateLimits;
  /** Where the rate limits count: this process's memory by default. */
  rateLimitStores?: RateLimitStores;
  /** Reverse proxies whose `X-Forwarded-For` entries are trusted. Default 0: the socket's. */
  trustProxy?: number;
  /** Mark the session cookie `Secure` (HTTPS only). Default off. */
  secureCookies?: boolean;
  /** The pages' sign-in through an OpenID provider (`GET /sign-in/oidc`); absent: off. */
  oidcPages?: OidcPages;
  /** Open311 GeoReport v2 at `/open311/v2` (its partners' keys); absent: not served. */
  open311?: PortalOpen311;
  /** The maps' tile server; absent: maps on a blank background with the region's box. */
  map?: MapSettings;
}

/** Paths of the pages behind sign-in. */
const PAGES = [
  '/backoffice',
  '/backoffice/*',
  '/messages/*',
  '/my',
  '/my/*',
  '/operator',
  '/operator/*',
  '/onf',
  '/onf/*',
  '/files/*',
  '/admin',
  '/admin/*',
  '/analytics',
  '/analytics/*',
];

/** The forms with file fields, posted as multipart. */
const isUploadForm = (path: string, contentType: string | undefined) =>
  /^multipart\/form-data\s*;/i.test(contentType ?? '') &&
  (path === '/my/messages' ||
    path === '/operator/messages' ||
    /^\/messages\/[^/]+\/events\/answer\.submit$/.test(path) ||
    /^\/onf\/cases\/[^/]+\/events\/case\.resolve$/.test(path));

/** The session cookie's token, for the pages' downloads. */
const sessionToken = (request: Request): string | null => {
  const cookie = request.headers.get('cookie') ?? '';
  const match = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([^;]+)`).exec(cookie);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
};

/**
 * The APIs: the reshaem API and Open311. They send the HTTP adapter's own headers (no page
 * policy: an Open311 photo must stay embeddable by other sites' clients) and limit their
 * own bodies.
 */
const isApi = (path: string) =>
  path === '/api' || path.startsWith('/api/') || path.startsWith(`${OPEN311_PREFIX}/`);

/**
 * The portal as one Hono app: the reshaem REST API under `/api` (the HTTP adapter, bearer
 * tokens), `GET /demo/users` in demo mode, and the server-rendered pages (cookie session,
 * CSRF-checked forms): the ПОС backoffice and, when the store keeps cards, «ОНФ. Помощь»
 * under `/onf`. The pages call the same store the API uses, through the core's rules.
 *
 * Every page carries Hono's `secureHeaders` with a strict CSP (the API sends its own
 * headers); form posts are capped before they are parsed; sign-in and new messages are
 * rate-limited per client address and per user.
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
    ...(options.files && { files: { store: options.files } }),
  });

  const app = new Hono<PageEnv>();
  const page = { directory: store.directory, user: null };
  const headers = pageHeaders({ tileOrigin: options.map?.tiles?.origin });
  app.use((c, next) => (isApi(c.req.path) ? next() : headers(c, next)));
  const formLimit = formBodyLimit(options.formBodyBytes ?? DEFAULT_FORM_BODY_BYTES, (c) =>
    problemPage(
      c,
      { ...page, title: 'Слишком большой запрос', text: 'Форма больше, чем принимает портал.' },
      413,
    ),
  );
  // Forms with file fields are bounded by the upload rules as they stream (10 MB a file).
  app.use((c, next) =>
    isApi(c.req.path) || (options.files && isUploadForm(c.req.path, c.req.header('content-type')))
      ? next()
      : formLimit(c, next),
  );

  for (const path of [...PAGES, '/sign-in', '/sign-out']) app.use(path, csrf());
  for (const path of PAGES) app.use(path, requireUser(accounts));
  registerRateLimits(app, {
    accounts,
    directory: store.directory,
    limits: options.rateLimits ?? DEFAULT_RATE_LIMITS,
    stores: options.rateLimitStores ?? memoryStores,
    trustProxy: options.trustProxy ?? 0,
  });
  if (options.open311) {
    const limits = options.rateLimits ?? DEFAULT_RATE_LIMITS;
    registerOpen311RateLimits(app, {
      prefix: OPEN311_PREFIX,
      partnerOf: options.open311.partnerOf,
      perPartner: limits.open311PerPartner,
      guessesPerAddress: limits.signInPerAddress,
      stores: options.rateLimitStores ?? memoryStores,
      trustProxy: options.trustProxy ?? 0,
    });
  }

  // The API sees the full URL (basePath '/api') and answers its own 404s and 405s.
  app.all('/api', (c) => api.fetch(c.req.raw));
  app.all('/api/*', (c) => api.fetch(c.req.raw));
  if (options.demo) registerDemoRoutes(app, accounts, store.directory);
  registerMapAssets(app);
  if (options.open311) {
    registerOpen311(app, { store, now, files: options.files }, options.open311);
  }

  // Downloads for the pages: the API's own GET /files/{id}, signed in by the session cookie.
  if (options.files) {
    const pageFiles = createHttpApp({
      store,
      authenticate: (request) => accounts.principalOf(sessionToken(request)),
      now,
      files: { store: options.files },
    });
    app.get('/files/:id', (c) => pageFiles.fetch(c.req.raw));
  }

  // The pages' own calls to the API (the admin's settings, the ОНФ export) run as the
  // signed-in user with a token of the portal's accounts, whatever the API's own sign-in is.
  const pagesApi = options.authenticate
    ? createHttpApp({
        store,
        authenticate: (request) => accounts.principalOf(bearerToken(request)),
        now,
        basePath: '/api',
      })
    : api;
  const deps = {
    store,
    accounts,
    now,
    ...(options.files && { uploads: pageUploads(options.files) }),
    demo: options.demo,
    secureCookies: options.secureCookies ?? false,
    map: options.map ?? {},
    ...(options.oidcPages && { oidcProviderName: options.oidcPages.signIn.providerName }),
  };
  registerSignIn(app, deps);
  if (options.oidcPages) registerOidcSignIn(app, deps, options.oidcPages);
  registerBackoffice(app, deps, (request) => pagesApi.fetch(request));
  registerCard(app, deps);
  registerSubmitPages(app, deps);
  registerAdminPages(app, {
    ...deps,
    adminApi: adminApi(accounts, (request) => pagesApi.fetch(request)),
  });
  registerDashboard(app, deps, (request) => pagesApi.fetch(request));
  if (hasCaseStore(store)) {
    const cases = { ...deps, cases: store };
    registerCasePages(app, cases);
    registerCaseExport(app, cases, (request) => pagesApi.fetch(request));
  }

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
