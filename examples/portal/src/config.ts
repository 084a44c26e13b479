import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type OidcSettings, readOidcSettings } from './auth/oidc.js';

/** Everything the portal can be told at start-up. */
export interface PortalConfig {
  /** TCP port; 0 picks a free one. */
  port: number;
  /** Interface to listen on. */
  hostname: string;
  /** PGlite's data directory, or `null` for an in-memory database (tests, `--memory`). */
  dataDir: string | null;
  /** Demo mode: `GET /demo/users`, the user picker on the sign-in page, demo data. */
  demo: boolean;
  /** Secret the sign-in tokens are derived from; change it to make them unguessable. */
  tokenSecret: string;
  /** How often the in-process worker fires due timers and drains the outbox. */
  workerIntervalMs: number;
  /** The API trusts this OpenID provider's tokens instead of the demo accounts' (`RESHAEM_OIDC_*`). */
  oidc?: OidcSettings;
}

/** `examples/portal`, wherever the process was started from. */
export const portalDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The default data directory: `examples/portal/.data/portal` (gitignored). */
export const defaultDataDir = resolve(portalDir, '.data', 'portal');

const DEFAULT_TOKEN_SECRET = 'reshaem-demo';

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

/**
 * Reads the configuration from the command line and the environment; flags win.
 *
 * | flag | environment | default |
 * |---|---|---|
 * | `--port N` | `PORT` | 3000 |
 * | `--host H` | `HOST` | `0.0.0.0` |
 * | `--data-dir D` | `RESHAEM_DATA_DIR` | `examples/portal/.data/portal` |
 * | `--memory` | `RESHAEM_MEMORY=1` | off: data survives restarts |
 * | `--no-demo` | `RESHAEM_DEMO=0` | demo mode on |
 * | — | `RESHAEM_TOKEN_SECRET` | `reshaem-demo` |
 * | — | `RESHAEM_WORKER_INTERVAL_MS` | 5000 |
 * | — | `RESHAEM_OIDC_ISSUER`, `RESHAEM_OIDC_*` | off: see `readOidcSettings` |
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
  return {
    port: parsePort(option(argv, 'port') ?? env.PORT ?? '3000'),
    hostname: option(argv, 'host') ?? env.HOST ?? '0.0.0.0',
    dataDir: memory ? null : resolve(dataDir ?? defaultDataDir),
    demo: !(flag(argv, 'no-demo') || falsy(env.RESHAEM_DEMO)),
    tokenSecret: env.RESHAEM_TOKEN_SECRET || DEFAULT_TOKEN_SECRET,
    workerIntervalMs: Number.isFinite(interval) && interval >= 100 ? interval : 5000,
    ...readOidcSettings(env),
  };
}
