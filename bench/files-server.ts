/**
 * The server half of bench/files.ts, in a process of its own so that its memory is its
 * own: the HTTP app with the database file store (PGlite in memory, the portal's default),
 * the same app with the memory file store (the HTTP and multipart share alone), and on a second port, a bare Node server that copies the same bytes without the app
 * (POST /sink reads and drops a body, GET /source sends a buffer). Prints its ports.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpApp, serve } from '../packages/adapters-http/src/index.js';
import {
  createPgliteKysely,
  createSqlFileStore,
  migrate,
} from '../packages/adapters-sql/src/index.js';
import {
  createMemoryFileStore,
  createMemoryStore,
  type FileStore,
} from '../packages/core/src/index.js';
import { createDemoDirectory, demoUsers } from '../packages/core/src/testing/index.js';

const SOURCE_BYTES = Number(process.argv[2] ?? 8 * 1024 * 1024);

const db = createPgliteKysely();
await migrate(db);
const appOf = (files: FileStore) =>
  createHttpApp({
    store: createMemoryStore({ directory: createDemoDirectory() }),
    authenticate: () => demoUsers.applicant,
    files: { store: files, rules: { limits: { fileBytes: 10 * 1000 * 1000 } } },
  });
const app = appOf(createSqlFileStore({ db }));
const memoryApp = appOf(createMemoryFileStore());

const source = Buffer.alloc(SOURCE_BYTES, 0x5a);
const bare = createServer((req, res) => {
  if (req.method === 'POST') {
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
    });
    req.on('end', () => res.end(String(size)));
  } else {
    res.writeHead(200, { 'content-length': String(source.byteLength) });
    res.end(source);
  }
});

const listen = (served: typeof app) =>
  new Promise<number>((resolve) => {
    serve(served, {
      port: 0,
      hostname: '127.0.0.1',
      onListening: (info: AddressInfo) => resolve(info.port),
    });
  });
const appPort = await listen(app);
const memoryPort = await listen(memoryApp);
const barePort = await new Promise<number>((resolve) => {
  bare.listen(0, '127.0.0.1', () => resolve((bare.address() as AddressInfo).port));
});
process.stdout.write(`${JSON.stringify({ appPort, memoryPort, barePort })}\n`);
