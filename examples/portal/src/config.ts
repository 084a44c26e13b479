import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type OidcSettings, readOidcSettings } from './auth/oidc.js';
import { type RateLimits, readRateLimits } from './config-limits.js';
import { type Open311Settings, readOpen311Settings } from './open311/open311-settings.js';
import { type MapSettings, readMapSettings } from './web/map/map-settings.js';

/** Everything the portal can be told at start-up. */
export interface PortalConfig {
  /** TCP port; 0 picks a free one. */
  port: number;
  /** Interface to listen on; loopback by default, so a demo is not on the network. */
  hostname: string;
  /** PGlite's data directory, or `null` for an in-memory database (tests, `--memory`). */
  dataDir: string | null;
  /** Demo mode: `GET /demo/users`, the user picker on the sign-in page, demo data. */
  demo: boolean;
  /** Secret the sign-in tokens are signed with; change it to make them unguessable. */
  tokenSecret: string;
  /** How long a sign-in (its token and cookie) lasts, in seconds. */
  sessionTtlSeconds: number;
  /** `NODE_ENV=production`: the well-known token secret is refused. */
  production: boolean;
  /** The largest body of a page's form post, in bytes (413 beyond it). */
  formBodyBytes: number;
  /** The HTTP server's timeouts and connection cap (`serve()` in the HTTP adapter). */
  server: ServerLimits;
  /** Requests per client address and per user on sign-in and submit (429 beyond them). */
  rateLimits: RateLimits;
  /**
   * How many reverse proxies in front of the portal append to `X-Forwarded-For`: the
   * client address is the one that many entries from the right. 0 (default): the header is
   * ignored and the socket's address is the client's.
   */
  trustProxy: number;
  /** Mark the session cookie `Secure`, so browsers send it over HTTPS only. */
  secureCookies: boolean;
  /** How often the in-process worker fires due timers and drains the outbox. */
  workerIntervalMs: number;
  /** How long an upload may stay attached to nothing before the worker removes it. */
  unattachedUploadMs: number;
  /** The API trusts this OpenID provider's tokens instead of the demo accounts' (`RESHAEM_OIDC_*`). */
  oidc?: OidcSettings;
  /**
   * A PostgreSQL server instead of PGlite (`RESHAEM_DATABASE_URL`, and the schema in
   * `RESHAEM_DATABASE_SCHEMA`): what several portal processes share (docs/sql.md,
   * «Deployment»). `dataDir` is then unused.
   */
  postgres?: { url: string; schema?: string };
  /**
   * Where the worker also POSTs every outbox entry it performs, as JSON with an
   * `Idempotency-Key` of the entry (`RESHAEM_OUTBOX_WEBHOOK`): a notification service of
   * your own. A non-2xx answer fails the entry, which is tried again a minute later.
   */
  outboxWebhook?: string;
  /** Open311 GeoReport v2 at `/open311/v2` and its partners (`RESHAEM_OPEN311*`). */
  open311: Open311Settings;
  /** The maps' tile server (`RESHAEM_MAP_TILES`, `RESHAEM_MAP_ATTRIBUTION`); none by default. */
  map: MapSettings;
}

/** What the portal passes to the HTTP adapter's `serve()`. */
export interface ServerLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxConnections: number;
}

/** `examples/portal`, wherever the process was started from. */
export const portalDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The default data directory: `examples/portal/.data/portal` (gitignored). */
export const defaultDataDir = resolve(portalDir, '.data', 'portal');

/** The token secret everyone who has read the README knows. */
export const DEFAULT_TOKEN_SECRET = 'reshaem-demo';

function flag(argv: readonly string[], name: string): boolean {
  return argv.includes(`--${name}`);
}

function option(argv: readonly string[], name: string): string | undefined {
  const prefix = `--${name}=`;
  const inline = argv.find((a) => a.startsWith(prefix));
  if (inline) return inline.slice(prefix.length);
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? argv[at + 1] : undefined;
}

const truthy = (value: string | undefined) =>
  value !== undefined && ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
const falsy = (value: string | undefined) =>
  value !== undefined && ['0', 'false', 'no', 'off'].includes(value.toLowerCase());

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`PORT must be a number from 0 to 65535, got «${text}»`);
  }
  return port;
}

