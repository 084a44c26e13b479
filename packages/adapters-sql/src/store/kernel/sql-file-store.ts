import { createHash } from 'node:crypto';
import type { FileStore, NewFile, StoredFile } from '@reshaem/core';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { FilesTable, ReshaemDatabase } from '../../database.js';

/** Bytes per `file_chunks` row: large enough for few round trips, small enough to hold. */
export const FILE_CHUNK_BYTES = 256 * 1024;

export interface SqlFileStoreOptions {
  /** The store's Kysely (`sqlStore.db`), migrated: files live beside the messages. */
  db: Kysely<ReshaemDatabase>;
  /** Bytes per stored chunk. Default {@link FILE_CHUNK_BYTES}. */
  chunkBytes?: number;
}

const storedFileOf = (row: Selectable<FilesTable>): StoredFile => ({
  id: row.id,
  name: row.name,
  size: Number(row.size),
  contentType: row.content_type,
  sha256: row.sha256 ?? '',
  uploadedBy: row.uploaded_by,
  uploadedAt: new Date(row.uploaded_at).toISOString(),
  attachedTo: row.attached_to,
});

/** Collects pieces of any size into chunks of exactly `size` bytes (the last one shorter). */
async function* rechunk(
  bytes: AsyncIterable<Uint8Array>,
  size: number,
): AsyncGenerator<Uint8Array> {
  let buffer = new Uint8Array(size);
  let filled = 0;
  for await (const piece of bytes) {
    let offset = 0;
    while (offset < piece.byteLength) {
      const take = Math.min(size - filled, piece.byteLength - offset);
      buffer.set(piece.subarray(offset, offset + take), filled);
      filled += take;
      offset += take;
      if (filled === size) {
        yield buffer;
        buffer = new Uint8Array(size);
        filled = 0;
      }
    }
  }
  if (filled > 0) yield buffer.subarray(0, filled);
}

/**
 * A {@link FileStore} in the reshaem database (PGlite or PostgreSQL): the descriptor in
 * `files`, the bytes in `file_chunks`, so that a backup of the messages holds their files.
 * A put writes chunk by chunk outside any transaction (a slow upload holds no lock and,
 * on PGlite, does not stop other writes) and marks the row complete at the end; a failed
 * stream deletes what it wrote. A download reads one chunk per pull. Before listing
 * unattached uploads for the cleanup, it attaches those a stored message already names,
 * so a file is never removed while a message holds it.
 *
 * @example
 * const store = await createSqlStore({ directory });
 * const files = createSqlFileStore({ db: store.db });
 * const stored = await files.put(newFile, request.body);
 */
export function createSqlFileStore(options: SqlFileStoreOptions): FileStore {
  const { db } = options;
  const chunkBytes = options.chunkBytes ?? FILE_CHUNK_BYTES;
  const completeFiles = () => db.selectFrom('files').selectAll().where('complete', '=', true);

  return {
    async put(file: NewFile, bytes: AsyncIterable<Uint8Array>) {
      await db
        .insertInto('files')
        .values({
          id: file.id,
          name: file.name,
          content_type: file.contentType,
          uploaded_by: file.uploadedBy,
          uploaded_at: file.uploadedAt,
          size: 0,
        })
        .execute();
      const hash = createHash('sha256');
      let size = 0;
      let seq = 0;
      try {
        for await (const chunk of rechunk(bytes, chunkBytes)) {
          hash.update(chunk);
          size += chunk.byteLength;
          // As hex text: PGlite turns a binary parameter into text byte by byte, eight
          // times slower than decoding hex in the database; node-postgres sends hex anyway.
          const hex = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('hex');
          await sql`INSERT INTO file_chunks (file_id, seq, bytes)
            VALUES (${file.id}, ${seq}, decode(${hex}, 'hex'))`.execute(db);
          seq += 1;
        }
        const sha256 = hash.digest('hex');
        await db
          .updateTable('files')
          .set({ size, sha256, complete: true })
          .where('id', '=', file.id)
          .execute();
        return { ...file, size, sha256, attachedTo: null };
      } catch (error) {
        await db
          .deleteFrom('files')
          .where('id', '=', file.id)
          .execute()
          .catch(() => undefined);
        throw error;
      }
    },

    async describe(ids) {
      if (ids.length === 0) return [];
      const rows = await completeFiles()
        .where('id', 'in', [...ids])
        .execute();
      return rows.map(storedFileOf);
    },

    async get(id) {
      const row = await completeFiles().where('id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      let seq = 0;
      const bytes = new ReadableStream<Uint8Array>({
        async pull(controller) {
          // Hex again, for the same reason on the way out.
          const chunk = await db
            .selectFrom('file_chunks')
            .select(sql<string>`encode(bytes, 'hex')`.as('hex'))
            .where('file_id', '=', id)
            .where('seq', '=', seq)
            .executeTakeFirst();
          seq += 1;
          if (!chunk) controller.close();
          else controller.enqueue(new Uint8Array(Buffer.from(chunk.hex, 'hex')));
        },
      });
      return { file: storedFileOf(row), bytes };
    },

    async attach(ids, messageId) {
      if (ids.length === 0) return;
      await db
        .updateTable('files')
        .set({ attached_to: messageId })
        .where('id', 'in', [...ids])
        .where('attached_to', 'is', null)
        .execute();
    },

    async delete(id) {
      const result = await db.deleteFrom('files').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async unattachedBefore(before, limit) {
      // A message that names an upload the route had no time to attach (the process died
      // between the write and the attach) keeps it: attach it now instead of listing it.
      await sql`UPDATE files f SET attached_to = m.id FROM messages m
        WHERE f.attached_to IS NULL AND f.complete AND f.uploaded_at < ${new Date(before)}
          AND jsonb_path_exists(m.snapshot, '$.context.** ? (@.fileId == $id)',
            jsonb_build_object('id', f.id))`.execute(db);
      // Incomplete rows too: what a crash left half-written is cleaned up like the rest.
      const rows = await db
        .selectFrom('files')
        .selectAll()
        .where('attached_to', 'is', null)
        .where('uploaded_at', '<', new Date(before))
        .orderBy('uploaded_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(storedFileOf);
    },
  };
}
