import {
  type CaseEventType,
  caseHistoryLineFor,
  closeReasons,
  closeRequirementLabels,
  type Directory,
  findRegion,
  type Principal,
  type StoredCase,
  type StoredCaseHistoryRecord,
  seesCaseField,
} from '@reshaem/core';
import { formatInstant, formatLocalDate, orgName, userName } from '../format.js';
import { Layout } from '../layout.js';
import { FileList } from '../pages/file-list.js';
import type { RefusalView } from '../refusal.js';
import { RefusalBanner } from '../refusal-banner.js';
import type { CaseFormContext } from './case-form.js';
import { CaseForms } from './case-forms.js';
import {
  caseHistoryLabels,
  categoryTypeLabels,
  contactOutcomeLabels,
  correctableFieldLabels,
  rereviewReasonLabels,
} from './case-labels.js';
import type { HeldCard } from './case-refusal.js';
import { CaseBadges, categoryName } from './case-table.js';
import { LockPanel } from './lock-panel.js';
import { caseZone, type ShownStoredCase, shownCase } from './shown-case.js';

export interface CasePageProps {
  user: Principal;
  directory: Directory;
  stored: StoredCase;
  history: readonly StoredCaseHistoryRecord[];
  /** What `availableCaseEvents` allows this user now (without the lock fact: see the panel). */
  available: readonly CaseEventType[];
  /** The other cards whose lock this user holds. */
  held: readonly HeldCard[];
  forms: CaseFormContext;
  done?: string;
  refusal?: RefusalView;
}

const yesNo = (value: boolean) => (value ? 'Да' : 'Нет');

function Fields({ shown, directory }: { shown: ShownStoredCase; directory: Directory }) {
  const { card } = shown;
  const zone = caseZone(card);
  const contacts = seesCaseField(shown.viewer, 'applicant.contacts');
  const assignment = seesCaseField(shown.viewer, 'assignment');
  return (
    <dl>
      <dt>ФИО гражданина</dt>
      <dd data-field="applicant">{card.applicant.name}</dd>
      {contacts && (
        <>
          <dt>Телефон</dt>
          <dd data-field="phone">{card.applicant.phone ?? '—'}</dd>
          <dt>Электронная почта</dt>
          <dd>{card.applicant.email ?? '—'}</dd>
        </>
      )}
      <dt>Регион</dt>
      <dd>{findRegion(card.regionCode)?.name ?? card.regionCode}</dd>
      <dt>Муниципальное образование</dt>
      <dd>{card.municipality ?? '—'}</dd>
      <dt>Адрес</dt>
      <dd>{card.address ?? '—'}</dd>
      <dt>Адрес источника</dt>
      <dd>{card.sourceAddress ?? '—'}</dd>
      <dt>Тип категории</dt>
      <dd>{categoryTypeLabels[card.categoryType]}</dd>
      <dt>Категория</dt>
      <dd>{categoryName(directory, card)}</dd>
      <dt>Срочно · общались ранее</dt>
      <dd>
        {yesNo(card.urgent)} · {yesNo(card.contactedBefore)}
      </dd>
      <dt>Источник</dt>
      <dd>
        {[card.sourceSystem, card.sourceId, card.channel, card.stream]
          .filter(Boolean)
          .join(' · ') || '—'}
      </dd>
      <dt>Создана · изменена</dt>
      <dd>
        {formatInstant(card.createdAt, zone)} · {formatInstant(card.updatedAt, zone)}
      </dd>
      {assignment && (
        <>
          <dt>Исполнитель</dt>
          <dd data-field="executor">
            {card.executorId ? userName(directory, card.executorId) : 'не назначен'}
            {card.orgId && <div class="muted">{orgName(directory, card.orgId)}</div>}
          </dd>
          <dt>Назначил</dt>
          <dd>{card.supervisorId ? userName(directory, card.supervisorId) : '—'}</dd>
          <dt>Дедлайн по исполнению</dt>
          <dd>{card.executionDueDate ? formatLocalDate(card.executionDueDate) : '—'}</dd>
        </>
      )}
    </dl>
  );
}

