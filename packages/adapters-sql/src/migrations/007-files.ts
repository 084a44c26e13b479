import type { Migration } from './migration.js';

/**
 * Files: uploads and their bytes, in the same database as the messages so that one backup
 * holds both. `files` has one row per upload, `complete` once every chunk is in (a row
 * left incomplete by a crash is never shown, and the cleanup removes it). The bytes are
 * rows of `file_chunks` (256 KiB each), written and read one at a time, so neither an
 * upload nor a download holds a whole file in memory. Messages stored before files get an
 * empty `attachments` list.
 */
export const files: Migration = {
  version: 7,
  name: '007-files',
  statements: [
    `CREATE TABLE files (
      id text COLLATE "C" PRIMARY KEY,
      name text NOT NULL,
      content_type text NOT NULL,
      size bigint NOT NULL DEFAULT 0,
      sha256 text,
      uploaded_by text NOT NULL,
      uploaded_at timestamptz NOT NULL,
      attached_to text COLLATE "C",
      complete boolean NOT NULL DEFAULT false
    )`,
    'CREATE INDEX files_unattached ON files (uploaded_at, id) WHERE attached_to IS NULL',
    'CREATE INDEX files_attached_to ON files (attached_to) WHERE attached_to IS NOT NULL',
    `CREATE TABLE file_chunks (
      file_id text COLLATE "C" NOT NULL REFERENCES files (id) ON DELETE CASCADE,
      seq integer NOT NULL,
      bytes bytea NOT NULL,
      PRIMARY KEY (file_id, seq)
    )`,
    `UPDATE messages SET snapshot = jsonb_set(snapshot, '{context,attachments}', '[]'::jsonb)
      WHERE NOT (snapshot -> 'context' ? 'attachments')`,
  ],
};
