import type { FileStore, StoredFile } from '@reshaem/core';
import { HttpProblem } from '../problems.js';
import { type HttpFileOptions, resolveFileOptions } from './file-options.js';
import { receiveUploadForm, type UploadForm } from './receive-uploads.js';

/** Why a form's upload was refused: the RFC 9457 problem the API would answer. */
export interface UploadRefusal {
  status: number;
  detail: string;
}

export type UploadFormResult = ({ ok: true } & UploadForm) | { ok: false; refusal: UploadRefusal };

/**
 * Reads a page's `multipart/form-data` form with the API's upload rules: text fields (each
 * up to `fieldBytes`, default 256 KiB) and files, streamed into the file store with the
 * type from the bytes and the limits enforced as the body arrives. For portals whose pages
 * post forms with file fields; a refusal keeps nothing.
 *
 * @example
 * const read = createUploadFormReader({ store: files });
 * const form = await read(c.req.raw, { uploadedBy: user.id, uploadedAt: now.toISOString() });
 * if (form.ok) submit({ ...form.fields, attachments: form.files.map((f) => ({ fileId: f.id })) });
 */
export function createUploadFormReader(
  options: HttpFileOptions,
  form: { fieldBytes?: number } = {},
): (
  request: Request,
  stamp: { uploadedBy: string; uploadedAt: string },
) => Promise<UploadFormResult> {
  const resolved = resolveFileOptions(options);
  if (!resolved) throw new TypeError('files.store is required');
  const fieldBytes = form.fieldBytes ?? 256 * 1024;
  return async (request, stamp) => {
    try {
      const read = await receiveUploadForm(
        request,
        resolved,
        { ...stamp, newId: () => crypto.randomUUID() },
        { fieldBytes, files: 'optional' },
      );
      return { ok: true, ...read };
    } catch (error) {
      if (!(error instanceof HttpProblem)) throw error;
      return { ok: false, refusal: { status: error.problem.status, detail: error.problem.detail } };
    }
  };
}

/** Deletes uploads a refused form brought, so that a refusal keeps nothing. */
export async function discardUploads(
  store: FileStore,
  files: readonly StoredFile[],
): Promise<void> {
  await Promise.all(files.map((f) => store.delete(f.id).catch(() => false)));
}
