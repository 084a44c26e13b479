import { createMemoryFileStore, type FileStore } from '@reshaem/core';
import { type TestWorld, world } from '../support.js';

/** Real signatures, padded: what a phone, a scanner or a compiler would write first. */
const pad = (head: number[] | string, size: number) => {
  const bytes = new Uint8Array(size);
  const start = typeof head === 'string' ? new TextEncoder().encode(head) : Uint8Array.from(head);
  bytes.set(start);
  for (let i = start.byteLength; i < size; i++) bytes[i] = (i * 31) & 0xff;
  return bytes;
};

export const jpegBytes = (size = 4000) =>
  pad([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01], size);
/** A real 1×1 PNG (signature, IHDR, IDAT, IEND), padded after its end. */
const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
export const pngBytes = (size = 4000) => pad([...PNG_1X1], Math.max(size, PNG_1X1.byteLength));
export const pdfBytes = (size = 4000) => pad('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n', size);
/** A Windows executable's DOS header: `MZ`. */
export const exeBytes = (size = 4000) => pad([0x4d, 0x5a, 0x90, 0x00, 0x03, 0, 0, 0, 0x04], size);
export const textBytes = (text = 'Акт выполненных работ №12\nЯма заделана.\n') =>
  new TextEncoder().encode(text);

export interface Part {
  name?: string;
  filename?: string;
  /** Sent as RFC 8187 `filename*` (percent-encoded UTF-8) instead of a quoted name. */
  encodedFilename?: string;
  /** The client's word for the type: the server ignores it. */
  type?: string;
  bytes: Uint8Array;
}

/** A multipart/form-data body, as a browser sends it (raw UTF-8 file names). */
export function multipart(parts: Part[], boundary = '----reshaem-test-boundary') {
  const chunks: Uint8Array[] = [];
  const text = (s: string) => chunks.push(new TextEncoder().encode(s));
  for (const part of parts) {
    text(`--${boundary}\r\n`);
    const filename =
      part.encodedFilename !== undefined
        ? `; filename*=UTF-8''${encodeURIComponent(part.encodedFilename)}`
        : part.filename === undefined
          ? ''
          : `; filename="${part.filename}"`;
    text(`Content-Disposition: form-data; name="${part.name ?? 'file'}"${filename}\r\n`);
    text(`Content-Type: ${part.type ?? 'application/octet-stream'}\r\n\r\n`);
    chunks.push(part.bytes);
    text('\r\n');
  }
  text(`--${boundary}--\r\n`);
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export interface FileWorld extends TestWorld {
  files: FileStore;
  upload(as: string, parts: Part[]): Promise<Response>;
  /** Uploads one file and returns its id (fails the test otherwise). */
  uploadOne(as: string, part: Part): Promise<string>;
}

/** The test world with a memory file store and small limits where a test needs them. */
export function fileWorld(
  limits: { fileBytes?: number; filesPerItem?: number; itemBytes?: number } = {},
  extra: { requestBytes?: number; filesPerRequest?: number } = {},
): FileWorld {
  const files = createMemoryFileStore();
  const w = world({ files: { store: files, rules: { limits }, ...extra } });
  const upload = (as: string, parts: Part[]) => {
    const { body, contentType } = multipart(parts);
    return Promise.resolve(
      w.app.request('/files', {
        method: 'POST',
        headers: { authorization: `Bearer ${as}`, 'content-type': contentType },
        body,
      }),
    );
  };
  const uploadOne = async (as: string, part: Part) => {
    const response = await upload(as, [part]);
    const body = (await response.json()) as { files?: { id: string }[] };
    const id = body.files?.[0]?.id;
    if (response.status !== 201 || id === undefined) {
      throw new Error(`upload failed: ${response.status} ${JSON.stringify(body)}`);
    }
    return id;
  };
  return { ...w, files, upload, uploadOne };
}
