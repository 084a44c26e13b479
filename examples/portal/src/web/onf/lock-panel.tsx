import { type CaseEventType, type Directory, seesCaseField } from '@reshaem/core';
import { formatInstant, userName } from '../format.js';
import { CaseEventForm, type CaseFormContext } from './case-form.js';
import type { HeldCard } from './case-refusal.js';
import { caseZone, type ShownStoredCase } from './shown-case.js';

/**
 * «Блокировка»: who works on the card now and since when, «Взять в работу» and «Завершить
 * работу над карточкой» when the user may send them. An executor busy with another card is
 * told which one; the button stays, and the store refuses a second lock with that card named
 * (the list could be stale: only the store's write transaction knows).
 */
export function LockPanel(props: {
  shown: ShownStoredCase;
  directory: Directory;
  ctx: CaseFormContext;
  available: readonly CaseEventType[];
  held: readonly HeldCard[];
}) {
  const { shown, directory, ctx, available, held } = props;
  const { card } = shown;
  const names = seesCaseField(shown.viewer, 'assignment');
  return (
    <div class="card lock" data-lock={shown.locked ? 'held' : 'free'}>
      <h2>Блокировка</h2>
      <p data-lock-holder>
        {!shown.locked
          ? 'Карточка свободна: над ней сейчас никто не работает.'
          : names && card.lock
            ? `В работе у: ${userName(directory, card.lock.holderId)} с ${formatInstant(card.lock.since, caseZone(card))}`
            : 'Над карточкой работает исполнитель.'}
      </p>
      {available.includes('case.lock') && held.length > 0 && (
        <p class="muted" data-busy>
          Вы работаете над карточкой{' '}
          {held.map((c) => (
            <a href={`/onf/cases/${encodeURIComponent(c.id)}`}>№ {c.number}</a>
          ))}
          : одновременно можно работать только с одной.
        </p>
      )}
      <div class="actions">
        {available.includes('case.lock') && (
          <CaseEventForm
            ctx={ctx}
            type="case.lock"
            hint="Пока вы работаете над карточкой, другие её не возьмут."
          />
        )}
        {available.includes('case.release') && (
          <CaseEventForm ctx={ctx} type="case.release" secondary />
        )}
      </div>
    </div>
  );
}