/** The work's results as far as the user may see them: returns, resolution, closure, calls. */
function WorkBlocks({ shown, directory }: { shown: ShownStoredCase; directory: Directory }) {
  const { card } = shown;
  const zone = caseZone(card);
  const back = card.lastReturn;
  return (
    <>
      {back && shown.status === 'in_work' && (
        <div class="flash error" data-return={back.unmet ?? back.of}>
          <strong>
            {back.unmet
              ? 'Запрос на закрытие вернулся в работу: не выполнено требование причины'
              : 'Куратор вернул карточку на доработку'}
          </strong>
          {back.unmet && <div>{closeRequirementLabels[back.unmet]}.</div>}
          {back.comment && <div>{back.comment}</div>}
          <div class="muted">{formatInstant(back.at, zone)}</div>
        </div>
      )}
      {card.resolution && (
        <div class="card" data-resolution>
          <h2>Решение исполнителя</h2>
          <p>{card.resolution.description}</p>
          <FileList files={card.resolution.files} label="Файлы решения" />
          <p class="muted">
            {userName(directory, card.resolution.submittedBy)},{' '}
            {formatInstant(card.resolution.submittedAt, zone)}
            {card.resolution.acceptedBy &&
              ` · принято: ${userName(directory, card.resolution.acceptedBy)}`}
          </p>
        </div>
      )}
      {card.closure && (
        <div class="card" data-closure={card.closure.reason}>
          <h2>Запрос на закрытие</h2>
          <p>{closeReasons[card.closure.reason].label}</p>
          {card.closure.duplicateOf && <p>Дублирует обращение № {card.closure.duplicateOf}</p>}
          {card.closure.comment && <p>{card.closure.comment}</p>}
          <p class="muted">
            {userName(directory, card.closure.requestedBy)},{' '}
            {formatInstant(card.closure.requestedAt, zone)}
            {card.closure.acceptedBy &&
              ` · принято: ${userName(directory, card.closure.acceptedBy)}`}
          </p>
        </div>
      )}
      {card.postponement && (
        <div class="card" data-postponement={card.postponement.until}>
          <h2>Отложенное решение</h2>
          <p>
            Решить до {formatLocalDate(card.postponement.until)}: {card.postponement.reason}
          </p>
        </div>
      )}
      {card.rereview && (
        <p class="card">
          На повторном рассмотрении: {rereviewReasonLabels[card.rereview.reason]}
          {card.rereview.comment && ` — ${card.rereview.comment}`}
        </p>
      )}
      {card.supportRequest && (
        <p class="card">
          Запрос в техподдержку:{' '}
          {card.supportRequest.corrections
            .map((c) => `${correctableFieldLabels[c.field]} → ${c.value ?? '(пусто)'}`)
            .join('; ')}
          {card.supportRequest.comment && ` — ${card.supportRequest.comment}`}
        </p>
      )}
      {card.contactAttempts.length > 0 && (
        <div class="card">
          <h2>Звонки заявителю</h2>
          <ul>
            {card.contactAttempts.map((a) => (
              <li data-call={a.outcome}>
                {formatLocalDate(a.day)} {formatInstant(a.at, zone).slice(11)} —{' '}
                {contactOutcomeLabels[a.outcome]}
                {a.comment && ` (${a.comment})`}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

/**
 * An ОНФ card: fields, the lock, the results, «Ход решения», one form per event the user may
 * send now, and the history — everything through the core's field rules (`caseViewFor`,
 * `caseHistoryLineFor`).
 */
export function CasePage(props: CasePageProps) {
  const { user, directory } = props;
  const shown = shownCase(props.stored, user, directory);
  const { card } = shown;
  const zone = caseZone(card);
  const history = props.history.map((r) => caseHistoryLineFor(shown.viewer, r));
  return (
    <Layout
      title={`Карточка ${card.number}`}
      user={user}
      directory={directory}
      alert={props.refusal && <RefusalBanner refusal={props.refusal} />}
    >
      <h1>
        Обращение № {card.number} <CaseBadges shown={shown} />
      </h1>
      <p class="muted">
        <a href="/onf">« К списку</a> · версия {shown.version}
      </p>
      {props.done && <p class="flash ok">{props.done}</p>}
      <div class="card">
        <p class="lead">{card.text}</p>
        <Fields shown={shown} directory={directory} />
      </div>
      <LockPanel
        shown={shown}
        directory={directory}
        ctx={props.forms}
        available={props.available}
        held={props.held}
      />
      <WorkBlocks shown={shown} directory={directory} />
      <div class="card">
        <h2>Действия</h2>
        <CaseForms ctx={props.forms} types={props.available} directory={directory} />
      </div>
      {seesCaseField(shown.viewer, 'comments') && (
        <div class="card">
          <h2>Ход решения</h2>
          {card.comments.length === 0 ? (
            <p class="muted">Комментариев пока нет.</p>
          ) : (
            <ul class="history">
              {card.comments.map((c) => (
                <li data-comment>
                  <span class="muted">{formatInstant(c.at, zone)}</span>{' '}
                  <strong>{c.authorName ?? userName(directory, c.authorId)}</strong>: {c.text}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div class="card">
        <h2>История</h2>
        <ol class="history">
          {history.map((r) => (
            <li data-history={r.type}>
              <span class="muted">{formatInstant(r.at, zone)}</span> {caseHistoryLabels[r.type]} ·{' '}
              {r.by.name ?? userName(directory, r.by.id)}
            </li>
          ))}
        </ol>
      </div>
    </Layout>
  );
}
