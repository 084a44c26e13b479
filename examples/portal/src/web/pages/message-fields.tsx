import { answerTypeLabels, channelLabels } from '@reshaem/adapters-http';
import { type Directory, deadlineLabel, findRegion } from '@reshaem/core';
import { countdownOf } from '../deadline.js';
import { formatInstant, formatLocalDate, orgName, topicOf, userName, zoneOf } from '../format.js';
import { deliveryChannelLabels } from '../labels.js';
import { MapView } from '../map/map-picker.js';
import type { MapSettings } from '../map/map-settings.js';
import type { ShownStoredMessage } from '../shown.js';
import { FileList } from './file-list.js';

const yes = (value: boolean) => (value ? 'Да' : 'Нет');

/**
 * The message's fields, as the card lists them: pass the message as the user may see it.
 * `staff`: the user sees who works on it (coordinator, executor, head).
 */
export function MessageFields(props: {
  stored: ShownStoredMessage;
  directory: Directory;
  now: Date;
  staff: boolean;
  /** Tiles for a small map of the point; without them the point is text only. */
  map?: MapSettings | undefined;
}) {
  const { stored, directory, now } = props;
  const m = stored.snapshot.context;
  const zone = zoneOf(m, directory);
  const when = (instant: string | null) => (instant ? formatInstant(instant, zone) : '—');
  const rating = m.ratings.at(-1);
  const countdown = countdownOf(stored.snapshot, directory, now);
  return (
    <dl>
      <dt>Срок ответа</dt>
      <dd class="countdown" data-countdown>
        {countdown ?? 'назначается при регистрации'}
      </dd>
      {m.executionDueAt && (
        <>
          <dt>Срок исполнения</dt>
          <dd>{deadlineLabel(m.executionDueAt, zone)}</dd>
        </>
      )}
      <dt>Тема</dt>
      <dd>{topicOf(m, directory)}</dd>
      <dt>Фаст-трек · Просрочено · 59-ФЗ</dt>
      <dd>
        {yes(m.fastTrack)} · {yes(m.overdue)} · {yes(m.lawType === 'appeal_59fz')}
      </dd>
      <dt>Источник</dt>
      <dd>{channelLabels[m.channel]}</dd>
      {m.applicant && (
        <>
          <dt>Заявитель</dt>
          <dd>
            {[m.applicant.name, m.applicant.email, m.applicant.phone].filter(Boolean).join(', ')}
          </dd>
        </>
      )}
      <dt>Адрес проблемы</dt>
      <dd>{m.problemAddress ?? '—'}</dd>
      {m.location ? (
        <>
          <dt>Точка на карте</dt>
          <dd data-point={`${m.location.lat},${m.location.lon}`}>
            {m.location.lat}, {m.location.lon}
            <MapView point={m.location} map={props.map ?? {}} />
          </dd>
        </>
      ) : null}
      <dt>Регион</dt>
      <dd>
        {findRegion(m.regionCode)?.name ?? m.regionCode} ({zone})
        {m.municipality ? `, ${m.municipality}` : ''}
      </dd>
      <dt>Поступило в</dt>
      <dd>{orgName(directory, m.receivedOrgId)}</dd>
      <dt>Находится в</dt>
      <dd data-holding={m.holdingOrgId}>{orgName(directory, m.holdingOrgId)}</dd>
      <dt>Поступило · зарегистрировано</dt>
      <dd>
        {when(m.createdAt)} · {when(m.registeredAt)}
        {m.registrationNumber ? ` № ${m.registrationNumber}` : ''}
      </dd>
      {props.staff && (
        <>
          <dt>Координатор · исполнитель · руководитель</dt>
          <dd>
            {userName(directory, m.coordinatorId)} · {userName(directory, m.executorId)} ·{' '}
            {userName(directory, m.headId)}
          </dd>
        </>
      )}
      {m.deliveryDueAt && (
        <>
          <dt>Передать ответ заявителю</dt>
          <dd>
            {deadlineLabel(m.deliveryDueAt, zone)}
            {m.deliveryOverdue ? ' — срок передачи истёк' : ''}
          </dd>
        </>
      )}
      {m.ratingDueAt && (
        <>
          <dt>Оценить ответ</dt>
          <dd>{deadlineLabel(m.ratingDueAt, zone)}</dd>
        </>
      )}
      {m.reReviewRound > 0 && (
        <>
          <dt>Повторное рассмотрение</dt>
          <dd>раунд {m.reReviewRound}</dd>
        </>
      )}
      {rating && (
        <>
          <dt>Оценка заявителя</dt>
          <dd data-rating={rating.score}>
            {rating.score} из 5{rating.comment ? ` — «${rating.comment}»` : ''}
          </dd>
        </>
      )}
      {m.delivery && (
        <>
          <dt>Ответ передан</dt>
          <dd>
            {deliveryChannelLabels[m.delivery.channel]}, {when(m.delivery.confirmedAt)} — «
            {m.delivery.note}»
          </dd>
        </>
      )}
      {m.pendingExtension && (
        <>
          <dt>Запрошен перенос срока</dt>
          <dd>
            {deadlineLabel(m.pendingExtension.until, zone)} — «{m.pendingExtension.reason}» (
            {userName(directory, m.pendingExtension.requestedBy)})
          </dd>
        </>
      )}
      {m.rejectionReason && (
        <>
          <dt>Причина отклонения</dt>
          <dd>{m.rejectionReason}</dd>
        </>
      )}
      {m.lastReturnComment && m.lastReturnComment !== rating?.comment && (
        <>
          <dt>Комментарий при возврате</dt>
          <dd>{m.lastReturnComment}</dd>
        </>
      )}
    </dl>
  );
}

/**
 * The current answer, if the user may see one (a draft only for staff). Who prepared and
 * approved it is named only to those who may know; others see when it was approved.
 */
export function AnswerBlock(props: { stored: ShownStoredMessage; directory: Directory }) {
  const m = props.stored.snapshot.context;
  const a = m.answer;
  if (!a) return null;
  const zone = zoneOf(m, props.directory);
  return (
    <div class="card" data-answer={a.type}>
      <h2>Ответ · {answerTypeLabels[a.type]}</h2>
      <p>{a.text}</p>
      <FileList files={a.files} label="Файлы ответа" />
      {a.postponedUntil && <p>Решить до {formatLocalDate(a.postponedUntil)}</p>}
      {a.preparedBy === null ? (
        a.approvedAt && <p class="muted">Ответ дан {formatInstant(a.approvedAt, zone)}</p>
      ) : (
        <p class="muted">
          Подготовил {userName(props.directory, a.preparedBy)}, {formatInstant(a.preparedAt, zone)}
          {a.approvedAt &&
            ` · утвердил ${userName(props.directory, a.approvedBy)}, ${formatInstant(a.approvedAt, zone)}`}
        </p>
      )}
    </div>
  );
}
