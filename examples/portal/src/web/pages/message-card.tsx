import {
  type Directory,
  folderLabels,
  folderOf,
  type MessageEventType,
  messageStatuses,
  messageViewerOf,
  operatorFolderLabels,
  operatorFolderOf,
  type Principal,
  type StoredHistoryRecord,
  type StoredMessage,
  seesField,
} from '@reshaem/core';
import { zoneOf } from '../format.js';
import type { FormContext } from '../forms/event-form.js';
import { EventForms } from '../forms/event-forms.js';
import { Layout } from '../layout.js';
import type { MapSettings } from '../map/map-settings.js';
import type { RefusalView } from '../refusal.js';
import { RefusalBanner } from '../refusal-banner.js';
import { type ShownStoredMessage, shownHistory, shownStored } from '../shown.js';
import { FileList } from './file-list.js';
import { AnswerBlock, MessageFields } from './message-fields.js';
import { MessageHistory } from './message-history.js';
import { Badges } from './message-table.js';

export interface MessageCardProps {
  /** The small map of the point, when tiles are configured. */
  map?: MapSettings | undefined;
  user: Principal;
  directory: Directory;
  now: Date;
  stored: StoredMessage;
  history: readonly StoredHistoryRecord[];
  /** What `availableEvents` allows this user now: one form each. */
  available: MessageEventType[];
  forms: FormContext;
  /** A success note after a redirect, e.g. «Принять — выполнено». */
  done?: string;
  refusal?: RefusalView;
}

/**
 * The stage, and the folder the message is in — for staff, and (for phoned-in messages) for
 * operators. Folders are the organisations' desk; the applicant sees the stage alone.
 */
function FolderNote(props: { stored: ShownStoredMessage; staff: boolean; desk: boolean }) {
  const { stored } = props;
  const m = stored.snapshot.context;
  const folder = props.staff ? folderLabels[folderOf(stored.status, m)] : null;
  const operator =
    props.desk && m.channel === 'operator'
      ? operatorFolderLabels[operatorFolderOf(stored.status, m)]
      : null;
  return (
    <span class="muted">
      Стадия «{messageStatuses[stored.status].stageLabel}»{folder && ` · папка «${folder}»`}
      {operator && ` · у операторов: «${operator}»`}
    </span>
  );
}

/**
 * The message card: status and countdown, fields, answer, a form per event, history — all
 * as the user may see them (the core's field rules, SPEC §11).
 */
export function MessageCardPage(props: MessageCardProps) {
  const { directory, now, user } = props;
  const viewer = messageViewerOf(user, props.stored.snapshot.context, directory);
  const staff = seesField(viewer, 'coordinatorId');
  const stored = shownStored(props.stored, user, directory);
  const history = shownHistory(props.stored, props.history, user, directory);
  const m = stored.snapshot.context;
  return (
    <Layout
      title={`Сообщение ${m.number}`}
      user={user}
      directory={directory}
      alert={props.refusal && <RefusalBanner refusal={props.refusal} />}
    >
      <h1>
        Сообщение № {m.number} <Badges stored={stored} />
      </h1>
      <p>
        <FolderNote stored={stored} staff={staff} desk={seesField(viewer, 'delivery')} /> · версия{' '}
        {stored.version}
      </p>
      {props.done && <p class="flash ok">{props.done}</p>}
      <div class="card">
        <p class="lead">{m.text}</p>
        <MessageFields
          stored={stored}
          directory={directory}
          now={now}
          staff={staff}
          map={props.map ?? {}}
        />
        <FileList files={m.attachments ?? []} label="Фото заявителя" />
      </div>
      <AnswerBlock stored={stored} directory={directory} />
      <div class="card">
        <h2>Действия</h2>
        <EventForms ctx={props.forms} types={props.available} />
      </div>
      <div class="card">
        <h2>Ход работ</h2>
        <MessageHistory records={history} directory={directory} timeZone={zoneOf(m, directory)} />
      </div>
    </Layout>
  );
}
