import type { Directory, Principal, StoredMessage } from '@reshaem/core';
import { Layout } from '../layout.js';
import { type ListFilters, listUrl } from '../list-query.js';
import { BulkActions, type BulkOutcome, BulkReport } from './bulk-actions.js';
import { type CountedFolder, FolderTabs } from './folder-tabs.js';
import { type Choice, type FilterChoices, ListFiltersForm } from './list-filters-form.js';
import { ListPager, type PagePosition } from './list-pager.js';
import { MessageTable } from './message-table.js';

export interface BackofficeProps {
  user: Principal;
  directory: Directory;
  now: Date;
  filters: ListFilters;
  folders: readonly CountedFolder[];
  items: readonly StoredMessage[];
  position: PagePosition;
  choices: FilterChoices;
  /** Executors the user may assign the selection to; none: no assign button. */
  assignees: readonly Choice[];
  error?: string;
  report?: readonly BulkOutcome[];
}

/** The backoffice: the role's folders with counts, every filter, the list, paging, bulk actions. */
export function BackofficePage(props: BackofficeProps) {
  const { user, directory, filters, items, now, position } = props;
  const current = props.folders.find(
    (f) => f.code === (f.kind === 'folder' ? filters.folder : filters.queue),
  );
  const title = current?.label ?? 'Все сообщения';
  const here = listUrl(filters, {
    cursor: filters.cursor,
    back: filters.back,
    from: filters.from,
  });
  return (
    <Layout title={title} user={user} directory={directory}>
      <h1>{title}</h1>
      <FolderTabs filters={filters} folders={props.folders} />
      <ListFiltersForm filters={filters} directory={directory} choices={props.choices} />
      {props.error && <p class="flash error">{props.error}</p>}
      {props.report && <BulkReport outcomes={props.report} />}
      <BulkActions assignees={props.assignees} back={here} />
      <ListPager position={position} />
      <MessageTable
        items={items}
        user={user}
        directory={directory}
        now={now}
        selectable
        sorting={{
          field: filters.sort,
          direction: filters.direction,
          href: (sort, direction) => listUrl(filters, { sort, direction }),
        }}
        empty="В этой папке нет сообщений, которые вам видны."
      />
      {items.length > 0 && <ListPager position={position} />}
    </Layout>
  );
}
