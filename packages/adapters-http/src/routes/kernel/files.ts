import { descriptorOf } from '@reshaem/core';
import type { Hono } from 'hono';
import { authenticated } from '../../access.js';
import type { AppEnv, RouteDeps } from '../../env.js';
import { mayDownload } from '../../files/file-access.js';
import { dispositionOf } from '../../files/file-name.js';
import { receiveUploads } from '../../files/receive-uploads.js';
import { notFound } from '../../problems.js';
import { jsonResponse } from '../../responses.js';
import { DEFAULT_SECURITY_HEADERS, markSecured } from '../../security-headers.js';
import { fileUrl } from '../../views/file-links.js';

const strongEtag = (sha256: string) => `"sha256-${sha256}"`;

/**
 * POST /files — streamed multipart upload, one descriptor per `file` part (201);
 * GET /files/{id} — the bytes, to whoever the field rules let see the file (else 404);
 * `?disposition=inline` shows a JPEG or PNG inline (a preview), anything else is always
 * an attachment.
 * Present only when the app was given a file store.
 */
export function registerFiles(app: Hono<AppEnv>, deps: RouteDeps): void {
  const files = deps.files;
  if (!files) return;
  const auth = authenticated(deps);

  app.post('/files', auth, async (c) => {
    const principal = c.get('principal');
    const stored = await receiveUploads(c.req.raw, files, {
      uploadedBy: principal.id,
      uploadedAt: deps.now().toISOString(),
      newId: () => crypto.randomUUID(),
    });
    return jsonResponse(
      {
        files: stored.map((f) => ({
          ...descriptorOf(f),
          downloadUrl: fileUrl(deps.basePath, f.id),
        })),
      },
      201,
      {},
    );
  });

  app.get('/files/:id', auth, async (c) => {
    const principal = c.get('principal');
    const id = c.req.param('id');
    const [file] = await files.store.describe([id]);
    if (!file || !(await mayDownload(principal, file, deps.store)))
      throw notFound(`Файл ${id} не найден`);
    const etag = strongEtag(file.sha256);
    const common = {
      ...DEFAULT_SECURITY_HEADERS,
      etag,
      'cache-control': 'private, no-cache',
      'x-content-type-options': 'nosniff',
    };
    const inm = c.req.header('if-none-match');
    if (inm?.split(',').some((t) => t.trim() === etag || t.trim() === '*')) {
      return markSecured(new Response(null, { status: 304, headers: common }));
    }
    const headers = {
      ...common,
      'content-type': file.contentType,
      'content-length': String(file.size),
      'content-disposition': dispositionOf(file, c.req.query('disposition')),
    };
    if (c.req.raw.method === 'HEAD') {
      return markSecured(new Response(null, { status: 200, headers }));
    }
    const download = await files.store.get(id);
    if (!download) throw notFound(`Файл ${id} не найден`);
    return markSecured(new Response(download.bytes, { status: 200, headers }));
  });
}
