/**
 * A 200 MB upload against a real server on 127.0.0.1: refused with 413 as soon as the
 * file passes its limit, long before the client is done, and the server's memory does not
 * follow the upload's size.
 */
import type { Server } from 'node:http';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../src/index.js';
import { fileWorld, jpegBytes } from './fixtures.js';

const MB = 1024 * 1024;
const TOTAL = 200 * MB;
const LIMIT = 10 * 1000 * 1000;

let server: Server;
let port: number;
const w = fileWorld({ fileBytes: LIMIT }, { requestBytes: 50 * 1000 * 1000 });

beforeAll(async () => {
  port = await new Promise<number>((resolve) => {
    server = serve(w.app, {
      port: 0,
      hostname: '127.0.0.1',
      onListening: (info: AddressInfo) => resolve(info.port),
    }) as Server;
  });
});
afterAll(
  () =>
    new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => done());
    }),
);

describe('a 200 MB upload', () => {
  it('gets 413 once it passes 10 MB, with the server’s memory flat', async () => {
    const boundary = 'xxBOUNDARYxx';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
    );
    const piece = Buffer.alloc(MB, 0x5a);
    const first = Buffer.concat([head, jpegBytes(64 * 1024)]);
    let sent = 0;
    let peakRss = 0;
    const baseline = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 5);
    const started = performance.now();

    const result = await new Promise<{ status: number; body: string; sentAtAnswer: number }>(
      (resolve, reject) => {
        const req = request({
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/files',
          headers: {
            authorization: 'Bearer applicant',
            'content-type': `multipart/form-data; boundary=${boundary}`,
            // Chunked: the server cannot refuse by a declared length, it must count.
            'transfer-encoding': 'chunked',
          },
        });
        req.on('response', (res) => {
          const sentAtAnswer = sent;
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (d) => {
            body += d;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body, sentAtAnswer }));
          res.on('error', reject);
        });
        req.on('error', () => undefined);
        const pump = () => {
          while (sent < TOTAL) {
            const chunk = sent === 0 ? first : piece;
            sent += chunk.byteLength;
            if (req.destroyed) return;
            if (!req.write(chunk)) {
              req.once('drain', pump);
              return;
            }
          }
          req.end(`\r\n--${boundary}--\r\n`);
        };
        pump();
      },
    );
    clearInterval(sampler);
    const seconds = (performance.now() - started) / 1000;

    expect(result.status).toBe(413);
    expect(JSON.parse(result.body).detail).toBe('Файл «huge.jpg» больше 10000000 байт');
    // Answered long before the 200 MB were sent (socket buffers hold a few MB at most).
    expect(result.sentAtAnswer).toBeLessThan(60 * MB);
    // The server kept neither the body nor the file: growth far below the upload's size.
    expect(peakRss - baseline).toBeLessThan(80 * MB);
    expect(await w.files.unattachedBefore('2100-01-01T00:00:00.000Z', 10)).toEqual([]);
    console.info(
      `200 MB upload refused after ${(result.sentAtAnswer / MB).toFixed(1)} MB sent, in ${seconds.toFixed(2)} s; RSS +${((peakRss - baseline) / MB).toFixed(1)} MB`,
    );
  }, 30_000);
});
