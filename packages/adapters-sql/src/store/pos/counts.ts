import {
  type Directory,
  type FolderCounts,
  folderLabels,
  type Principal,
  viewScopeOf,
} from '@reshaem/core';
import { sql } from 'kysely';
import type { Db } from '../kernel/reads.js';
import {
  onFolderCounts,
  onMessages,
  orgScope,
  personalScope,
  seesAll,
} from '../kernel/scope-sql.js';

const emptyCounts = (): FolderCounts =>
  Object.fromEntries(Object.keys(folderLabels).map((f) => [f, 0])) as FolderCounts;

/**
 * Folder counts for a viewer. The organisation-wide part of the scope is summed from
 * `folder_counts` (a few rows per organisation, kept by every write), so a region's
 * coordinator does not count hundreds of thousands of messages; the personal part (assigned
 * to me, sent by me) is counted from `messages`, minus what the first part already counted.
 */
export async function countFolders(
  db: Db,
  directory: Directory,
  viewer: Principal,
): Promise<FolderCounts> {
  const scope = viewScopeOf(viewer, directory);
  const counts = emptyCounts();
  const add = (rows: Array<{ folder: string; n: number }>) => {
    for (const { folder, n } of rows) {
      if (folder in counts) counts[folder as keyof FolderCounts] += n;
    }
  };
  const all = seesAll(scope);
  const orgWide = all ? sql<boolean>`TRUE` : orgScope(scope, onFolderCounts);
  if (orgWide) {
    const { rows } = await sql<{ folder: string; n: number }>`
      SELECT folder, sum(n)::integer AS n FROM folder_counts WHERE ${orgWide} GROUP BY folder`.execute(
      db,
    );
    add(rows);
  }
  const personal = all ? undefined : personalScope(scope);
  if (personal) {
    const notCounted = orgScope(scope, onMessages);
    const { rows } = await sql<{ folder: string; n: number }>`
      SELECT folder, count(*)::integer AS n FROM messages
      WHERE ${personal} ${notCounted ? sql`AND NOT ${notCounted}` : sql``}
      GROUP BY folder`.execute(db);
    add(rows);
  }
  return counts;
}
