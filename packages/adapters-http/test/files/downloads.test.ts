import { describe, expect, it } from 'vitest';
import { expectProblem, type Handle, json, potholeBody } from '../support.js';
import { fileWorld, jpegBytes } from './fixtures.js';

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

  it('answers HEAD with the headers and no body', async () => {
    const w = fileWorld();
    const id = await w.uploadOne('applicant', { filename: 'a.jpg', bytes: jpegBytes(500) });
    const response = await w.call('HEAD', `/files/${id}`, { as: 'applicant' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe('500');
    expect((await response.arrayBuffer()).byteLength).toBe(0);
  });
});
