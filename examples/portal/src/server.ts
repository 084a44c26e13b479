import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type FetchApp, type ServerLimitOptions, serve } from '@reshaem/adapters-http';

/** The port is taken by another process. */
export class PortBusyError extends Error {
  override readonly name = 'PortBusyError';
  constructor(readonly port: number) {
    super(`port ${port} is already in use`);
  }
}

export interface Listening {
  server: Server;
  port: number;
  /**
   * Stops accepting connections, lets the requests in flight finish (their writes
   * included), closes idle keep-alive connections at once, and after `graceMs` (10 s by
   * default) closes whatever is still open.
   */
  close(graceMs?: number): Promise<void>;
}

/**
 * Serves the app with the HTTP adapter's `serve` and resolves once it listens; rejects
 * with {@link PortBusyError} when the port is taken. The timeouts and the connection cap
 * are `serve`'s (its defaults where left out).
 *
 * @example
 * const { port, close } = await listen(portal.app, { port: 0, hostname: '127.0.0.1' });
 */
export function listen(
  app: FetchApp,
  options: { port: number; hostname: string } & ServerLimitOptions,
): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const { port, hostname, ...limits } = options;
    const server = serve(app, {
      ...limits,
      port,
      hostname,
      onListening: (info: AddressInfo) =>
        resolve({
          server,
          port: info.port,
          close: (graceMs = 10_000) =>
            new Promise<void>((done) => {
              const overdue = setTimeout(() => server.closeAllConnections(), graceMs);
              server.close(() => {
                clearTimeout(overdue);
                done();
              });
              server.closeIdleConnections();
            }),
        }),
    }) as Server;
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortBusyError(options.port) : error),
    );
  });
}
