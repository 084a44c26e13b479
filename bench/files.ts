/**
 * Files over HTTP: upload and download throughput of the app with the database file store
 * (PGlite), next to a bare Node server copying the same bytes on the same loopback; and
 * the server's resident memory while a 200 MB upload is refused at its 10 MB limit.
 *
 *   npx tsx --conditions=@reshaem/source bench/files.ts
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const MB = 1024 * 1024;
const FILE_BYTES = 8 * MB;
const ROUNDS = 5;

const child = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    '--conditions=@reshaem/source',
    join(import.meta.dirname, 'files-server.ts'),
    String(FILE_BYTES),
  ],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, SOURCE_BYTES: String(FILE_BYTES) },
  },
);
const { appPort, memoryPort, barePort } = await new Promise<{
  appPort: number;
  memoryPort: number;
  barePort: number;
}>((resolve) => {
  createInterface({ input: child.stdout }).once('line', (line) => resolve(JSON.parse(line)));
});
const rssOf = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
};

const jpeg = Buffer.alloc(FILE_BYTES);
for (let i = 0; i < FILE_BYTES; i++) jpeg[i] = (i * 2654435761) >>> 24;
jpeg.set([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
const boundary = 'reshaem-bench';
const multipart = Buffer.concat([
  Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="фото.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
  ),
  jpeg,
  Buffer.from(`\r\n--${boundary}--\r\n`),
]);

async function timed(run: () => Promise<number>): Promise<number> {
  await run(); // warm-up
  let best = Number.POSITIVE_INFINITY;
  let total = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    const bytes = await run();
    const seconds = (performance.now() - started) / 1000;
    best = Math.min(best, seconds);
    total += bytes / seconds;
  }
  return total / ROUNDS / MB;
}

let lastId = '';
const appUpload = (port: number) => () =>
  fetch(`http://127.0.0.1:${port}/files`, {
    method: 'POST',
    headers: {
      authorization: 'Bearer x',
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    body: multipart,
  }).then(async (r) => {
    const body = (await r.json()) as { files: { id: string; size: number }[] };
    if (r.status !== 201) throw new Error(`upload: ${r.status}`);
    lastId = body.files[0]?.id ?? '';
    return FILE_BYTES;
  });
const bareUpload = () =>
  fetch(`http://127.0.0.1:${barePort}/sink`, { method: 'POST', body: multipart }).then(async (r) =>
    Number(await r.text()),
  );
const download = (url: string) => async () => {
  const response = await fetch(url, { headers: { authorization: 'Bearer x' } });
  let size = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) size += chunk.byteLength;
  if (size !== FILE_BYTES) throw new Error(`download: ${size} bytes`);
  return size;
};

const uploadMemory = await timed(appUpload(memoryPort));
const downloadMemory = await timed(download(`http://127.0.0.1:${memoryPort}/files/${lastId}`));
const uploadApp = await timed(appUpload(appPort));
const uploadBare = await timed(bareUpload);
const downloadApp = await timed(download(`http://127.0.0.1:${appPort}/files/${lastId}`));
const downloadBare = await timed(download(`http://127.0.0.1:${barePort}/source`));

// A 200 MB upload, chunked, against the 10 MB limit: sample the server's RSS meanwhile.
const pid = child.pid as number;
const before = rssOf(pid);
let peak = before;
const sampler = setInterval(() => {
  peak = Math.max(peak, rssOf(pid));
}, 2);
const refused = await new Promise<{ status: number; sent: number; ms: number }>((resolve) => {
  const started = performance.now();
  let sent = 0;
  const piece = Buffer.alloc(MB, 0x5a);
  const req = request({
    host: '127.0.0.1',
    port: appPort,
    method: 'POST',
    path: '/files',
    headers: {
      authorization: 'Bearer x',
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'transfer-encoding': 'chunked',
    },
  });
  req.on('response', (res) => {
    const at = sent;
    res.resume();
    res.on('end', () =>
      resolve({ status: res.statusCode ?? 0, sent: at, ms: performance.now() - started }),
    );
  });
  req.on('error', () => undefined);
  const pump = () => {
    while (sent < 200 * MB && !req.destroyed) {
      const chunk = sent === 0 ? multipart.subarray(0, 200_000) : piece;
      sent += chunk.byteLength;
      if (!req.write(chunk)) {
        req.once('drain', pump);
        return;
      }
    }
    req.end();
  };
  pump();
});
clearInterval(sampler);
child.kill();

const f = (n: number) => n.toFixed(0).padStart(6);
console.log(`files over HTTP, ${FILE_BYTES / MB} MB file, mean of ${ROUNDS} rounds (MB/s):`);
console.log('           app, PGlite store   app, memory store   bare Node copy');
console.log(
  `  upload   ${f(uploadApp)}              ${f(uploadMemory)}              ${f(uploadBare)}`,
);
console.log(
  `  download ${f(downloadApp)}              ${f(downloadMemory)}              ${f(downloadBare)}`,
);
console.log(
  `200 MB upload refused: ${refused.status} after ${(refused.sent / MB).toFixed(1)} MB sent, ${refused.ms.toFixed(0)} ms; server RSS ${(before / MB).toFixed(0)} MB before, peak +${((peak - before) / MB).toFixed(1)} MB`,
);
