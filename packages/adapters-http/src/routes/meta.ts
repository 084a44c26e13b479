import { hasCaseStore, hasSettingsStore } from '@reshaem/core';
import type { Hono } from 'hono';
import type { AppEnv, RouteDeps } from '../env.js';
import { renderDocsPage } from '../openapi/docs-page.js';
import { buildOpenApiDocument, type OpenApiDocument } from '../openapi/document.js';

/** GET /openapi.json and GET /docs, built once on first request. */
export function registerMeta(app: Hono<AppEnv>, deps: RouteDeps): void {
  let document: OpenApiDocument | undefined;
  let page: string | undefined;
  const doc = () => {
    document ??= buildOpenApiDocument(deps.openapi, {
      cases: hasCaseStore(deps.store),
      admin: hasSettingsStore(deps.store),
    });
    return document;
  };
  app.get('/openapi.json', (c) => c.json(doc()));
  app.get('/docs', (c) => {
    page ??= renderDocsPage(doc());
    return c.html(page, 200, {
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    });
  });
}
