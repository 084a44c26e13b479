import type { StoredFile } from './file-descriptor.js';
import type { FileStore, NewFile } from './file-port.js';

const hex = (bytes: ArrayBuffer) =>
  [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

/**
 * A {@link FileStore} in memory, for tests and demos: bytes live in the process and are
 * gone with it.
 *
 * @example
 * const files = createMemoryFileStore();
 * const stored = await files.put(
 *   { id: 'f-1', name: 'яма.jpg', contentType: 'image/jpeg', uploadedBy: 'u-1', uploadedAt },
 *   stream,
 * );
 */
export function createMemoryFileStore(): FileStore {
  const files = new Map<string, { file: StoredFile; chunks: Uint8Array[] }>();
  const copy = (file: StoredFile): StoredFile => ({ ...file });
  return {
    async put(file: NewFile, bytes: AsyncIterable<Uint8Array>) {
      if (files.has(file.id)) throw new Error(`file ${file.id} exists`);
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of bytes) {
        chunks.push(new Uint8Array(chunk));
        size += chunk.byteLength;
      }
      const whole = new Uint8Array(size);
      let offset = 0;
      for (const chunk of chunks) {
        whole.set(chunk, offset);
        offset += chunk.byteLength;
      }
      const sha256 = hex(await crypto.subtle.digest('SHA-256', whole));
      const stored: StoredFile = { ...file, size, sha256, attachedTo: null };
      files.set(file.id, { file: stored, chunks });
      return copy(stored);
    },
    async describe(ids) {
      return ids.flatMap((id) => {
        const entry = files.get(id);
        return entry ? [copy(entry.file)] : [];
      });
    },
    async get(id) {
      const entry = files.get(id);
      if (!entry) return undefined;
      let next = 0;
      const bytes = new ReadableStream<Uint8Array>({
        pull(controller) {
          const chunk = entry.chunks[next++];
          if (chunk === undefined) controller.close();
          else controller.enqueue(chunk.slice());
        },
      });
      return { file: copy(entry.file), bytes };
    },
    async attach(ids, messageId) {
      for (const id of ids) {
        const entry = files.get(id);
        if (entry && entry.file.attachedTo === null) entry.file.attachedTo = messageId;
      }
    },
    async delete(id) {
      return files.delete(id);
    },
    async unattachedBefore(before, limit) {
      return [...files.values()]
        .map((e) => e.file)
        .filter((f) => f.attachedTo === null && f.uploadedAt < before)
        .sort((a, b) => (a.uploadedAt < b.uploadedAt ? -1 : a.uploadedAt > b.uploadedAt ? 1 : 0))
        .slice(0, limit)
        .map(copy);
    },
  };
}
