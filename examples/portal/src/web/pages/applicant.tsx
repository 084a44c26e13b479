import type { Directory, Principal, StoredMessage } from '@reshaem/core';
import type { FormValues } from '../forms/parse-form.js';
import { TopicFields } from '../forms/topic-fields.js';
import { Layout } from '../layout.js';
import type { MapSettings } from '../map/map-settings.js';
import type { RefusalView } from '../refusal.js';
import { RefusalBanner } from '../refusal-banner.js';
import { MessageTable } from './message-table.js';

export interface ApplicantPageProps {
  /** The submit form's map picker. */
  map?: MapSettings | undefined;
  user: Principal;
  directory: Directory;
  now: Date;
  items: readonly StoredMessage[];
  values: FormValues;
  refusal?: RefusalView;
}

/** «Мои сообщения»: what the applicant sent, and a form to send another. */
export function ApplicantPage(props: ApplicantPageProps) {
  const { user, directory, values } = props;
  return (
    <Layout
      title="Мои сообщения"
      user={user}
      directory={directory}
      alert={props.refusal && <RefusalBanner refusal={props.refusal} />}
    >
      <h1>Мои сообщения</h1>
      <p class="muted">Откройте сообщение, чтобы увидеть ход работ и оценить ответ.</p>
      <MessageTable
        items={props.items}
        user={user}
        directory={directory}
        now={props.now}
        empty="Вы ещё не отправляли сообщений."
      />
      <h2 id="new">Сообщить о проблеме</h2>
      <form
        class="card"
        method="post"
        action="/my/messages"
        enctype="multipart/form-data"
        data-form="submit"
      >
        <div class="grid2">
          <div>
            <TopicFields directory={directory} values={values} map={props.map ?? {}} />
          </div>
          <div>
            <label>
              Текст сообщения *
              <textarea name="text" required class="tall">
                {values.text ?? ''}
              </textarea>
            </label>
            <label>
              <input type="checkbox" name="appeal59" checked={values.appeal59 === 'on'} /> Подать
              как обращение по 59-ФЗ
            </label>
            <label>
              Фото проблемы (JPEG, PNG, HEIC; до 10 МБ каждое)
              <br />
              <input
                type="file"
                name="file"
                multiple
                accept="image/jpeg,image/png,image/heic,.heic"
              />
            </label>
            <label>
              <input type="checkbox" name="isPublic" checked={values.isPublic === 'on'} />{' '}
              Опубликовать сообщение в открытом доступе (без ваших имени и контактов)
            </label>
            <label>
              <input type="checkbox" name="photosPublic" checked={values.photosPublic === 'on'} />{' '}
              Фото в JPEG и PNG можно показывать всем вместе с опубликованным сообщением
            </label>
          </div>
        </div>
        <p>
          <button type="submit">Отправить</button>
        </p>
      </form>
    </Layout>
  );
}
