/**
 * `media_url`: the first photo the applicant allowed to be public, of a public message,
 * served by `{prefix}/media/{id}/{file}` to anyone, cacheable — and nothing else: no other
 * attachment, no photo of a message that is not public, no upload attached to nothing.
 */
import { createMemoryFileStore } from '@reshaem/core';
import { describe, expect, it } from 'vitest';
import { jpegBytes, multipart, pngBytes } from '../files/fixtures.js';
import { json, potholeBody, world } from '../support.js';
import { expectErrors, type Format, readAnswer } from './georeport-client.js';

const BASE = '/open311/v2';

async function mediaWorld(options: { files?: boolean } = {}) {
  const files = createMemoryFileStore();
  const w = world({
    ...(options.files === false ? {} : { files: { store: files } }),
    open311: {},
  });
  const upload = async (filename: string, bytes: Uint8Array) => {
    const { body, contentType } = multipart([{ filename, bytes }]);
    // Uploads go through a world with files even when the Open311 app has none.
    const target = options.files === false ? world({ files: { store: files } }) : w;
    const response = await target.app.request('/files', {
      method: 'POST',
      headers: { authorization: 'Bearer applicant', 'content-type': contentType },
      body,
    });
    const answer = await json<{ files: { id: string }[] }>(response);
    const id = answer.files[0]?.id;
    if (response.status !== 201 || !id) throw new Error(`upload: ${response.status}`);
    return id;
  };
  const submit = async (
    attachments: { fileId: string; public?: boolean }[],
    isPublic: boolean,
  ): Promise<string> => {
    const response = await w.call('POST', '/messages', {
      as: 'applicant',
      body: potholeBody({ attachments, isPublic }),
    });
    const body = await json<{ id: string }>(response);
    expect(response.status, JSON.stringify(body)).toBe(201);
    return body.id;
  };
  const get = (path: string, headers: Record<string, string> = {}) =>
    Promise.resolve(w.app.request(path, { headers }));
  const mediaUrl = async (id: string, format: Format) => {
    const answer = await readAnswer(await get(`${BASE}/requests/${id}.${format}`), format);
    expect(answer.status, answer.raw).toBe(200);
    const [request] = answer.body as { media_url: string }[];
    return request?.media_url;
  };
  return { w, files, upload, submit, get, mediaUrl };
}

describe('Open311 media_url', () => {
  it('points at the public photo, which anyone may fetch and cache', async () => {
    const m = await mediaWorld();
    const bytes = jpegBytes(5000);
    const photo = await m.upload('яма.jpg', bytes);
    const other = await m.upload('двор.png', pngBytes());
    const id = await m.submit([{ fileId: other }, { fileId: photo, public: true }], true);
    const url = `http://localhost${BASE}/media/${id}/${photo}`;
    expect(await m.mediaUrl(id, 'json')).toBe(url);
    expect(await m.mediaUrl(id, 'xml')).toBe(url);
    const list = await readAnswer(await m.get(`${BASE}/requests.json`), 'json');
    expect((list.body as { media_url: string }[]).map((r) => r.media_url)).toEqual([url]);

    // No credentials at all.
    const served = await m.get(`${BASE}/media/${id}/${photo}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(served.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('content-length')).toBe('5000');
    const etag = served.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"sha256-[0-9a-f]{64}"$/);
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(bytes);
    const again = await m.get(`${BASE}/media/${id}/${photo}`, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('cache-control')).toBe('public, max-age=3600');
  });

  it('serves nothing else: another attachment, a non-public message, a stray upload', async () => {
    const m = await mediaWorld();
    const unmarked = await m.upload('подъезд.jpg', jpegBytes());
    const marked = await m.upload('яма.jpg', jpegBytes(4100));
    const shown = await m.submit([{ fileId: unmarked }, { fileId: marked, public: true }], true);
    // A photo the applicant allowed, of a message that is not public.
    const hiddenPhoto = await m.upload('тайна.jpg', jpegBytes(4200));
    const hidden = await m.submit([{ fileId: hiddenPhoto, public: true }], false);
    // A public message whose photos were not allowed: no media_url.
    const plainPhoto = await m.upload('вид.png', pngBytes());
    const plain = await m.submit([{ fileId: plainPhoto }], true);
    const stray = await m.upload('ещё.jpg', jpegBytes(4300));

    // An empty field (null in JSON, an empty element in XML), as the client reads it.
    expect(await m.mediaUrl(plain, 'json')).toBe('');
    const refused = [
      `${shown}/${unmarked}`, // not allowed by the applicant
      `${hidden}/${hiddenPhoto}`, // allowed, but the message is not public
      `${shown}/${hiddenPhoto}`, // another message's photo under a public message's id
      `${plain}/${plainPhoto}`,
      `${shown}/${stray}`, // an upload attached to nothing
      `${stray}/${stray}`,
      `no-such/${marked}`,
      `${shown}/no-such`,
    ];
    for (const path of refused) {
      const answer = await readAnswer(await m.get(`${BASE}/media/${path}`), 'json');
      expect(expectErrors(answer, 404), path).toEqual(['no public photo at this address']);
    }
    expect((await m.get(`${BASE}/media/${shown}/${marked}`)).status).toBe(200);
  });

  it('has no media_url and serves no photo when the app keeps no files', async () => {
    const m = await mediaWorld({ files: false });
    const id = await m.submit([], true);
    expect(await m.mediaUrl(id, 'json')).toBe('');
    expect((await m.get(`${BASE}/media/${id}/f-1`)).status).toBe(404);
  });
});
