import { answerTypeLabels } from '@reshaem/adapters-http';
import {
  type AnswerTemplate,
  type AnswerType,
  type Directory,
  type Principal,
  placeholderNames,
  templatePlaceholders,
} from '@reshaem/core';
import type { RefusalView } from '../refusal.js';
import { AdminFrame } from './admin-frame.js';
import { type FormState, one, present } from './form-state.js';

interface PageProps {
  user: Principal;
  directory: Directory;
  orgId: string;
  done?: string | undefined;
  refusal?: RefusalView | undefined;
}

const base = (orgId: string) => `/admin/${encodeURIComponent(orgId)}/answer-templates`;

/** The template the form describes, as the API takes it. */
export const templateInput = (state: FormState, id: string): Record<string, unknown> => ({
  id,
  ...present({
    name: one(state, 'name'),
    answerType: one(state, 'answerType'),
    body: one(state, 'body'),
  }),
});

/** A saved template as the form shows it. */
export const templateState = (t: AnswerTemplate): FormState => ({
  name: [t.name],
  answerType: t.answerType ? [t.answerType] : [],
  body: [t.body],
});

/** «Шаблоны ответов»: the answers the organisation's executors start from. */
export function TemplatesPage(props: PageProps & { items: readonly AnswerTemplate[] }) {
  const { orgId } = props;
  return (
    <AdminFrame {...props} section="answer-templates" title="Шаблоны ответов">
      <p>
        <a href={`${base(orgId)}/new`}>Новый шаблон</a>
      </p>
      <div class="card">
        {props.items.length === 0 ? (
          <p>Шаблонов пока нет.</p>
        ) : (
          <table data-templates-list>
            <thead>
              <tr>
                <th scope="col">Название</th>
                <th scope="col">Тип ответа</th>
                <th scope="col">Удалить</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((t) => (
                <tr data-template={t.id}>
                  <td>
                    <a href={`${base(orgId)}/${encodeURIComponent(t.id)}`}>{t.name}</a>
                  </td>
                  <td>{t.answerType ? answerTypeLabels[t.answerType] : 'любой'}</td>
                  <td>
                    <form
                      method="post"
                      action={`${base(orgId)}/${encodeURIComponent(t.id)}/delete`}
                      class="inline"
                    >
                      <button type="submit" class="secondary" aria-label={`Удалить «${t.name}»`}>
                        Удалить
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </AdminFrame>
  );
}

/** One template's form, new or saved, with the placeholders it may use. */
export function TemplatePage(props: PageProps & { state: FormState; itemId: string | null }) {
  const { state, orgId } = props;
  const known = templatePlaceholders.answer.map((k) => `{{${placeholderNames[k]}}}`);
  return (
    <AdminFrame
      {...props}
      section="answer-templates"
      title={props.itemId ? `Шаблон «${one(state, 'name')}»` : 'Новый шаблон ответа'}
    >
      <form method="post" action={base(orgId)} class="card admin-form" data-template-form>
        <input type="hidden" name="id" value={props.itemId ?? ''} />
        <div class="grid2">
          <label>
            Название *
            <input name="name" value={one(state, 'name')} required />
          </label>
          <label>
            Тип ответа
            <select name="answerType">
              <option value="">любой</option>
              {(Object.keys(answerTypeLabels) as AnswerType[]).map((t) => (
                <option value={t} selected={one(state, 'answerType') === t}>
                  {answerTypeLabels[t]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label>
          Текст шаблона *
          <textarea name="body" class="tall">
            {one(state, 'body')}
          </textarea>
        </label>
        <p class="note">Подстановки: {known.join(', ')}</p>
        <p>
          <button type="submit">Сохранить</button> <a href={base(orgId)}>К списку</a>
        </p>
      </form>
    </AdminFrame>
  );
}
