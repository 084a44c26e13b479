import { answerTypeLabels } from '@reshaem/adapters-http';
import { ANSWER_FILE_EXTENSIONS, type AnswerType, type MessageEventType } from '@reshaem/core';
import { EventForm, type FormContext, refusedValue, TextArea } from './event-form.js';

function AnswerSubmit({ ctx }: { ctx: FormContext }) {
  const type = 'answer.submit';
  const chosen = refusedValue(ctx, type, 'answerType') || 'resolved';
  return (
    <EventForm ctx={ctx} type={type} files hint="Ответ уйдёт руководителю на утверждение.">
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
      <TextArea ctx={ctx} type={type} name="text" label="Текст ответа" required />
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
          value={refusedValue(ctx, type, 'postponedUntil')}
        />
      </label>
    </EventForm>
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
