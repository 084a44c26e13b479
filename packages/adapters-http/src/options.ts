import type { MessageStore, Principal } from '@reshaem/core';
import {
  type HttpFileOptions,
  type ResolvedFileOptions,
  resolveFileOptions,
} from './files/file-options.js';
import { createHttpLogger, type HttpLogger } from './log/logger.js';
import { logUnexpectedError } from './log/unexpected-error.js';
import {
  type Open311Options,
  type ResolvedOpen311Options,
  resolveOpen311Options,
} from './open311/open311-options.js';
import { resolveSecurityHeaders, type SecurityHeadersOption } from './security-headers.js';

/**
 * Turns a request into the principal who sent it, or `null` when it carries no valid
 * credentials (the app answers 401). The adapter never trusts a principal in a body: every
 * event is stamped with what this function returns. To tell the client why its token was
 * refused, throw an `AuthenticationError` (401 with RFC 6750's `error="invalid_token"`);
 * `createOidcAuthenticate` from `@reshaem/adapters-http/oidc` does so for OpenID Connect.
 */
export type Authenticate = (request: Request) => Principal | null | Promise<Principal | null>;

/** What a new message's public number is made from. */
export interface NumberInput {
  messageId: string;
  regionCode: string;
  /** The instant the message is submitted at. */
  at: string;
}

export interface HttpLimits {
  /** The largest request body, in bytes (413 beyond it). Default 256 KiB. */
  bodyBytes?: number;
  /** The largest `limit` of a list page (422 beyond it); at most 200. Default 100. */
  pageSize?: number;
}

export interface OpenApiInfo {
  title?: string;
  version?: string;
  description?: string;
  /** Where the API is served, e.g. `[{ url: '/api' }]` when mounted under a prefix. */
  servers?: { url: string; description?: string }[];
}

export interface HttpAppOptions {
  store: MessageStore;
  authenticate: Authenticate;
  /** The clock that stamps events (`at`). The core never reads a clock; adapters may. */
  now?: () => Date;
  /**
   * The public number of a new message («Номер»). Absent (the default), the store numbers
   * it: `<region>-<YYMMDD>-<seq>` from a counter per region, the date in the region's local
   * time (`messageNumber` in the core). Supply one only to number messages your own way.
   */
  assignNumber?: (input: NumberInput) => string | Promise<string>;
  /** A new message id when the body names none. Default `crypto.randomUUID()`. */
  newMessageId?: () => string;
  limits?: HttpLimits;
  openapi?: OpenApiInfo;
  /**
   * A path prefix when the app is mounted where it sees full URLs, e.g. `/api` for a
   * Next.js catch-all route or a Fastify prefix. Leave it out where the host strips the
   * prefix itself (Express `app.use('/api', …)`).
   */
  basePath?: string;
  /**
   * Where unexpected errors are logged: a pino-shaped `{ error(object, message) }` (your pino
   * instance, or a child of it). Default: pino writing JSON lines to stderr, with applicant
   * fields redacted (`createHttpLogger`).
   */
  logger?: HttpLogger;
  /**
   * Told about errors the app did not expect (a store that failed, a bug); the client gets
   * a 500 problem without details. Default: logs the method, the path (not the query),
   * the request id and the error's name, message, code and stack to `logger` — never the
   * error's other fields (a database error's parameters hold the applicant's data) and
   * never a body.
   */
  onUnexpectedError?: (error: unknown, request: Request) => void;
  /**
   * Security headers on every response: by default `X-Content-Type-Options: nosniff`,
   * `X-Frame-Options: DENY`, `Referrer-Policy: no-referrer` and
   * `Content-Security-Policy: default-src 'none'; frame-ancestors 'none'` (the HTML
   * reference at `/docs` keeps its own policy). `false` sends none; an object replaces
   * defaults by name (`false` drops one), e.g. `{ 'referrer-policy': 'same-origin' }`.
   */
  securityHeaders?: SecurityHeadersOption;
  /**
   * Uploads and downloads (`POST /files`, `GET /files/{id}`) and file references in
   * submits and answers. Without it the file routes are absent and any reference to an
   * upload is refused as unknown.
   */
  files?: HttpFileOptions;
  /**
   * Serve Open311 GeoReport v2 (docs/open311.md) under `open311.prefix` (default
   * `/open311/v2`); `open311.partnerOf` maps an integration partner's `api_key` to who
   * submits. Absent: no Open311 routes.
   */
  open311?: Open311Options;
}

/** The options with every default filled in. */
export interface ResolvedOptions {
  store: MessageStore;
  authenticate: Authenticate;
  now: () => Date;
  assignNumber: ((input: NumberInput) => string | Promise<string>) | undefined;
  newMessageId: () => string;
  limits: Required<HttpLimits>;
  openapi: OpenApiInfo;
  basePath: string;
  onUnexpectedError: (error: unknown, request: Request) => void;
  securityHeaders: [string, string][];
  files: ResolvedFileOptions | undefined;
  open311: ResolvedOpen311Options | undefined;
}

export const DEFAULT_BODY_BYTES = 256 * 1024;
export const DEFAULT_PAGE_SIZE_LIMIT = 100;
/** The core's own ceiling for a page (`messageQuerySchema`). */
export const MAX_PAGE_SIZE = 200;

/** The given logger, or the default made on first use (an app that never fails opens none). */
function defaultLogger(options: HttpAppOptions): () => HttpLogger {
  let logger = options.logger;
  return () => {
    logger ??= createHttpLogger();
    return logger;
  };
}

export function resolveOptions(options: HttpAppOptions): ResolvedOptions {
  const pageSize = options.limits?.pageSize ?? DEFAULT_PAGE_SIZE_LIMIT;
  const bodyBytes = options.limits?.bodyBytes ?? DEFAULT_BODY_BYTES;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new RangeError(`limits.pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  }
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  if (basePath !== '' && !basePath.startsWith('/')) {
    throw new RangeError('basePath starts with a slash, e.g. "/api"');
  }
  if (!Number.isInteger(bodyBytes) || bodyBytes < 1) {
    throw new RangeError('limits.bodyBytes must be a positive integer');
  }
  return {
    store: options.store,
    authenticate: options.authenticate,
    now: options.now ?? (() => new Date()),
    assignNumber: options.assignNumber,
    newMessageId: options.newMessageId ?? (() => crypto.randomUUID()),
    limits: { bodyBytes, pageSize },
    basePath,
    openapi: {
      ...options.openapi,
      servers: options.openapi?.servers ?? [{ url: basePath === '' ? '/' : basePath }],
    },
    onUnexpectedError: options.onUnexpectedError ?? logUnexpectedError(defaultLogger(options)),
    securityHeaders: resolveSecurityHeaders(options.securityHeaders),
    files: resolveFileOptions(options.files),
    open311: options.open311 === undefined ? undefined : resolveOpen311Options(options.open311),
  };
}
