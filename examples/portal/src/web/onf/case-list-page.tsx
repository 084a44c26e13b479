import {
  type CaseStatus,
  caseStatuses,
  type Directory,
  type Principal,
  type StoredCase,
} from '@reshaem/core';
import { Layout } from '../layout.js';
import { type CaseFilters, caseListUrl, lockCodes, statusCodes } from './case-filters.js';
import { categoryTypeLabels, lockFilterLabels } from './case-labels.js';
import { CaseTable } from './case-table.js';
import { type CaseQueue, queuesOf } from './queues.js';

export interface CaseListProps {
  user: Principal;
  directory: Directory;
  queue: CaseQueue;
  filters: CaseFilters;
  /** How many cards of each status match the other filters. */
  counts: Readonly<Partial<Record<CaseStatus, number>>>;
  items: readonly StoredCase[];
  nextCursor: string | null;
  error?: string;
}

function Field(props: {
  name: keyof CaseFilters;
  label: string;
  value: string;
  type?: string;
  placeholder?: string;
}) {
  return (
    <label>
      {props.label}
      <br />
      <input
        name={props.name}
        value={props.value}
        type={props.type ?? 'text'}
        placeholder={props.placeholder ?? ''}
      />
    </label>
  );
}

function Select(props: {
  name: keyof CaseFilters;
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

const any = ['', 'все'] as const;

/** Every filter of SPEC §9, sorting, and the status when the queue does not fix it. */
function Filters({ filters, queue }: Pick<CaseListProps, 'filters' | 'queue'>) {
  const f = filters;
  return (
    <form class="filters card" method="get" action={queue.path} data-form="case-filters">
      <Field name="number" label="№ обращения" value={f.number} placeholder="410101" />
      <Field name="phone" label="Телефон" value={f.phone} placeholder="914 781" />
      <Field name="applicantName" label="ФИО гражданина" value={f.applicantName} />
      <Field name="text" label="Текст обращения" value={f.text} />
      {!queue.status && (
        <Select
          name="statuses"
          label="Статус"
          value={f.statuses}
          options={[any, ...statusCodes.map((s) => [s, caseStatuses[s].label] as const)]}
        />
      )}
      <Select
        name="categoryTypes"
        label="Тип категории"
        value={f.categoryTypes}
        options={[any, ['ogv', categoryTypeLabels.ogv], ['nko', categoryTypeLabels.nko]]}
      />
      <Select
        name="labelsPresent"
        label="Метки (наличие)"
        value={f.labelsPresent}
        options={[any, ['federal_level', 'Федеральный уровень']]}
      />
      <Select
        name="labelsAbsent"
        label="Метки (отсутствие)"
        value={f.labelsAbsent}
        options={[any, ['federal_level', 'Федеральный уровень']]}
      />
      <Select
        name="lock"
        label="Блокировка"
        value={f.lock}
        options={[
          ['', lockFilterLabels['']],
          ...lockCodes.map((l) => [l, lockFilterLabels[l]] as const),
        ]}
      />
      <Field name="municipality" label="Муниципальное образование" value={f.municipality} />
      <Field name="address" label="Адрес" value={f.address} />
      <Field name="createdFrom" label="Созд. от" value={f.createdFrom} type="date" />
      <Field name="createdTo" label="Созд. до" value={f.createdTo} type="date" />
      <Select
        name="sort"
        label="Сортировка"
        value={f.sort}
        options={[
          ['createdAt', 'по дате создания'],
          ['updatedAt', 'по дате изменения'],
        ]}
      />
      <Select
        name="direction"
        label="Порядок"
        value={f.direction}
        options={[
          ['desc', 'сначала новые'],
          ['asc', 'сначала старые'],
        ]}
      />
      <button type="submit">Показать</button>
      <a href={queue.path}>Сбросить</a>
    </form>
  );
}

/** The statuses with their counts; a click filters by one. */
function StatusTabs({
  filters,
  counts,
  queue,
}: Pick<CaseListProps, 'filters' | 'counts' | 'queue'>) {
  const total = Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
  const shown = queue.status ? [queue.status] : statusCodes;
  return (
    <nav class="folders" data-counts>
      {!queue.status && (
        <a
          href={caseListUrl(queue.path, filters, { statuses: '' })}
          class={filters.statuses === '' ? 'active' : ''}
          data-status-tab="all"
        >
          Все<span class="count">{total}</span>
        </a>
      )}
      {shown.map((status) => (
        <a
          href={queue.status ? queue.path : caseListUrl(queue.path, filters, { statuses: status })}
          class={filters.statuses === status || queue.status ? 'active' : ''}
          data-status-tab={status}
        >
          {caseStatuses[status].label}
          <span class="count">{counts[status] ?? 0}</span>
        </a>
      ))}
    </nav>
  );
}

/** The queues this user has: all cards, the curator's checks, support's requests … */
function QueueTabs({
  user,
  directory,
  queue,
}: Pick<CaseListProps, 'user' | 'directory' | 'queue'>) {
  return (
    <nav class="folders">
      {queuesOf(user, directory).map((q) => (
        <a href={q.path} class={q.path === queue.path ? 'active' : ''} data-queue={q.id}>
          {q.title}
        </a>
      ))}
    </nav>
  );
}

/** «ОНФ. Помощь»: a queue of cards with counts, filters, the list, the next page, Excel. */
export function CaseListPage(props: CaseListProps) {
  const { user, directory, filters, queue, items, nextCursor } = props;
  const exportUrl = caseListUrl(
    '/onf/export.xlsx',
    filters,
    queue.status ? { statuses: queue.status } : {},
  );
  return (
    <Layout title={queue.title} user={user} directory={directory}>
      <h1>ОНФ. Помощь · {queue.title}</h1>
      <QueueTabs user={user} directory={directory} queue={queue} />
      <StatusTabs filters={filters} counts={props.counts} queue={queue} />
      <Filters filters={filters} queue={queue} />
      {props.error && <p class="flash error">{props.error}</p>}
      <p>
        <a href={exportUrl} data-export>
          Выгрузить в Excel
        </a>
      </p>
      <CaseTable items={items} user={user} directory={directory} />
      <p>
        {filters.cursor && <a href={caseListUrl(queue.path, filters)}>« В начало</a>}{' '}
        {nextCursor && (
          <a href={caseListUrl(queue.path, filters, { cursor: nextCursor })} rel="next">
            Следующая страница »
          </a>
        )}
      </p>
    </Layout>
  );
}