/** A whole number from the environment, at least `min`; the default when unset. */
function integer(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  fallback: number,
  min: number,
): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be a whole number of at least ${min}, got «${text}»`);
  }
  return value;
}

/**
 * Reads the configuration from the command line and the environment; flags win.
 *
 * | flag | environment | default |
 * |---|---|---|
 * | `--port N` | `PORT` | 3000 |
 * | `--host H` | `HOST` | `127.0.0.1` |
 * | `--data-dir D` | `RESHAEM_DATA_DIR` | `examples/portal/.data/portal` |
 * | `--memory` | `RESHAEM_MEMORY=1` | off: data survives restarts |
 * | `--no-demo` | `RESHAEM_DEMO=0` | demo mode on |
 * | — | `RESHAEM_TOKEN_SECRET` | `reshaem-demo` |
 * | — | `RESHAEM_WORKER_INTERVAL_MS` | 5000 |
 * | — | `RESHAEM_OIDC_ISSUER`, `RESHAEM_OIDC_*` | off: see `readOidcSettings` |
 * | — | `RESHAEM_SESSION_HOURS` | 12 |
 * | — | `RESHAEM_FORM_BODY_BYTES` | 262144 (256 KiB) |
 * | — | `RESHAEM_HEADERS_TIMEOUT_MS` | 10000 |
 * | — | `RESHAEM_REQUEST_TIMEOUT_MS` | 30000 |
 * | — | `RESHAEM_KEEP_ALIVE_TIMEOUT_MS` | 5000 |
 * | — | `RESHAEM_MAX_CONNECTIONS` | 1000 |
 * | — | `RESHAEM_RATE_*` | see `readRateLimits` |
 * | — | `RESHAEM_TRUST_PROXY` | 0 |
 * | — | `RESHAEM_UNATTACHED_UPLOAD_MINUTES` | 1440 (a day) |
 * | — | `RESHAEM_SECURE_COOKIES` | on with `NODE_ENV=production` |
 * | — | `RESHAEM_DATABASE_URL`, `RESHAEM_DATABASE_SCHEMA` | off: PGlite in the data directory |
 * | — | `RESHAEM_OUTBOX_WEBHOOK` | off: the demo mailer only logs |
 * | — | `RESHAEM_OPEN311`, `RESHAEM_OPEN311_PARTNERS`, `RESHAEM_OPEN311_CONTACT` | on, no partners: see `readOpen311Settings` |
 * | — | `RESHAEM_MAP_TILES`, `RESHAEM_MAP_ATTRIBUTION` | no tiles: see `readMapSettings` |
 *
 * The configuration is read, not judged: `unsafeConfigReason` says whether it may serve.
 *
 * @example
 * const config = readConfig(process.argv.slice(2), process.env);
 */
export function readConfig(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): PortalConfig {
  const memory = flag(argv, 'memory') || truthy(env.RESHAEM_MEMORY);
  const dataDir = option(argv, 'data-dir') ?? env.RESHAEM_DATA_DIR;
  const interval = Number(env.RESHAEM_WORKER_INTERVAL_MS ?? 5000);
  const port = parsePort(option(argv, 'port') ?? env.PORT ?? '3000');
  return {
    port,
    hostname: option(argv, 'host') ?? env.HOST ?? '127.0.0.1',
    dataDir: memory ? null : resolve(dataDir ?? defaultDataDir),
    demo: !(flag(argv, 'no-demo') || falsy(env.RESHAEM_DEMO)),
    tokenSecret: env.RESHAEM_TOKEN_SECRET || DEFAULT_TOKEN_SECRET,
    workerIntervalMs: Number.isFinite(interval) && interval >= 100 ? interval : 5000,
    unattachedUploadMs: integer(env, 'RESHAEM_UNATTACHED_UPLOAD_MINUTES', 24 * 60, 1) * 60_000,
    ...readOidcSettings(env, port),
    sessionTtlSeconds: sessionSeconds(env.RESHAEM_SESSION_HOURS),
    production: env.NODE_ENV === 'production',
    formBodyBytes: integer(env, 'RESHAEM_FORM_BODY_BYTES', 256 * 1024, 1024),
    server: {
      headersTimeoutMs: integer(env, 'RESHAEM_HEADERS_TIMEOUT_MS', 10_000, 100),
      requestTimeoutMs: integer(env, 'RESHAEM_REQUEST_TIMEOUT_MS', 30_000, 100),
      keepAliveTimeoutMs: integer(env, 'RESHAEM_KEEP_ALIVE_TIMEOUT_MS', 5_000, 100),
      maxConnections: integer(env, 'RESHAEM_MAX_CONNECTIONS', 1_000, 1),
    },
    rateLimits: readRateLimits(env),
    open311: readOpen311Settings(env),
    map: readMapSettings(env),
    trustProxy: integer(env, 'RESHAEM_TRUST_PROXY', 0, 0),
    // Production is served over HTTPS (behind a proxy); a local demo over plain HTTP.
    secureCookies: falsy(env.RESHAEM_SECURE_COOKIES)
      ? false
      : truthy(env.RESHAEM_SECURE_COOKIES) || env.NODE_ENV === 'production',
    ...(env.RESHAEM_DATABASE_URL && {
      postgres: {
        url: env.RESHAEM_DATABASE_URL,
        ...(env.RESHAEM_DATABASE_SCHEMA && { schema: env.RESHAEM_DATABASE_SCHEMA }),
      },
    }),
    ...(env.RESHAEM_OUTBOX_WEBHOOK && { outboxWebhook: env.RESHAEM_OUTBOX_WEBHOOK }),
  };
}

/** `RESHAEM_SESSION_HOURS` (fractions allowed, at least a minute) in seconds; 12 hours by default. */
function sessionSeconds(text: string | undefined): number {
  if (text === undefined || text === '') return 12 * 60 * 60;
  const hours = Number(text);
  if (!Number.isFinite(hours) || hours * 60 < 1) {
    throw new Error(
      `RESHAEM_SESSION_HOURS must be a number of hours (at least 1/60), got «${text}»`,
    );
  }
  return Math.round(hours * 60 * 60);
}
