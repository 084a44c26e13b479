import { isStorableText, publicPhotosOf, type StoredMessage } from '@reshaem/core';
import type { Context, Hono } from 'hono';
import type { AppEnv, RouteDeps } from '../env.js';
import { DEFAULT_SECURITY_HEADERS, markSecured } from '../security-headers.js';
import { notFound, open311ErrorResponse } from './open311-errors.js';

/**
 * How long a client or a cache may keep a public photo without asking again: an hour, so a
 * photo that stops being public (the message withdrawn from public view) is gone from
 * caches that honour it within the hour.
 */
export const MEDIA_MAX_AGE_SECONDS = 3600;

const validId = (id: string) => id.length > 0 && id.length <= 200 && isStorableText(id);

/**
 * The address of a message's first public photo (`media_url`), or `null`: the message is
 * public and the applicant allowed the photo (`publicPhotosOf`), and the app keeps files.
 */
export function mediaUrlOf(stored: StoredMessage, mediaBase: string | undefined): string | null {
  const [photo] = publicPhotosOf(stored.snapshot.context);
  if (mediaBase === undefined || photo === undefined) return null;
  return `${mediaBase}/${encodeURIComponent(stored.id)}/${encodeURIComponent(photo.fileId)}`;
}

/**
 * `GET {prefix}/media/{service_request_id}/{file_id}`: the bytes of a public photo, to
 * anyone, without credentials, cacheable by anyone (`public`, an hour, a strong `ETag`,
 * 304 on `If-None-Match`). It serves nothing else: a file that is not a photo the applicant
 * allowed of this very message, of a message that is public, is the same 404 as a file that
 * does not exist — whatever else the file store holds. Not registered without a file store.
 */
export function registerOpen311Media(app: Hono<AppEnv>, deps: RouteDeps, prefix: string): void {
  const files = deps.files?.store;
  if (!files) return;
  const serve = async (c: Context<AppEnv>): Promise<Response> => {
    const id = c.req.param('id') ?? '';
    const fileId = c.req.param('fileId') ?? '';
    try {
      const missing = notFound('no public photo at this address');
      if (!validId(id) || !validId(fileId)) throw missing;
      const stored = await deps.store.get(id);
      const photo =
        stored && publicPhotosOf(stored.snapshot.context).find((f) => f.fileId === fileId);
      if (!photo) throw missing;
      const etag = `"sha256-${photo.sha256}"`;
      const common = {
        ...DEFAULT_SECURITY_HEADERS,
        etag,
        'cache-control': `public, max-age=${MEDIA_MAX_AGE_SECONDS}`,
        // Other sites' Open311 clients show the photo in their pages.
        'cross-origin-resource-policy': 'cross-origin',
      };
      const inm = c.req.header('if-none-match');
      if (inm?.split(',').some((t) => t.trim() === etag || t.trim() === '*')) {
        return markSecured(new Response(null, { status: 304, headers: common }));
      }
      const download = await files.get(fileId);
      // The bytes must be the very file the message holds (same hash, attached to it).
      if (
        !download ||
        download.file.sha256 !== photo.sha256 ||
        download.file.attachedTo !== stored?.id
      ) {
        await download?.bytes.cancel();
        throw missing;
      }
      const headers = {
        ...common,
        'content-type': photo.contentType,
        'content-length': String(download.file.size),
        'content-disposition': 'inline',
      };
      if (c.req.raw.method === 'HEAD') {
        await download.bytes.cancel();
        return markSecured(new Response(null, { status: 200, headers }));
      }
      return markSecured(new Response(download.bytes, { status: 200, headers }));
    } catch (error) {
      return open311ErrorResponse(error, 'json', (e) => deps.onUnexpectedError(e, c.req.raw));
    }
  };
  app.get(`${prefix}/media/:id/:fileId`, serve);
}
