/**
 * `serve()`'s timeouts and connection cap, against real sockets on 127.0.0.1: a slowloris
 * client, a client that trickles its body, an idle keep-alive connection, and more
 * connections than the cap allows.
 */
import type { Server } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type FetchApp, type ServeOptions, serve } from '../src/index.js';

const hello: FetchApp = {
  fetch: async (request, env) => {
    const body = request.method === 'POST' ? await request.text() : '';
    return new Response(`hello ${env?.incoming.socket.remoteAddress ?? 'nobody'}${body}`, {
      headers: { 'content-type': 'text/plain' },
    });
  },
};

const servers: Server[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
    ),
  );
});

function start(options: Omit<ServeOptions, 'port' | 'hostname' | 'onListening'>) {
  return new Promise<number>((resolve) => {
    const server = serve(hello, {
      ...options,
      port: 0,
      hostname: '127.0.0.1',
      onListening: (info: AddressInfo) => resolve(info.port),
    }) as Server;
    servers.push(server);
  });
}

/** A raw connection that records what it receives and when the server closes it. */
function open(port: number) {
  const socket = connect(port, '127.0.0.1');
  sockets.push(socket);
  const opened = Date.now();
  let received = '';
  socket.on('data', (chunk) => {
    received += chunk.toString('latin1');
  });
  socket.on('error', () => {});
  const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now())));
  const connected = new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  return { socket, opened, closed, connected, received: () => received };
}

const request = 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n';

/** Waits until the connection has received a whole response of `hello`. */
async function answered(conn: ReturnType<typeof open>): Promise<void> {
  const deadline = Date.now() + 3000;
  while (!/hello/.test(conn.received()) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
  }
  expect(conn.received()).toMatch(/^HTTP\/1\.1 200 OK[\s\S]*hello 127\.0\.0\.1$/);
}

const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([
    promise,
    new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms)),
  ]);

describe('serve: timeouts', () => {
  it('cuts off a slowloris client that never finishes its headers, after headersTimeoutMs', async () => {
    const port = await start({ headersTimeoutMs: 1000, requestTimeoutMs: 5000 });
    const conn = open(port);
    await conn.connected;
    conn.socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    // A header line every 200 ms: the connection is never idle, the headers never end.
    const drip = setInterval(() => conn.socket.write(`X-Drip-${Date.now()}: 1\r\n`), 200);
    try {
      const closedAt = await within(conn.closed, 4000);
      expect(closedAt, 'the server kept the slowloris connection open').not.toBe('timeout');
      const after = (closedAt as number) - conn.opened;
      expect(after).toBeGreaterThanOrEqual(950);
      expect(after).toBeLessThan(2500);
      expect(conn.received()).toMatch(/^HTTP\/1\.1 408 Request Timeout/);
    } finally {
      clearInterval(drip);
    }
    // The server still answers a client that sends its request in time.
    const fine = open(port);
    fine.socket.write(request);
    await answered(fine);
  });

  it('cuts off a client that trickles its body, after requestTimeoutMs', async () => {
    const port = await start({ headersTimeoutMs: 500, requestTimeoutMs: 1500 });
    const conn = open(port);
    await conn.connected;
    conn.socket.write(
      'POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n',
    );
    const drip = setInterval(() => conn.socket.write('x'), 100);
    try {
      const closedAt = await within(conn.closed, 4000);
      expect(closedAt, 'the server waited for the trickled body').not.toBe('timeout');
      const after = (closedAt as number) - conn.opened;
      expect(after).toBeGreaterThanOrEqual(1450);
      expect(after).toBeLessThan(3000);
      expect(conn.received()).toMatch(/^HTTP\/1\.1 408 Request Timeout/);
    } finally {
      clearInterval(drip);
    }
  });

  it('closes an idle keep-alive connection after keepAliveTimeoutMs', async () => {
    const port = await start({ keepAliveTimeoutMs: 400 });
    const conn = open(port);
    conn.socket.write(request);
    await answered(conn);
    const answeredAt = Date.now();
    const closedAt = await within(conn.closed, 3000);
    expect(closedAt, 'the idle connection stayed open').not.toBe('timeout');
    const idle = (closedAt as number) - answeredAt;
    expect(idle).toBeGreaterThanOrEqual(300);
    expect(idle).toBeLessThan(2000);
  });
});

describe('serve: connection cap', () => {
  it('refuses connections over maxConnections and accepts again once one closes', async () => {
    const port = await start({ maxConnections: 2 });
    const first = open(port);
    const second = open(port);
    first.socket.write(request);
    second.socket.write(request);
    await answered(first);
    await answered(second);

    const third = open(port);
    await third.connected;
    third.socket.write(request);
    const closedAt = await within(third.closed, 2000);
    expect(closedAt, 'a third connection was kept over a cap of 2').not.toBe('timeout');
    expect(third.received()).toBe('');

    first.socket.destroy();
    await first.closed;
    await new Promise((r) => setTimeout(r, 50)); // the server sees the close
    const fourth = open(port);
    fourth.socket.write(request);
    await answered(fourth);
  });
});

describe('serve: options', () => {
  it('refuses limits that are not positive integers, or headers longer than the request', () => {
    expect(() => serve(hello, { port: 0, headersTimeoutMs: 0 })).toThrow(RangeError);
    expect(() => serve(hello, { port: 0, maxConnections: 1.5 })).toThrow(/maxConnections/);
    expect(() =>
      serve(hello, { port: 0, headersTimeoutMs: 20_000, requestTimeoutMs: 10_000 }),
    ).toThrow(/headersTimeoutMs must not exceed requestTimeoutMs/);
  });

  it('sets the documented defaults on the server', async () => {
    await start({});
    const server = servers[0] as Server;
    expect(server.headersTimeout).toBe(10_000);
    expect(server.requestTimeout).toBe(30_000);
    expect(server.keepAliveTimeout).toBe(5_000);
    expect(server.maxConnections).toBe(1_000);
  });
});
