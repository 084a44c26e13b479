import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener, type ServerType, serve as serveNode } from '@hono/node-server';

/** Anything with a fetch-standard handler, such as the app `createHttpApp` returns. */
export interface FetchApp {
  fetch: (request: Request) => Response | Promise<Response>;
}

export interface ServeOptions {
  /** Default 3000. Use 0 for any free port (see `onListening`). */
  port?: number;
  /** Default all interfaces. */
  hostname?: string;
  onListening?: (info: AddressInfo) => void;
}

/**
 * Serves a fetch-standard app (the one `createHttpApp` returns) on Node's HTTP server with
 * `@hono/node-server`. Returns the server; `server.close()` stops it.
 *
 * @example
 * const server = serve(createHttpApp({ store, authenticate }), { port: 3000 });
 */
export function serve(app: FetchApp, options: ServeOptions = {}): ServerType {
  return serveNode(
    {
      fetch: (request: Request) => app.fetch(request),
      port: options.port ?? 3000,
      ...(options.hostname === undefined ? {} : { hostname: options.hostname }),
    },
    options.onListening,
  );
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
  return getRequestListener((request: Request) => app.fetch(request));
}
