import { describe, expect, it } from 'vitest';
import { expectProblem, type Handle, json, potholeBody } from '../support.js';
import { fileWorld, jpegBytes, pdfBytes, pngBytes } from './fixtures.js';

describe('GET /files/{id}', () => {
  it('sends the bytes with type, length, strong ETag, RFC 6266/8187 name and nosniff', async () => {
    const w = fileWorld();
    const photo = jpegBytes(12_345);
    const id = await w.uploadOne('applicant', { filename: 'Яма «у дома» 5.jpg', bytes: photo });
    const response = await w.call('GET', `/files/${id}`, { as: 'applicant' });
    expect(response.status).toBe(200);
    const [file] = await w.files.describe([id]);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'image/jpeg',
      'content-length': '12345',
      etag: `"sha256-${file?.sha256}"`,
      'content-disposition':
        'attachment; filename="___ __ _____ 5.jpg"; ' +
        "filename*=UTF-8''%D0%AF%D0%BC%D0%B0%20%C2%AB%D1%83%20%D0%B4%D0%BE%D0%BC%D0%B0%C2%BB%205.jpg",
      'x-content-type-options': 'nosniff',
    });
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(photo);
    const again = await w.call('GET', `/files/${id}`, {
      as: 'applicant',
      headers: { 'if-none-match': response.headers.get('etag') as string },
    });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(response.headers.get('etag'));
  });

  it('gives a fresh upload to its uploader only', async () => {
    const w = fileWorld();
    const id = await w.uploadOne('applicant', { filename: 'a.jpg', bytes: jpegBytes() });
    for (const other of ['applicant2', 'moderator', 'coordinatorRoads', 'adminRoads'] as const) {
      await expectProblem(await w.call('GET', `/files/${id}`, { as: other }), 'not-found', 404);
    }
    await expectProblem(await w.call('GET', `/files/${id}`), 'unauthenticated', 401);
    await expectProblem(await w.call('GET', '/files/nope', { as: 'applicant' }), 'not-found', 404);
  });

  it('gives an attachment to who sees the message’s attachments, and 404 to everyone else', async () => {
    const w = fileWorld();
    const id = await w.uploadOne('applicant', { filename: 'a.jpg', bytes: jpegBytes() });
    const created = await w.call('POST', '/messages', {
      as: 'applicant',
      body: potholeBody({ attachments: [{ fileId: id }], isPublic: true }),
    });
    expect(created.status).toBe(201);
    const messageId = (await json<{ id: string }>(created)).id;
    const status = async (as: Handle) => (await w.call('GET', `/files/${id}`, { as })).status;
    expect(await status('applicant')).toBe(200);
    expect(await status('moderator')).toBe(200);
    expect(await status('applicant2')).toBe(404);
    expect(await status('coordinatorUly')).toBe(404);
    // Accepted, the message is public: its text is everyone's, its photos are not.
    expect(
      (
        await w.call('POST', `/messages/${messageId}/events`, {
          as: 'moderator',
          body: { type: 'moderation.accept' },
        })
      ).status,
    ).toBe(200);
    expect(await status('coordinatorRoads')).toBe(200);
    expect(await status('applicant2')).toBe(404);
  });

  it('shows a JPEG or PNG inline when asked, to those who may download it, with nosniff and the CSP', async () => {
    const w = fileWorld();
    const jpeg = await w.uploadOne('applicant', { filename: 'яма.jpg', bytes: jpegBytes() });
    const png = await w.uploadOne('applicant', { filename: 'вид.png', bytes: pngBytes() });
    const pdf = await w.uploadOne('applicant', { filename: 'акт.pdf', bytes: pdfBytes() });
    const created = await w.call('POST', '/messages', {
      as: 'applicant',
      body: potholeBody({ attachments: [{ fileId: jpeg }, { fileId: png }] }),
    });
    expect(created.status).toBe(201);
    const get = (id: string, as: Handle, query = '?disposition=inline') =>
      w.call('GET', `/files/${id}${query}`, { as });
    for (const id of [jpeg, png]) {
      for (const as of ['applicant', 'moderator'] as const) {
        const response = await get(id, as);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-disposition')).toMatch(/^inline; filename="/);
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      }
      // Without asking, or asking for something else, it stays an attachment.
      for (const query of ['', '?disposition=attachment', '?disposition=INLINE']) {
        const response = await get(id, 'applicant', query);
        expect(response.headers.get('content-disposition')).toMatch(/^attachment; /);
      }
      // Inline changes nobody's rights.
      await expectProblem(await get(id, 'applicant2'), 'not-found', 404);
      await expectProblem(await get(id, 'coordinatorUly'), 'not-found', 404);
    }
    // Only photos are ever inline: a PDF (or anything else) is an attachment, asked or not.
    const document = await get(pdf, 'applicant');
    expect(document.status).toBe(200);
    expect(document.headers.get('content-disposition')).toMatch(/^attachment; /);
  });

  it('answers HEAD with the headers and no body', async () => {
    const w = fileWorld();
    const id = await w.uploadOne('applicant', { filename: 'a.jpg', bytes: jpegBytes(500) });
    const response = await w.call('HEAD', `/files/${id}`, { as: 'applicant' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe('500');
    expect((await response.arrayBuffer()).byteLength).toBe(0);
  });
});
