import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { expectProblem, json } from '../support.js';
import {
  exeBytes,
  fileWorld,
  jpegBytes,
  multipart,
  pdfBytes,
  pngBytes,
  textBytes,
} from './fixtures.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const everything = '2100-01-01T00:00:00.000Z';

describe('POST /files', () => {
  it('stores each file part and answers one descriptor per file, the type from the bytes', async () => {
    const w = fileWorld();
    const photo = jpegBytes(5000);
    const letter = pdfBytes(7000);
    const text = textBytes();
    const response = await w.upload('applicant', [
      { filename: 'яма у дома 5.jpg', type: 'text/plain', bytes: photo },
      { filename: 'ответ.docx', type: 'image/png', bytes: letter },
      { filename: 'акт.txt', bytes: text },
    ]);
    expect(response.status).toBe(201);
    const body = await json<{ files: Record<string, unknown>[] }>(response);
    expect(body.files.map(({ id: _id, downloadUrl: _u, ...rest }) => rest)).toEqual([
      { name: 'яма у дома 5.jpg', size: 5000, contentType: 'image/jpeg', sha256: sha256(photo) },
      { name: 'ответ.docx', size: 7000, contentType: 'application/pdf', sha256: sha256(letter) },
      { name: 'акт.txt', size: text.byteLength, contentType: 'text/plain', sha256: sha256(text) },
    ]);
    expect(body.files[0]?.downloadUrl).toBe(`/files/${body.files[0]?.id}`);
    const stored = await w.files.describe(body.files.map((f) => f.id as string));
    expect(stored.every((f) => f.uploadedBy === 'applicant-1' || f.uploadedBy.length > 0)).toBe(
      true,
    );
    expect(stored.every((f) => f.attachedTo === null)).toBe(true);
  });

  it('refuses an .exe renamed .pdf with 415 naming the detected type, and keeps nothing', async () => {
    const w = fileWorld();
    const response = await w.upload('executorRoads', [
      { filename: 'ответ.pdf', type: 'application/pdf', bytes: exeBytes() },
    ]);
    const problem = await expectProblem(response, 'unsupported-media-type', 415);
    expect(problem.detectedType).toBe('application/x-msdownload');
    expect(problem.detail).toBe(
      'Файл «ответ.pdf» — application/x-msdownload, такие файлы не принимает ни одно поле',
    );
    expect(await w.files.unattachedBefore(everything, 10)).toEqual([]);
  });

  it('refuses bytes no detector names (octet-stream) with 415', async () => {
    const w = fileWorld();
    const noise = Uint8Array.from({ length: 3000 }, (_, i) => (i * 7 + 1) % 256);
    const problem = await expectProblem(
      await w.upload('applicant', [{ filename: 'фото.jpg', bytes: noise }]),
      'unsupported-media-type',
      415,
    );
    expect(problem.detectedType).toBe('application/octet-stream');
  });

  it('deletes the files a request stored before one of its parts was refused', async () => {
    const w = fileWorld();
    const response = await w.upload('applicant', [
      { filename: 'a.jpg', bytes: jpegBytes() },
      { filename: 'b.png', bytes: pngBytes() },
      { filename: 'c.pdf', bytes: exeBytes() },
    ]);
    expect(response.status).toBe(415);
    expect(await w.files.unattachedBefore(everything, 10)).toEqual([]);
  });

  it('refuses a file over the size limit with 413 and keeps nothing', async () => {
    const w = fileWorld({ fileBytes: 100_000 });
    const ok = await w.upload('applicant', [{ filename: 'ok.jpg', bytes: jpegBytes(100_000) }]);
    expect(ok.status).toBe(201);
    const response = await w.upload('applicant', [
      { filename: 'big.jpg', bytes: jpegBytes(100_001) },
    ]);
    const problem = await expectProblem(response, 'payload-too-large', 413);
    expect(problem.detail).toBe('Файл «big.jpg» больше 100000 байт');
    expect(response.headers.get('connection')).toBe('close');
    expect((await w.files.unattachedBefore(everything, 10)).map((f) => f.name)).toEqual(['ok.jpg']);
  });

  it('refuses more files than a request may carry, and a request over its total', async () => {
    const w = fileWorld({}, { filesPerRequest: 2, requestBytes: 10_000 });
    const three = await w.upload(
      'applicant',
      [1, 2, 3].map((i) => ({ filename: `${i}.jpg`, bytes: jpegBytes(100) })),
    );
    expect((await expectProblem(three, 'payload-too-large', 413)).detail).toBe(
      'Файлов в одном запросе — не больше 2',
    );
    const heavy = await w.upload('applicant', [
      { filename: '1.jpg', bytes: jpegBytes(6000) },
      { filename: '2.jpg', bytes: jpegBytes(6000) },
    ]);
    expect((await expectProblem(heavy, 'payload-too-large', 413)).detail).toBe(
      'Файлы вместе — не больше 10000 байт',
    );
    expect(await w.files.unattachedBefore(everything, 10)).toEqual([]);
  });

  it('refuses a declared length far over the total before reading the body', async () => {
    const w = fileWorld({}, { requestBytes: 10_000, filesPerRequest: 1 });
    const { contentType } = multipart([]);
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const response = await w.app.request('/files', {
      method: 'POST',
      headers: {
        authorization: 'Bearer applicant',
        'content-type': contentType,
        'content-length': '200000000',
      },
      body,
      duplex: 'half',
    } as RequestInit);
    await expectProblem(response, 'payload-too-large', 413);
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it('cleans names: the last path segment, no control characters, at most 255 characters', async () => {
    const w = fileWorld();
    const names = async (filename: string, encoded = false) => {
      const part = encoded ? { encodedFilename: filename } : { filename };
      const response = await w.upload('applicant', [{ ...part, bytes: jpegBytes() }]);
      return response.status === 201
        ? (await json<{ files: { name: string }[] }>(response)).files[0]?.name
        : response.status;
    };
    expect(await names('C:\\Users\\Иван\\Фото\\яма.jpg')).toBe('яма.jpg');
    expect(await names('../../etc/passwd.jpg')).toBe('passwd.jpg');
    // Control characters and NUL arrive percent-encoded (RFC 8187) and are stripped…
    expect(await names('я\u0000м\u0007а\u001f.jpg', true)).toBe('яма.jpg');
    expect(await names('отчёт/../акт.pdf'.replace('.pdf', '.jpg'), true)).toBe('акт.jpg');
    // …raw in a header line they make the part malformed: refused.
    expect(await names('я\u0000ма.jpg')).toBe(400);
    expect(await names(`${'я'.repeat(251)}.jpg`)).toBe(`${'я'.repeat(251)}.jpg`);
    expect(await names(`${'я'.repeat(252)}.jpg`)).toBe(422);
    expect(await names('../')).toBe(422);
    expect(await names('\u0001\u0002', true)).toBe(422);
  });

  it('refuses a body that is not multipart (415), has no file (422) or names parts otherwise (422)', async () => {
    const w = fileWorld();
    const notMultipart = await w.call('POST', '/files', { as: 'applicant', body: { file: 'x' } });
    await expectProblem(notMultipart, 'unsupported-media-type', 415);
    expect(notMultipart.headers.get('accept-post')).toBe('multipart/form-data');
    await expectProblem(await w.upload('applicant', []), 'validation', 422);
    await expectProblem(
      await w.upload('applicant', [{ name: 'photo', filename: 'a.jpg', bytes: jpegBytes() }]),
      'validation',
      422,
    );
    const noBoundary = await w.app.request('/files', {
      method: 'POST',
      headers: { authorization: 'Bearer applicant', 'content-type': 'multipart/form-data; x=1' },
      body: 'garbage',
    });
    await expectProblem(noBoundary, 'bad-request', 400);
  });

  it('ignores a file field left empty (no name, no bytes), as browsers send it', async () => {
    const w = fileWorld();
    const response = await w.upload('applicant', [
      { filename: '', bytes: new Uint8Array(0) },
      { filename: 'a.jpg', bytes: jpegBytes() },
    ]);
    expect(response.status).toBe(201);
    expect((await json<{ files: unknown[] }>(response)).files).toHaveLength(1);
    const onlyEmpty = await w.upload('applicant', [{ filename: '', bytes: new Uint8Array(0) }]);
    await expectProblem(onlyEmpty, 'validation', 422);
    const nameless = await w.upload('applicant', [{ filename: '', bytes: jpegBytes() }]);
    await expectProblem(nameless, 'validation', 422);
  });

  it('refuses an anonymous upload with 401', async () => {
    const w = fileWorld();
    const { body, contentType } = multipart([{ filename: 'a.jpg', bytes: jpegBytes() }]);
    const response = await w.app.request('/files', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    });
    await expectProblem(response, 'unauthenticated', 401);
    expect(await w.files.unattachedBefore(everything, 10)).toEqual([]);
  });

  it('is absent without a file store', async () => {
    const { world } = await import('../support.js');
    const w = world();
    const response = await w.call('POST', '/files', { as: 'applicant', body: {} });
    expect(response.status).toBe(404);
  });
});
