import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  getRequestListener,
  type HttpBindings,
  type ServerType,
  serve as serveNode,
} from '@hono/node-server';

/**
 * Anything with a fetch-standard handler, such as the app `createHttpApp` returns. `serve`
 * passes Node's request and response as `env` (`{ incoming, outgoing }`), which is where a
 * Hono app finds the client's address (`c.env.incoming.socket.remoteAddress`).
 */
export interface FetchApp {
  fetch: (request: Request, env?: HttpBindings) => Response | Promise<Response>;
}

/** The server's timeouts and connection cap; see {@link serve} for the defaults and why. */
export interface ServerLimitOptions {
  /**
   * How long a client may take to send the request's headers, in milliseconds; then the
   * server answers 408 and closes the connection. Default 10 000. Cuts off slowloris
   * clients, which hold a connection open by sending a header line now and then.
   */
  headersTimeoutMs?: number;
  /**
   * How long a client may take to send the whole request, body included, in milliseconds
   * (408 after it). Default 30 000. At least `headersTimeoutMs`.
   */
  requestTimeoutMs?: number;
  /** How long an idle keep-alive connection stays open, in milliseconds. Default 5 000. */
  keepAliveTimeoutMs?: number;
  /**
   * The most connections open at once; the server closes new ones beyond it without
   * reading them. Default 1 000. Set it below the process's open-file limit.
   */
  maxConnections?: number;
}

export interface ServeOptions extends ServerLimitOptions {
  /** Default 3000. Use 0 for any free port (see `onListening`). */
  port?: number;
  /** Default all interfaces. */
  hostname?: string;
  onListening?: (info: AddressInfo) => void;
}

/** The defaults of {@link ServerLimitOptions}. */
export const DEFAULT_SERVER_LIMITS: Required<ServerLimitOptions> = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 1_000,
};

function resolveLimits(options: ServerLimitOptions): Required<ServerLimitOptions> {
  const limits = { ...DEFAULT_SERVER_LIMITS };
  for (const key of Object.keys(limits) as (keyof ServerLimitOptions)[]) {
    const value = options[key];
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < 1) {
      throw new RangeError(`serve: ${key} must be a positive integer, got ${value}`);
    }
    limits[key] = value;
  }
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    throw new RangeError('serve: headersTimeoutMs must not exceed requestTimeoutMs');
  }
  return limits;
}

/**
 * Serves a fetch-standard app (the one `createHttpApp` returns) on Node's HTTP server with
 * `@hono/node-server`. Returns the server; `server.close()` stops it.
 *
 * Node's own defaults suit a trusted network, not an address on the internet: a minute
 * for the headers, five for the request and no cap on connections, so a few hundred slow
 * clients can hold a process. `serve` sets tighter ones (headers 10 s, request 30 s,
 * keep-alive 5 s, 1 000 connections; see {@link ServerLimitOptions}) and checks the
 * timeouts every second rather than Node's every 30 s, so they hold to the second.
 *
 * @example
 * const server = serve(createHttpApp({ store, authenticate }), {
 *   port: 3000,
 *   hostname: '127.0.0.1',
 *   headersTimeoutMs: 5_000,
 *   maxConnections: 500,
 * });
 */
export function serve(app: FetchApp, options: ServeOptions = {}): ServerType {
  const limits = resolveLimits(options);
  const server = serveNode(
    {
      fetch: (request: Request, env: HttpBindings | object) =>
        app.fetch(request, env as HttpBindings),
      port: options.port ?? 3000,
      ...(options.hostname === undefined ? {} : { hostname: options.hostname }),
      serverOptions: {
        headersTimeout: limits.headersTimeoutMs,
        requestTimeout: limits.requestTimeoutMs,
        keepAliveTimeout: limits.keepAliveTimeoutMs,
        connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs),
      },
    },
    options.onListening,
  );
  server.maxConnections = limits.maxConnections;
  if ('keepAliveTimeout' in server) server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  return server;
}

/**
 * The app as a Node request listener `(req, res)`, for Express, Fastify (with
 * `reply.hijack()`) or `http.createServer`. The host must leave the body unread: mount it
 * before any body parser.
 *
 * @example
 * const server = express();
 * server.use('/api', toNodeListener(createHttpApp({ store, authenticate })));
 */
export function toNodeListener(
  app: FetchApp,
): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  return getRequestListener((request: Request, env) => app.fetch(request, env as HttpBindings));
}
