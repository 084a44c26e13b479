import {
  caseStatuses,
  type Directory,
  findRegion,
  type Principal,
  type StoredCase,
} from '@reshaem/core';
import { formatInstant, userName } from '../format.js';
import { caseLabelNames, categoryTypeLabels } from './case-labels.js';
import { caseZone, type ShownStoredCase, shownCase } from './shown-case.js';

/** Status, lock, urgency and labels of a card. */
export function CaseBadges({ shown }: { shown: ShownStoredCase }) {
  const { card } = shown;
  return (
    <>
      <span class={`badge cs-${shown.status}`} data-status={shown.status}>
        {caseStatuses[shown.status].label}
      </span>{' '}
      {shown.locked && (
        <span class="badge locked" data-locked>
          В работе у исполнителя
        </span>
      )}{' '}
      {card.urgent && <span class="badge overdue">Срочно</span>}{' '}
      {card.labels.map((label) => (
        <span class="badge label" data-label={label}>
          {caseLabelNames[label] ?? label}
        </span>
      ))}
    </>
  );
}

export const categoryName = (directory: Directory, card: ShownStoredCase['card']): string => {
  const category = directory.catalogue.categories.find((c) => c.id === card.categoryId);
  const sub = category?.subcategories.find((s) => s.id === card.subcategoryId);
  return [category?.name ?? card.categoryId, sub?.name].filter(Boolean).join(' / ');
};

/** The cards: one row each, as the user may see it, linking to the card page. */
export function CaseTable(props: {
  items: readonly StoredCase[];
  user: Principal;
  directory: Directory;
}) {
  const { items, user, directory } = props;
  if (items.length === 0) return <p class="card muted">Карточек, которые вам видны, нет.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th>№ обращения</th>
          <th>Создана</th>
          <th>Статус</th>
          <th>Заявитель</th>
          <th>Категория и текст</th>
          <th>Район и адрес</th>
          <th>Исполнитель</th>
        </tr>
      </thead>
      <tbody>
        {items.map((stored) => {
          const shown = shownCase(stored, user, directory);
          const { card } = shown;
          return (
            <tr data-case={card.id}>
              <td class="nowrap">
                <a href={`/onf/cases/${encodeURIComponent(card.id)}`}>{card.number}</a>
              </td>
              <td class="muted nowrap">{formatInstant(card.createdAt, caseZone(card))}</td>
              <td>
                <CaseBadges shown={shown} />
              </td>
              <td>
                {card.applicant.name}
                {card.applicant.phone && <div class="muted nowrap">{card.applicant.phone}</div>}
              </td>
              <td>
                <div class="muted">
                  {categoryTypeLabels[card.categoryType]} · {categoryName(directory, card)}
                </div>
                {card.text.length > 110 ? `${card.text.slice(0, 110)}…` : card.text}
              </td>
              <td>
                <div class="muted">{findRegion(card.regionCode)?.name ?? card.regionCode}</div>
                {[card.municipality, card.address].filter(Boolean).join(', ')}
              </td>
              <td>
                {card.executorId ? userName(directory, card.executorId) : '—'}
                {card.lock && (
                  <div class="muted">блокировка: {userName(directory, card.lock.holderId)}</div>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
