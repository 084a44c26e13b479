import {
  type Directory,
  type Folder,
  type FolderCounts,
  folderLabels,
  type MessageStatus,
  messageStatuses,
  type Principal,
  type StoredMessage,
} from '@reshaem/core';
import { Layout } from '../layout.js';
import { type ListFilters, listUrl } from '../list-query.js';
import { MessageTable } from './message-table.js';

export interface BackofficeProps {
  user: Principal;
  directory: Directory;
  now: Date;
  filters: ListFilters;
  counts: FolderCounts;
  items: readonly StoredMessage[];
  nextCursor: string | null;
  error?: string;
}

function FolderTabs({ filters, counts }: Pick<BackofficeProps, 'filters' | 'counts'>) {
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  const tab = (folder: Folder | '', label: string, count: number) => (
    <a
      href={listUrl(filters, { folder })}
      class={filters.folder === folder ? 'active' : ''}
      data-folder={folder || 'all'}
    >
      {label}
      <span class="count">{count}</span>
    </a>
  );
  return (
    <nav class="folders">
      {tab('', 'Все', total)}
      {(Object.keys(folderLabels) as Folder[]).map((f) => tab(f, folderLabels[f], counts[f]))}
    </nav>
  );
}

function Select(props: {
  name: string;
  label: string;
  value: string;
  options: ReadonlyArray<readonly [string, string]>;
}) {
  return (
    <label>
      {props.label}
      <br />
      <select name={props.name}>
        {props.options.map(([value, text]) => (
          <option value={value} selected={value === props.value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

function Filters({ filters, directory }: Pick<BackofficeProps, 'filters' | 'directory'>) {
  const statuses = Object.entries(messageStatuses).map(
    ([code, info]) => [code as MessageStatus, info.label] as const,
  );
  const any = ['', 'все'] as const;
  const yesNo = [any, ['yes', 'да'], ['no', 'нет']] as const;
  return (
    <form class="filters card" method="get" action="/backoffice">
      {filters.folder && <input type="hidden" name="folder" value={filters.folder} />}
      <label>
        Текст или номер
        <br />
        <input name="text" value={filters.text} placeholder="яма, 41-000101…" />
      </label>
      <Select name="status" label="Статус" value={filters.status} options={[any, ...statuses]} />
      <Select name="fastTrack" label="Фаст-трек" value={filters.fastTrack} options={yesNo} />
      <Select name="overdue" label="Просрочено" value={filters.overdue} options={yesNo} />
      <Select
        name="source"
        label="Источник"
        value={filters.source}
        options={[
          ['all', 'все'],
          ['site', 'Сайт'],
          ['epgu', 'ЕПГУ'],
        ]}
      />
      <Select
        name="category"
        label="Категория"
        value={filters.category}
        options={[any, ...directory.catalogue.categories.map((c) => [c.id, c.name] as const)]}
      />
      <Select
        name="sort"
        label="Сортировка"
        value={filters.sort}
        options={[
          ['createdAt', 'по дате поступления'],
          ['updatedAt', 'по дате изменения'],
          ['registeredAt', 'по дате регистрации'],
        ]}
      />
      <Select
        name="direction"
        label="Порядок"
        value={filters.direction}
        options={[
          ['desc', 'сначала новые'],
          ['asc', 'сначала старые'],
        ]}
      />
      <button type="submit">Показать</button>
      <a href={listUrl(filters, { ...emptyFilters, folder: filters.folder })}>Сбросить</a>
    </form>
  );
}

const emptyFilters: Partial<ListFilters> = {
  status: '',
  fastTrack: '',
  overdue: '',
  source: 'all',
  category: '',
  text: '',
  sort: 'createdAt',
  direction: 'desc',
};

/** The backoffice: folders with counts, filters, the list, the next page. */
export function BackofficePage(props: BackofficeProps) {
  const { user, directory, filters, items, nextCursor, now } = props;
  const title = filters.folder ? folderLabels[filters.folder] : 'Все сообщения';
  return (
    <Layout title={title} user={user} directory={directory}>
      <h1>{title}</h1>
      <FolderTabs filters={filters} counts={props.counts} />
      <Filters filters={filters} directory={directory} />
      {props.error && <p class="flash error">{props.error}</p>}
      <MessageTable
        items={items}
        user={user}
        directory={directory}
        now={now}
        empty="В этой папке нет сообщений, которые вам видны."
      />
      <p>
        {filters.cursor && <a href={listUrl(filters, {})}>« В начало</a>}{' '}
        {nextCursor && (
          <a href={listUrl(filters, { ...filters, cursor: nextCursor })} rel="next">
            Следующая страница »
          </a>
        )}
      </p>
    </Layout>
  );
}
