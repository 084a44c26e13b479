import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { FileStore, NewFile } from '../src/index.js';

/** Bytes that differ at every offset, so that a chunk out of order changes the digest. */
export function patternBytes(size: number, seed = 7): Uint8Array {
  const bytes = new Uint8Array(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return bytes;
}

/** The bytes in pieces of `piece` bytes, as a network would deliver them. */
export async function* pieces(bytes: Uint8Array, piece = 64 * 1024): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.byteLength; i += piece) yield bytes.subarray(i, i + piece);
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const part of stream) parts.push(part);
  return Buffer.concat(parts);
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const newFile = (id: string, over: Partial<NewFile> = {}): NewFile => ({
  id,
  name: 'фото ямы.jpg',
  contentType: 'image/jpeg',
  uploadedBy: 'u-1',
  uploadedAt: '2025-01-15T11:18:00.000Z',
  ...over,
});

/**
 * The behaviour every {@link FileStore} promises, run against each adapter: `make` gives
 * an empty store.
 */
export function describeFileStoreContract(name: string, make: () => Promise<FileStore>) {
  describe(`FileStore contract: ${name}`, () => {
    it('keeps the bytes whole and counts their size and SHA-256 (3 MB, odd pieces)', async () => {
      const store = await make();
      const bytes = patternBytes(3 * 1024 * 1024 + 17);
      const stored = await store.put(newFile('f-1'), pieces(bytes, 70_001));
      expect(stored).toEqual({
        ...newFile('f-1'),
        size: bytes.byteLength,
        sha256: sha256(bytes),
        attachedTo: null,
      });
      const download = await store.get('f-1');
      expect(download?.file).toEqual(stored);
      const back = await readAll((download as NonNullable<typeof download>).bytes);
      expect(back.byteLength).toBe(bytes.byteLength);
      expect(sha256(back)).toBe(sha256(bytes));
    });

    it('keeps an empty file', async () => {
      const store = await make();
      const stored = await store.put(newFile('empty'), pieces(new Uint8Array(0)));
      expect(stored.size).toBe(0);
      expect(stored.sha256).toBe(sha256(new Uint8Array(0)));
      const download = await store.get('empty');
      expect((await readAll((download as NonNullable<typeof download>).bytes)).byteLength).toBe(0);
    });

    it('keeps nothing of a put whose stream fails half-way', async () => {
      const store = await make();
      async function* failing() {
        yield patternBytes(300_000);
        throw new Error('client went away');
      }
      await expect(store.put(newFile('broken'), failing())).rejects.toThrow('client went away');
      expect(await store.get('broken')).toBeUndefined();
      expect(await store.describe(['broken'])).toEqual([]);
      expect(await store.unattachedBefore('2100-01-01T00:00:00.000Z', 10)).toEqual([]);
    });

    it('refuses a second put under the same id and keeps the first bytes', async () => {
      const store = await make();
      const first = await store.put(newFile('dup'), pieces(patternBytes(1000, 1)));
      await expect(store.put(newFile('dup'), pieces(patternBytes(1000, 2)))).rejects.toThrow();
      expect((await store.describe(['dup']))[0]?.sha256).toBe(first.sha256);
    });

    it('describes the known ids only, and returns undefined for an unknown get', async () => {
      const store = await make();
      await store.put(newFile('a'), pieces(patternBytes(10)));
      await store.put(
        newFile('b', { name: 'b.pdf', contentType: 'application/pdf' }),
        pieces(patternBytes(20)),
      );
      const described = await store.describe(['b', 'nope', 'a']);
      expect(described.map((f) => f.id).sort()).toEqual(['a', 'b']);
      expect(await store.describe([])).toEqual([]);
      expect(await store.get('nope')).toBeUndefined();
    });

    it('attaches fresh uploads once; an attached file stays with its message', async () => {
      const store = await make();
      await store.put(newFile('a'), pieces(patternBytes(10)));
      await store.put(newFile('b'), pieces(patternBytes(10)));
      await store.attach(['a', 'missing'], 'm-1');
      await store.attach(['a', 'b'], 'm-2');
      const byId = new Map((await store.describe(['a', 'b'])).map((f) => [f.id, f.attachedTo]));
      expect(byId).toEqual(
        new Map([
          ['a', 'm-1'],
          ['b', 'm-2'],
        ]),
      );
    });

    it('lists unattached uploads older than an instant, oldest first, and deletes them', async () => {
      const store = await make();
      const put = (id: string, uploadedAt: string) =>
        store.put(newFile(id, { uploadedAt }), pieces(patternBytes(10)));
      await put('new', '2025-01-15T12:00:00.000Z');
      await put('old2', '2025-01-14T12:00:00.000Z');
      await put('old1', '2025-01-13T12:00:00.000Z');
      await put('kept', '2025-01-13T00:00:00.000Z');
      await store.attach(['kept'], 'm-1');
      const due = await store.unattachedBefore('2025-01-15T00:00:00.000Z', 10);
      expect(due.map((f) => f.id)).toEqual(['old1', 'old2']);
      expect(
        (await store.unattachedBefore('2025-01-15T00:00:00.000Z', 1)).map((f) => f.id),
      ).toEqual(['old1']);
      expect(await store.delete('old1')).toBe(true);
      expect(await store.delete('old1')).toBe(false);
      expect(await store.get('old1')).toBeUndefined();
      expect(
        (await store.unattachedBefore('2025-01-15T00:00:00.000Z', 10)).map((f) => f.id),
      ).toEqual(['old2']);
    });

    it('streams a download as it is read: cancelling early is fine', async () => {
      const store = await make();
      await store.put(newFile('big'), pieces(patternBytes(2 * 1024 * 1024)));
      const download = await store.get('big');
      const reader = (download as NonNullable<typeof download>).bytes.getReader();
      const first = await reader.read();
      expect(first.done).toBe(false);
      expect((first.value as Uint8Array).byteLength).toBeLessThan(2 * 1024 * 1024);
      await reader.cancel();
      // The store still serves the file afterwards.
      const again = await store.get('big');
      expect((await readAll((again as NonNullable<typeof again>).bytes)).byteLength).toBe(
        2 * 1024 * 1024,
      );
    });
  });
}
