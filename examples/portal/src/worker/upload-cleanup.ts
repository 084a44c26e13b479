import type { FileStore } from '@reshaem/core';
import type { Log } from './mailer.js';

/** Where uploads live and how long one may stay attached to nothing. */
export interface UploadCleanup {
  files: FileStore;
  /** An upload attached to nothing this long after its upload is removed. */
  unattachedMs: number;
}

/** Uploads removed per round; the worker's next tick takes the rest. */
const BATCH = 100;

/**
 * Removes uploads that were never attached to a message and are older than the cleanup's
 * age, in batches, until none is left or `stopping` says so. Attached files are never
 * listed, so a message's files stay as long as it does. Returns how many it removed.
 */
export async function removeUnattachedUploads(
  cleanup: UploadCleanup,
  now: string,
  log: Log,
  stopping: () => boolean,
): Promise<number> {
  const before = new Date(Date.parse(now) - cleanup.unattachedMs).toISOString();
  let removed = 0;
  while (!stopping()) {
    const due = await cleanup.files.unattachedBefore(before, BATCH);
    for (const file of due) {
      if (await cleanup.files.delete(file.id)) removed += 1;
    }
    if (due.length < BATCH) break;
  }
  if (removed > 0) log(`[файлы] удалено неприкреплённых загрузок: ${removed}`);
  return removed;
}
