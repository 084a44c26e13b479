import { type Directory, messageStatuses, type Principal, type StoredMessage } from '@reshaem/core';
import { countdownOf, deadlineStateOf } from '../deadline.js';
import { formatInstant, orgName, topicOf, zoneOf } from '../format.js';
import { type ShownStoredMessage, shownStored } from '../shown.js';

export interface MessageTableProps {
  items: readonly StoredMessage[];
  /** Whose list it is: each row shows the message as they may see it. */
  user: Principal;
  directory: Directory;
  now: Date;
  empty?: string;
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
      {m.reReviewRound > 0 && <span class="badge">Повторное рассмотрение</span>}
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

/** The list of messages: one row each, linking to the card. */
export function MessageTable({ items, user, directory, now, empty }: MessageTableProps) {
  if (items.length === 0) return <p class="card muted">{empty ?? 'Сообщений нет.'}</p>;
  return (
    <table>
      <thead>
        <tr>
          <th>Номер</th>
          <th>Поступило</th>
          <th>Статус</th>
          <th>Организация</th>
          <th>Тема и текст</th>
          <th>Срок ответа</th>
        </tr>
      </thead>
      <tbody>
        {items.map((raw) => {
          const stored = shownStored(raw, user, directory);
          const m = stored.snapshot.context;
          return (
            <tr data-message={m.id}>
              <td class="nowrap">
                <a href={`/messages/${encodeURIComponent(m.id)}`}>{m.number}</a>
              </td>
              <td class="muted">{formatInstant(m.createdAt, zoneOf(m, directory))}</td>
              <td>
                <Badges stored={stored} />
              </td>
              <td>{orgName(directory, m.holdingOrgId)}</td>
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
