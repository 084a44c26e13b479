import { createUploadFormReader, discardUploads } from '@reshaem/adapters-http';
import {
  type FileContext,
  type FileStore,
  type Principal,
  PUBLIC_PHOTO_TYPES,
  type StoredFile,
} from '@reshaem/core';
import type { Context } from 'hono';
import { type FormValues, readForm } from './forms/parse-form.js';
import type { RefusalView } from './refusal.js';

/** The pages' file fields: where uploads go and how a form with files is read. */
export interface PageUploads {
  files: FileStore;
  read: ReturnType<typeof createUploadFormReader>;
}

/** The form's fields and the files it brought, or why the files were refused. */
export type PageForm =
  | { ok: true; values: FormValues; files: StoredFile[] }
  | { ok: false; values: FormValues; refusal: RefusalView };

const isMultipart = (c: Context) =>
  /^multipart\/form-data\s*;/i.test(c.req.header('content-type') ?? '');

/** A page's file uploads on the portal's file store, with the API's rules. */
export const pageUploads = (files: FileStore): PageUploads => ({
  files,
  read: createUploadFormReader({ store: files }),
});

/**
 * Reads a page's form: a multipart one (with a file field) through the upload reader, so
 * its files are streamed into the file store with the type from the bytes; any other as
 * before. Without uploads configured, a multipart form's files are ignored.
 */
export async function readPageForm(
  c: Context,
  uploads: PageUploads | undefined,
  user: Principal,
  now: Date,
): Promise<PageForm> {
  if (!uploads || !isMultipart(c))
    return { ok: true, values: await readForm(c.req.raw), files: [] };
  const read = await uploads.read(c.req.raw, {
    uploadedBy: user.id,
    uploadedAt: now.toISOString(),
  });
  if (!read.ok) {
    return {
      ok: false,
      values: {},
      refusal: { title: 'Файл не принят', details: [read.refusal.detail] },
    };
  }
  const values = Object.fromEntries(Object.entries(read.fields).map(([k, v]) => [k, v.trim()]));
  return { ok: true, values, files: read.files };
}

/** The uploads a form brought, as the core judges references against them. */
export const fileContextOf = (files: readonly StoredFile[]): FileContext => ({ known: files });

/**
 * How the applicant's form names an upload: by id, marked public when the applicant allowed
 * their photos to be shown and this one is a JPEG or PNG (a HEIC stays with the staff).
 */
export const attachmentOf = (file: StoredFile, photosPublic: boolean) =>
  photosPublic && PUBLIC_PHOTO_TYPES.includes(file.contentType)
    ? { fileId: file.id, public: true }
    : { fileId: file.id };

/**
 * After the write: attach the uploads to the message, or to the card (`caseFileOwner`; the
 * SQL store has done so in the write, this repeats it idempotently); after a refusal:
 * remove them.
 */
export async function settleUploads(
  uploads: PageUploads | undefined,
  files: readonly StoredFile[],
  ownerId: string | null,
): Promise<void> {
  if (!uploads || files.length === 0) return;
  if (ownerId === null) await discardUploads(uploads.files, files);
  else
    await uploads.files.attach(
      files.map((f) => f.id),
      ownerId,
    );
}
