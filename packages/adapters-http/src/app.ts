import { isStoreUnavailable } from '@reshaem/core';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { methodNotAllowed } from 'hono/method-not-allowed';
import type { AppEnv } from './env.js';
import { registerOpen311 } from './open311/open311-routes.js';
import { type HttpAppOptions, resolveOptions } from './options.js';
import { HttpProblem, problem, problemResponse } from './problems.js';
import { unstorablePathIsNotFound } from './request/storable-input.js';
import { registerAdmin } from './routes/admin.js';
import { registerFiles } from './routes/kernel/files.js';
import { registerMeta } from './routes/meta.js';
import { registerCaseIndicators } from './routes/onf/case-indicators.js';
import { registerCases } from './routes/onf/cases.js';
import { registerEvents } from './routes/pos/events.js';
import { registerExport } from './routes/pos/export.js';
import { registerCatalogue, registerFolders } from './routes/pos/folders.js';
import { registerIndicators } from './routes/pos/indicators.js';
import { registerReads } from './routes/pos/reads.js';
import { registerSubmit } from './routes/pos/submit.js';
import { securityHeaders } from './security-headers.js';
import { unavailableProblem } from './store-errors.js';

/**
 * The reshaem workflow as a Hono app: a fetch-standard handler (`app.fetch`) to serve on
 * Node (see `serve`) or mount in Express, Fastify or Next.js. Rules stay in the core,
 * persistence in the given store; the app adds authentication, organisation scope, limits,
 * RFC 9457 problems and an OpenAPI 3.1 description.
 *
 * @example
 * import { createMemoryStore } from '@reshaem/core';
 * import { createHttpApp, serve } from '@reshaem/adapters-http';
 *
 * const app = createHttpApp({
 *   store: createMemoryStore({ directory }),
 *   authenticate: async (request) => sessions.principalOf(request.headers.get('authorization')),
 * });
 * serve(app, { port: 3000 }); // or: export const GET = (req: Request) => app.fetch(req);
 */
export function createHttpApp(options: HttpAppOptions): Hono<AppEnv> {
  const deps = resolveOptions(options);
  const app = new Hono<AppEnv>().basePath(deps.basePath || '/');

  app.onError((error, c) => {
    if (error instanceof HttpProblem) return error.toResponse();
    if (error instanceof HTTPException) {
      const status = error.status;
      return problemResponse(
        status === 413
          ? problem('payload-too-large', 'Тело запроса слишком большое')
          : status >= 500
            ? problem('internal', 'Внутренняя ошибка сервера', {}, status)
            : problem('bad-request', 'Запрос не удалось разобрать', {}, status),
      );
    }
    // The operator hears of an outage through the same hook; the client gets a 503 to retry.
    deps.onUnexpectedError(error, c.req.raw);
    if (isStoreUnavailable(error)) return unavailableProblem(error).toResponse();
    return problemResponse(problem('internal', 'Непредвиденная ошибка сервера'));
  });
  // First, so that it sees every response: problems, 404s and 405s included.
  app.use(securityHeaders(deps.securityHeaders));
  app.notFound((c) =>
    problemResponse(problem('not-found', `Здесь ничего нет: ${c.req.method} ${c.req.path}`)),
  );
  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) =>
        problemResponse(
          problem('method-not-allowed', `Метод ${c.req.method} здесь не поддерживается`, {
            allow: methods,
          }),
          { allow: methods.join(', ') },
        ),
    }),
  );

  app.use(unstorablePathIsNotFound);

  // Open311 GeoReport v2, only when configured; first, so that its own 404s answer under it.
  if (deps.open311) registerOpen311(app, deps, deps.open311);
  registerSubmit(app, deps);
  // Uploads and downloads, only when the app has a file store.
  registerFiles(app, deps);
  registerExport(app, deps);
  registerReads(app, deps);
  registerEvents(app, deps);
  // ОНФ cards, only when the store serves them (a store without case methods: messages only).
  registerCases(app, deps);
  // The organisation admin's settings, only when the store keeps them.
  registerAdmin(app, deps);
  // The SLA indicators, only when the store counts them.
  registerIndicators(app, deps);
  // The ОНФ card indicators, only when the store keeps cards and counts them.
  registerCaseIndicators(app, deps);
  registerFolders(app, deps);
  registerCatalogue(app, deps);
  registerMeta(app, deps);
  return app;
}
