import { hasCaseStore, hasSettingsStore } from '@reshaem/core';
import type { Hono } from 'hono';
import { countsCaseIndicators } from '../analytics/count-case-indicators.js';
import { countsIndicators } from '../analytics/count-indicators.js';
import type { AppEnv, RouteDeps } from '../env.js';
import { DOCS_STYLE, renderDocsPage } from '../openapi/docs-page.js';
import { buildOpenApiDocument, type OpenApiDocument } from '../openapi/document.js';

/** GET /openapi.json and GET /docs, built once on first request. */
export function registerMeta(app: Hono<AppEnv>, deps: RouteDeps): void {
  let document: OpenApiDocument | undefined;
  let page: string | undefined;
  const doc = () => {
    document ??= buildOpenApiDocument(deps.openapi, {
      cases: hasCaseStore(deps.store),
      admin: hasSettingsStore(deps.store),
      files: deps.files !== undefined,
      indicators: countsIndicators(deps.store),
      caseIndicators: countsCaseIndicators(deps.store),
      ...(deps.open311 ? { open311: { prefix: deps.open311.prefix } } : {}),
    });
    return document;
  };
  app.get('/openapi.json', (c) => c.json(doc()));
  let policy: string | undefined;
  app.get('/docs', async (c) => {
    page ??= renderDocsPage(doc());
    policy ??= `default-src 'none'; style-src '${await sha256(DOCS_STYLE)}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
    return c.html(page, 200, { 'content-security-policy': policy });
  });
}

/** A CSP source for inline text: `sha256-<base64 of its SHA-256>`. */
async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return `sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}`;
}
