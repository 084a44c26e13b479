import { answerTypeLabels } from '@reshaem/adapters-http';
import {
  ANSWER_FILE_EXTENSIONS,
  type AnswerFile,
  type AnswerType,
  type MessageEventType,
} from '@reshaem/core';
import { type AnswerFormData, keepField, keepValue } from './answer-draft.js';
import { EventForm, type FormContext, refusedValue, TextArea } from './event-form.js';

/** «Шаблон ответа»: a GET form that re-renders the card with the template filled in. */
function TemplatePick({ ctx, data }: { ctx: FormContext; data: AnswerFormData }) {
  if (data.templates.length === 0) return null;
  const action = `/messages/${encodeURIComponent(ctx.messageId)}#answer`;
  return (
    <form method="get" action={action} class="template-pick" data-templates>
      <label>
        Шаблон ответа
        <br />
        <select name="template">
          {data.templates.map((t) => (
            <option value={t.id} selected={t.id === data.chosen?.id}>
              {t.name}
              {t.answerType ? ` (${answerTypeLabels[t.answerType]})` : ''}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="submit" class="secondary">
        Подставить
      </button>
    </form>
  );
}

/** The files of the returned draft, each kept unless its box is cleared. */
function KeptFiles({ ctx, files }: { ctx: FormContext; files: readonly AnswerFile[] }) {
  if (files.length === 0) return null;
  const refused = ctx.refused?.type === 'answer.submit';
  return (
    <fieldset class="kept-files" data-kept-files>
      <legend>Файлы черновика (снимите отметку, чтобы убрать файл)</legend>
      {files.map((file, i) => (
        <label class="choice">
          <input
            type="checkbox"
            name={keepField(i)}
            value={keepValue(file)}
            checked={refused ? refusedValue(ctx, 'answer.submit', keepField(i)) !== '' : true}
          />{' '}
          {file.name}
        </label>
      ))}
    </fieldset>
  );
}

function AnswerSubmit({ ctx }: { ctx: FormContext }) {
  const type = 'answer.submit';
  const data = ctx.answer ?? { draft: null, templates: [], chosen: null };
  const { draft } = data;
  const chosenType = data.chosen
    ? data.templates.find((t) => t.id === data.chosen?.id)?.answerType
    : undefined;
  const chosen = refusedValue(ctx, type, 'answerType') || chosenType || draft?.type || 'resolved';
  const hint = draft
    ? `Ответ возвращён на доработку${draft.comment ? `: «${draft.comment}»` : ''}. Черновик ниже.`
    : 'Ответ уйдёт руководителю на утверждение.';
  return (
    <div class="answer-box">
      <TemplatePick ctx={ctx} data={data} />
      <EventForm ctx={ctx} type={type} files hint={hint} id="answer">
        <label>
          Тип ответа
          <br />
          <select name="answerType">
            {(Object.keys(answerTypeLabels) as AnswerType[]).map((t) => (
              <option value={t} selected={t === chosen}>
                {answerTypeLabels[t]}
              </option>
            ))}
          </select>
        </label>
        <TextArea
          ctx={ctx}
          type={type}
          name="text"
          label="Текст ответа"
          required
          value={data.chosen?.text ?? draft?.text ?? ''}
        />
        <KeptFiles ctx={ctx} files={draft?.files ?? []} />
        <label>
          Файлы (имена через запятую; {ANSWER_FILE_EXTENSIONS.join(' ')})
          <br />
          <input
            name="files"
            size={40}
            value={refusedValue(ctx, type, 'files')}
            placeholder="акт.pdf, фото.jpeg"
          />
        </label>
        <label>
          Документы и фото ответа (PDF, DOCX, ODT, XLSX, RTF, TXT, JPEG …; до 10 МБ каждый)
          <br />
          <input type="file" name="file" multiple />
        </label>
        <label>
          Решить до (для типа «Отложено»)
          <br />
          <input
            type="date"
            name="postponedUntil"
            value={refusedValue(ctx, type, 'postponedUntil') || (draft?.postponedUntil ?? '')}
          />
        </label>
      </EventForm>
    </div>
  );
}

/** Preparing and approving the answer. */
export function AnswerForms({ ctx, type }: { ctx: FormContext; type: MessageEventType }) {
  switch (type) {
    case 'answer.submit':
      return <AnswerSubmit ctx={ctx} />;
    case 'answer.return':
      return (
        <EventForm ctx={ctx} type={type}>
          <TextArea ctx={ctx} type={type} name="comment" label="Что доработать" required />
        </EventForm>
      );
    default:
      return (
        <EventForm ctx={ctx} type={type}>
          <TextArea ctx={ctx} type={type} name="comment" label="Комментарий" />
        </EventForm>
      );
  }
}
