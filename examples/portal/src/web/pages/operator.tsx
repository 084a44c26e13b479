import {
  type Directory,
  type OperatorFolder,
  operatorFolderLabels,
  type Principal,
  type StoredMessage,
} from '@reshaem/core';
import type { FormValues } from '../forms/parse-form.js';
import { TopicFields } from '../forms/topic-fields.js';
import { Layout } from '../layout.js';
import type { MapSettings } from '../map/map-settings.js';
import type { RefusalView } from '../refusal.js';
import { RefusalBanner } from '../refusal-banner.js';
import { MessageTable } from './message-table.js';

export interface OperatorPageProps {
  /** The submit form's map picker. */
  map?: MapSettings | undefined;
  user: Principal;
  directory: Directory;
  now: Date;
  folder: OperatorFolder;
  counts: Record<OperatorFolder, number>;
  items: readonly StoredMessage[];
  values: FormValues;
  refusal?: RefusalView;
}

/** The operator's desk: the three folders of phoned-in messages and the entry form. */
export function OperatorPage(props: OperatorPageProps) {
  const { user, directory, values, folder, counts } = props;
  return (
    <Layout
      title="Оператор приема обращений"
      user={user}
      directory={directory}
      alert={props.refusal && <RefusalBanner refusal={props.refusal} />}
    >
      <h1>Сообщения, принятые по телефону</h1>
      <nav class="folders">
        {(Object.keys(operatorFolderLabels) as OperatorFolder[]).map((f) => (
          <a href={`/operator?folder=${f}`} class={f === folder ? 'active' : ''} data-folder={f}>
            {operatorFolderLabels[f]}
            <span class="count">{counts[f]}</span>
          </a>
        ))}
      </nav>
      <MessageTable
        items={props.items}
        user={user}
        directory={directory}
        now={props.now}
        empty="В этой папке пусто."
      />
      <h2 id="new">Принять сообщение по телефону</h2>
      <form
        class="card"
        method="post"
        action="/operator/messages"
        enctype="multipart/form-data"
        data-form="submit"
      >
        <div class="grid2">
          <div>
            <label>
              ФИО заявителя *
              <br />
              <input name="applicantName" size={40} required value={values.applicantName ?? ''} />
            </label>
            <label>
              Телефон
              <br />
              <input
                name="applicantPhone"
                value={values.applicantPhone ?? ''}
                placeholder="+7 902 000-00-00"
              />
            </label>
            <label>
              E-mail (если есть — ответ уйдёт автоматически)
              <br />
              <input name="applicantEmail" type="email" value={values.applicantEmail ?? ''} />
            </label>
            <TopicFields directory={directory} values={values} map={props.map ?? {}} />
          </div>
          <div>
            <label>
              Текст сообщения * (начинается с метки центра)
              <textarea name="text" required class="tall">
                {values.text ?? ''}
              </textarea>
            </label>
            <label>
              Фото от заявителя (JPEG, PNG, HEIC; до 10 МБ каждое)
              <br />
              <input
                type="file"
                name="file"
                multiple
                accept="image/jpeg,image/png,image/heic,.heic"
              />
            </label>
          </div>
        </div>
        <p>
          <button type="submit">Зарегистрировать</button>
        </p>
      </form>
    </Layout>
  );
}
