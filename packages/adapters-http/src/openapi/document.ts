import type { OpenApiInfo } from '../options.js';
import { adminComponentSchemas, adminPaths } from './admin-operations.js';
import { analyticsComponentSchemas, analyticsPaths } from './analytics-operations.js';
import { caseAnalyticsComponentSchemas, caseAnalyticsPaths } from './case-analytics-operations.js';
import { caseComponentSchemas, casePaths } from './case-operations.js';
import { componentSchemas } from './components.js';
import { fileComponentSchemas, filePaths } from './file-operations.js';
import { open311MediaPath } from './open311-media-operation.js';
import { open311Paths } from './open311-operations.js';
import { type Paths, paths } from './operations.js';
import { componentHeaders, componentParameters } from './parameters.js';
import { unavailableResponse, withUnavailable } from './unavailable.js';

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  servers: { url: string; description?: string }[];
  paths: Paths;
  components: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

const description = `The workflow of the ПОС («Решаем вместе») over HTTP.

Every refusal is an RFC 9457 problem (\`application/problem+json\`) whose \`type\` is stable;
4xx responses never change state. While the database is unavailable, requests get 503
(\`type\` …/unavailable) with \`Retry-After\`. Messages outside the caller's scope are reported as 404.`;

/**
 * The OpenAPI 3.1 document of the app, generated from the zod schemas of the core and of
 * this adapter with zod's own \`z.toJSONSchema\` (JSON Schema 2020-12, the dialect of
 * OpenAPI 3.1). The app serves it at GET /openapi.json; this builds it without an app, for
 * client generators and tests.
 *
 * @example
 * const doc = buildOpenApiDocument({ title: 'Портал', version: '1.2.0', servers: [{ url: '/api' }] });
 * await writeFile('openapi.json', JSON.stringify(doc, null, 2));
 */
export function buildOpenApiDocument(
  info: OpenApiInfo = {},
  /** `cases: false` for a store without the ОНФ case methods (messages only). */
  options: {
    cases?: boolean;
    admin?: boolean;
    files?: boolean;
    /** `indicators: false` for a store that does not count the SLA indicators. */
    indicators?: boolean;
    /** `caseIndicators: false` for a store that does not count the ОНФ card indicators. */
    caseIndicators?: boolean;
    open311?: { prefix: string };
  } = {},
): OpenApiDocument {
  const cases = options.cases ?? true;
  /** `admin: false` for a store without organisation settings. */
  const admin = options.admin ?? true;
  /** `files: false` for an app without a file store. */
  const files = options.files ?? true;
  const indicators = options.indicators ?? true;
  const caseIndicators = cases && (options.caseIndicators ?? true);
  return {
    openapi: '3.1.0',
    info: {
      title: info.title ?? 'reshaem API',
      version: info.version ?? '0.0.0',
      description: info.description ?? description,
    },
    servers: info.servers ?? [{ url: '/' }],
    tags: [
      { name: 'messages', description: 'Submit, read and act on messages' },
      { name: 'backoffice', description: 'Folders of the organisation’s workspace' },
      { name: 'export', description: 'The ПОС export format' },
      { name: 'catalogue', description: 'Topics and deadline rules' },
      { name: 'meta', description: 'This description' },
      ...(files ? [{ name: 'files', description: 'Uploads and downloads' }] : []),
      ...(indicators || caseIndicators
        ? [{ name: 'analytics', description: 'SLA indicators (docs/analytics.md)' }]
        : []),
      ...(options.open311
        ? [{ name: 'open311', description: 'Open311 GeoReport v2 (JSON and XML)' }]
        : []),
      ...(cases ? [{ name: 'cases', description: 'ОНФ cards (SPEC §9)' }] : []),
      ...(admin
        ? [
            {
              name: 'admin',
              description: 'An organisation admin’s autorules, notifications and templates',
            },
          ]
        : []),
    ],
    security: [{ bearerAuth: [] }],
    paths: withUnavailable({
      ...paths(),
      ...(cases ? casePaths() : {}),
      ...(admin ? adminPaths() : {}),
      ...(files ? filePaths() : {}),
      ...(indicators ? analyticsPaths() : {}),
      ...(caseIndicators ? caseAnalyticsPaths() : {}),
      ...(options.open311 ? open311Paths(options.open311.prefix) : {}),
      ...(options.open311 && files ? open311MediaPath(options.open311.prefix) : {}),
    }),
    components: {
      schemas: {
        ...componentSchemas(),
        ...(cases ? caseComponentSchemas() : {}),
        ...(admin ? adminComponentSchemas() : {}),
        ...(files ? fileComponentSchemas() : {}),
        ...(indicators ? analyticsComponentSchemas() : {}),
        ...(caseIndicators ? caseAnalyticsComponentSchemas() : {}),
      },
      parameters: componentParameters,
      headers: componentHeaders,
      responses: { Unavailable: unavailableResponse },
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'Whatever credentials the portal’s `authenticate` accepts',
        },
      },
    },
  };
}
