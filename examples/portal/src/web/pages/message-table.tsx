import {
  type Directory,
  isRework,
  messageStatuses,
  type Principal,
  type SortField,
  type StoredMessage,
} from '@reshaem/core';
import { countdownOf, deadlineStateOf } from '../deadline.js';
import { formatInstant, orgName, topicOf, userName, zoneOf } from '../format.js';
import { type ShownStoredMessage, shownStored } from '../shown.js';

/** How the list is sorted, and the link that sorts it by a column. */
export interface TableSorting {
  field: SortField;
  direction: 'asc' | 'desc';
  href: (field: SortField, direction: 'asc' | 'desc') => string;
}

export interface MessageTableProps {
  items: readonly StoredMessage[];
  /** Whose list it is: each row shows the message as they may see it. */
  user: Principal;
  directory: Directory;
  now: Date;
  empty?: string;
  /** The backoffice's table: date heads sort, rows have a check box for the `bulk` form. */
  sorting?: TableSorting;
  selectable?: boolean;
}

/**
 * Status, fast-track, due-soon and overdue marks of a message, as the user may see it: the
 * «скоро срок» warning is the organisations' (its instant is hidden from the applicant).
 */
export function Badges({ stored }: { stored: ShownStoredMessage }) {
  const m = stored.snapshot.context;
  const state = deadlineStateOf(stored.snapshot);
  return (
    <>
      <span class={`badge st-${stored.status}`} data-status={stored.status}>
        {messageStatuses[stored.status].label}
      </span>{' '}
      {m.fastTrack && <span class="badge fast">Фаст-трек</span>}{' '}
      {m.overdue && <span class="badge overdue">Просрочено</span>}{' '}
      {state === 'due_soon' && m.dueSoonAt !== null && <span class="badge soon">Скоро срок</span>}{' '}
      {m.pendingExtension !== null && (
        <span class="badge request" data-marker="extension">
          Запрос на перенос срока
        </span>
      )}{' '}
      {isRework({ status: stored.status, message: m }) && m.answer !== null && (
        <span class="badge rework" data-marker="rework">
          Возвращено на доработку
        </span>
      )}{' '}
      {m.reReviewRound > 0 && (
        <span class="badge" data-marker="re-review">
          Повторное рассмотрение{m.reReviewRound > 1 ? ` (${m.reReviewRound})` : ''}
        </span>
      )}
    </>
  );
}

/** «9 дней 14 часов 39 минут» over «до 23:59 25.01.2025». */
function Countdown({ text }: { text: string | null }) {
  if (text === null) return <>—</>;
  const [left, due] = text.split(' / ');
  return due === undefined ? (
    <span class="muted">{left}</span>
  ) : (
    <>
      <span class={left?.startsWith('просрочено') ? 'late' : ''}>{left}</span>
      <div class="muted">{due}</div>
    </>
  );
}

/** A column head that sorts by its date: ascending first when it is not the sort yet. */
function SortHead({
  label,
  field,
  sorting,
}: {
  label: string;
  field: SortField;
  sorting?: TableSorting;
}) {
  if (!sorting) return <th>{label}</th>;
  const active = sorting.field === field;
  const next = active && sorting.direction === 'desc' ? 'asc' : 'desc';
  const ariaSort = active ? (sorting.direction === 'asc' ? 'ascending' : 'descending') : undefined;
  const arrow = active ? (sorting.direction === 'asc' ? ' ▲' : ' ▼') : '';
  return (
    <th aria-sort={ariaSort} data-sort={field}>
      <a href={sorting.href(field, next)}>
        {label}
        {arrow}
      </a>
    </th>
  );
}

/** The list of messages: one row each, linking to the card. */
export function MessageTable(props: MessageTableProps) {
  const { items, user, directory, now, empty, sorting, selectable } = props;
  if (items.length === 0) return <p class="card muted">{empty ?? 'Сообщений нет.'}</p>;
  return (
    <table class="messages">
      <thead>
        <tr>
          {selectable && (
            <th>
              <span class="visually-hidden">Выбрать</span>
            </th>
          )}
          <th>Номер</th>
          <SortHead label="Поступило" field="createdAt" {...(sorting && { sorting })} />
          {sorting && <SortHead label="Зарегистрировано" field="registeredAt" sorting={sorting} />}
          {sorting && <SortHead label="Изменено" field="updatedAt" sorting={sorting} />}
          <th>Статус</th>
          <th>{sorting ? 'Организация, исполнитель' : 'Организация'}</th>
          <th>Тема и текст</th>
          <SortHead label="Срок ответа" field="responseDueAt" {...(sorting && { sorting })} />
        </tr>
      </thead>
      <tbody>
        {items.map((raw) => {
          const stored = shownStored(raw, user, directory);
          const m = stored.snapshot.context;
          const zone = zoneOf(m, directory);
          return (
            <tr data-message={m.id}>
              {selectable && (
                <td>
                  <input
                    type="checkbox"
                    name="selected"
                    form="bulk"
                    value={`${m.id}:${stored.version}`}
                    aria-label={`Выбрать ${m.number}`}
                  />
                </td>
              )}
              <td class="nowrap">
                <a href={`/messages/${encodeURIComponent(m.id)}`}>{m.number}</a>
              </td>
              <td class="muted">{formatInstant(m.createdAt, zone)}</td>
              {sorting && (
                <td class="muted">
                  {m.registeredAt === null ? '—' : formatInstant(m.registeredAt, zone)}
                </td>
              )}
              {sorting && <td class="muted">{formatInstant(m.updatedAt, zone)}</td>}
              <td>
                <Badges stored={stored} />
              </td>
              <td>
                {orgName(directory, m.holdingOrgId)}
                {sorting && m.executorId !== null && (
                  <div class="muted" data-executor={m.executorId}>
                    {userName(directory, m.executorId)}
                  </div>
                )}
              </td>
              <td>
                <div class="muted">{topicOf(m, directory)}</div>
                {m.text.length > 110 ? `${m.text.slice(0, 110)}…` : m.text}
              </td>
              <td>
                <Countdown text={countdownOf(stored.snapshot, directory, now)} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
