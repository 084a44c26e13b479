import { DEFAULT_TOKEN_SECRET, type PortalConfig, readConfig } from './config.js';

/** The shortest token secret accepted on a public address or in production. */
export const MIN_PUBLIC_SECRET_LENGTH = 16;

/** `127.0.0.1` and the rest of 127/8, `::1`, `localhost`: reachable from this machine only. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return (
    host === 'localhost' ||
    host === '::1' ||
    /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
  );
}

/**
 * Why the portal must not start with this configuration, as one line that says what to
 * set, or `null` when it may. Anyone who knows the token secret can sign in as anyone, and
 * the default one is printed in the README: it is accepted only on a loopback address and
 * outside production.
 *
 * @example
 * unsafeConfigReason(readConfig(['--host', '0.0.0.0'], {})); // 'Refusing to start: …'
 */
export function unsafeConfigReason(
  config: Pick<PortalConfig, 'hostname' | 'production' | 'tokenSecret'>,
): string | null {
  const where = !isLoopback(config.hostname)
    ? `it would listen on ${config.hostname || 'every interface'}, not only on this machine`
    : config.production
      ? 'NODE_ENV is production'
      : null;
  if (where === null) return null;
  const fix = `set RESHAEM_TOKEN_SECRET to a long random value (e.g. \`openssl rand -base64 32\`), or run on 127.0.0.1 without NODE_ENV=production`;
  if (config.tokenSecret === DEFAULT_TOKEN_SECRET) {
    return `Refusing to start: the token secret is the well-known default «${DEFAULT_TOKEN_SECRET}» and ${where}; ${fix}.`;
  }
  if (config.tokenSecret.length < MIN_PUBLIC_SECRET_LENGTH) {
    return `Refusing to start: the token secret is shorter than ${MIN_PUBLIC_SECRET_LENGTH} characters and ${where}; ${fix}.`;
  }
  return null;
}

/**
 * `readConfig`, for `npm start`: a configuration that cannot be read or must not serve is
 * reported in one line on stderr and the process exits with code 1, before anything is
 * opened.
 */
export function readConfigOrExit(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): PortalConfig {
  let config: PortalConfig;
  try {
    config = readConfig(argv, env);
  } catch (error) {
    console.error(`The portal could not start: ${(error as Error).message}`);
    process.exit(1);
  }
  const reason = unsafeConfigReason(config);
  if (reason !== null) {
    console.error(reason);
    process.exit(1);
  }
  return config;
}
