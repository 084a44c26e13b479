import type { WorkedFolder } from '@reshaem/core';
import { type ListFilters, listUrl } from '../list-query.js';

/** A folder or queue the user works, with their count. */
export type CountedFolder = WorkedFolder & { count: number };

const groupLabels: Readonly<Record<WorkedFolder['role'], string>> = {
  coordination: 'Координация',
  executor: 'Мои сообщения',
  head: 'Руководитель',
  deadline: 'Сроки',
};

/**
 * The user's folders and queues with their counts (`workedFoldersOf`), grouped by role when
 * they have several, and «Все» (its total is the pager's). A folder links with `folder=`, a queue with `queue=`.
 */
export function FolderTabs({
  filters,
  folders,
}: {
  filters: ListFilters;
  folders: readonly CountedFolder[];
}) {
  const groups = [...new Set(folders.map((f) => f.role))];
  const all = filters.folder === '' && filters.queue === '';
  return (
    <nav class="folders" aria-label="Папки">
      <a
        href={listUrl(filters, { folder: '', queue: '' })}
        class={all ? 'active' : ''}
        data-folder="all"
        {...(all ? { 'aria-current': 'page' } : {})}
      >
        Все
      </a>
      {groups.map((group) => (
        <>
          {groups.length > 1 && <span class="group">{groupLabels[group]}:</span>}
          {folders
            .filter((f) => f.role === group)
            .map((f) => {
              const active =
                f.kind === 'folder' ? filters.folder === f.code : filters.queue === f.code;
              const change =
                f.kind === 'folder'
                  ? { folder: f.code as ListFilters['folder'], queue: '' as const }
                  : { queue: f.code as ListFilters['queue'], folder: '' as const };
              return (
                <a
                  href={listUrl(filters, change)}
                  class={active ? 'active' : ''}
                  data-folder={f.code}
                  data-kind={f.kind}
                  {...(active ? { 'aria-current': 'page' } : {})}
                >
                  {f.label}
                  <span class="count">{f.count}</span>
                </a>
              );
            })}
        </>
      ))}
    </nav>
  );
}
