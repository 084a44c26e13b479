import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Listening, listen } from '../src/server.js';
import { formPost, memoryPortalApp, signIn, startTestPortal, type TestPortal } from './support.js';

const MiB = 1024 * 1024;
const CHUNK = 64 * 1024;

let portal: TestPortal;
let server: Listening;
beforeAll(async () => {
  portal = await startTestPortal();
  server = await listen(portal.app, { port: 0, hostname: '127.0.0.1' });
});
afterAll(async () => {
  await server?.close();
  await portal?.close();
});

/** A urlencoded form body of `bytes` bytes that is read only as far as the reader pulls it. */
function endlessForm(bytes: number) {
  const counter = { pulled: 0 };
  const chunk = new TextEncoder().encode('a'.repeat(CHUNK));
  const head = new TextEncoder().encode('userId=app-ivanov&text=');
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = counter.pulled === 0 ? head : chunk;
      if (counter.pulled >= bytes) return controller.close();
      counter.pulled += next.byteLength;
      controller.enqueue(next);
    },
  });
  return { stream, counter };
}

/** A form post streamed without a length (chunked), as the app receives it. */
const streamedPost = (path: string, body: ReadableStream<Uint8Array>, cookie?: string) =>
  new Request(`http://localhost${path}`, {
    method: 'POST',
    headers: {
      origin: 'http://localhost',
      'content-type': 'application/x-www-form-urlencoded',
      ...(cookie ? { cookie } : {}),
    },
    body,
    duplex: 'half',
  } as RequestInit);

describe('form posts are capped before they are parsed', () => {
  it('stops reading a 32 MiB body without a length at the limit (256 KiB)', async () => {
    const { stream, counter } = endlessForm(32 * MiB);
    const response = await portal.app.fetch(streamedPost('/sign-in', stream));
    expect(response.status).toBe(413);
    expect(response.headers.get('connection')).toBe('close');
    expect(await response.text()).toContain('Слишком большой запрос');
    // Read to the limit and one chunk more, never the rest.
    expect(counter.pulled).toBeGreaterThan(256 * 1024);
    expect(counter.pulled).toBeLessThanOrEqual(256 * 1024 + 2 * CHUNK);
  });

  it('caps the pages behind sign-in the same way', async () => {
    const cookie = await signIn(portal, 'app-ivanov');
    const { stream, counter } = endlessForm(32 * MiB);
    const response = await portal.app.fetch(streamedPost('/my/messages', stream, cookie));
    expect(response.status).toBe(413);
    expect(counter.pulled).toBeLessThanOrEqual(256 * 1024 + 2 * CHUNK);
    const { stream: card } = endlessForm(MiB);
    const event = await portal.app.fetch(
      streamedPost('/messages/demo-101/events/moderation.accept', card, cookie),
    );
    expect(event.status).toBe(413);
  });

  it('answers a declared 32 MiB over a real socket at once, having read only its headers', async () => {
    const socket = connect(server.port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
    });
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.on('error', () => {});
    const began = Date.now();
    socket.write(
      'POST /sign-in HTTP/1.1\r\nHost: localhost\r\nOrigin: http://localhost\r\n' +
        `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${32 * MiB}\r\n\r\n` +
        'userId=app-ivanov&text=',
    );
    await closed;
    expect(received).toMatch(/^HTTP\/1\.1 413 /);
    expect(received.toLowerCase()).toContain('connection: close');
    expect(Date.now() - began).toBeLessThan(5000);
  });

  it('answers a chunked body over a real socket once it passes the limit', async () => {
    const socket = connect(server.port, '127.0.0.1');
    let received = '';
    let sent = 0;
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
    });
    socket.on('error', () => {});
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.write(
      'POST /sign-in HTTP/1.1\r\nHost: localhost\r\nOrigin: http://localhost\r\n' +
        'Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n',
    );
    const piece = 'a'.repeat(CHUNK);
    // Send up to 32 MiB, waiting for the socket to drain, until the server answers.
    while (received === '' && sent < 32 * MiB && !socket.destroyed) {
      const flushed = socket.write(`${CHUNK.toString(16)}\r\n${piece}\r\n`);
      sent += CHUNK;
      if (!flushed) {
        await Promise.race([
          new Promise((r) => socket.once('drain', r)),
          new Promise((r) => setTimeout(r, 200)),
        ]);
      }
    }
    await closed;
    expect(received).toMatch(/^HTTP\/1\.1 413 /);
    expect(sent).toBeLessThan(32 * MiB);
  });

  it('lets a form within the limit through, and takes the limit from the configuration', async () => {
    const { app } = memoryPortalApp({ formBodyBytes: 4096 });
    const over = await app.request(
      '/sign-in',
      formPost({ userId: 'app-ivanov', padding: 'x'.repeat(5000) }),
    );
    expect(over.status).toBe(413);
    const within = await app.request(
      '/sign-in',
      formPost({ userId: 'app-ivanov', padding: 'x'.repeat(3000) }),
    );
    expect(within.status).toBe(303);
  });
});
