import type { MessageEventType } from '@reshaem/core';
import { EventForm, type FormContext, refusedValue, TextArea } from './event-form.js';
import type { Choice } from './options.js';
import { TopicSelects } from './topic-selects.js';

function ChoiceSelect(props: {
  ctx: FormContext;
  type: MessageEventType;
  name: string;
  label: string;
  choices: Choice[];
}) {
  const chosen = refusedValue(props.ctx, props.type, props.name);
  return (
    <label>
      {props.label} *
      <br />
      <select name={props.name} required>
        <option value="">— выберите —</option>
        {props.choices.map((c) => (
          <option value={c.id} selected={c.id === chosen}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}

export function ModerationForms({ ctx, type }: { ctx: FormContext; type: MessageEventType }) {
  if (type === 'moderation.accept') {
    return <EventForm ctx={ctx} type={type} hint="Сообщение поступит на координацию." />;
  }
  if (type === 'moderation.correct') {
    if (!ctx.topic) return null;
    const { directory, regionCode, current } = ctx.topic;
    const values = ctx.refused?.type === type ? ctx.refused.values : current;
    return (
      <EventForm
        ctx={ctx}
        type={type}
        hint="До принятия: категория и подкатегория, факт и организация-получатель. Изменение попадёт в ход работ."
      >
        <TopicSelects directory={directory} values={values} regionCode={regionCode} />
        <TextArea ctx={ctx} type={type} name="comment" label="Комментарий" />
      </EventForm>
    );
  }
  return (
    <EventForm ctx={ctx} type={type} hint="Заявитель получит уведомление с причиной.">
      <TextArea ctx={ctx} type={type} name="reason" label="Причина отклонения" required />
    </EventForm>
  );
}

/** Routing: assign, hand over, forward, return, take. */
export function RoutingForms({ ctx, type }: { ctx: FormContext; type: MessageEventType }) {
  const { executors, organisations } = ctx.options;
  switch (type) {
    case 'executor.assign':
      return (
        <EventForm ctx={ctx} type={type}>
          <ChoiceSelect
            ctx={ctx}
            type={type}
            name="executorId"
            label="Исполнитель"
            choices={executors}
          />
          <label>
            Срок исполнения (необязательно)
            <br />
            <input
              type="date"
              name="executionDueDate"
              value={refusedValue(ctx, type, 'executionDueDate')}
            />
          </label>
        </EventForm>
      );
    case 'executor.reassign':
      return (
        <EventForm ctx={ctx} type={type}>
          <ChoiceSelect
            ctx={ctx}
            type={type}
            name="executorId"
            label="Новый исполнитель"
            choices={executors}
          />
          <TextArea ctx={ctx} type={type} name="comment" label="Комментарий" />
        </EventForm>
      );
    case 'coordination.forward':
      return (
        <EventForm ctx={ctx} type={type} hint="В подведомственную или компетентную организацию.">
          <ChoiceSelect
            ctx={ctx}
            type={type}
            name="orgId"
            label="Организация"
            choices={organisations}
          />
          <TextArea ctx={ctx} type={type} name="comment" label="Комментарий" />
        </EventForm>
      );
    case 'coordination.return':
      return (
        <EventForm ctx={ctx} type={type} hint="Сообщение уйдёт на координацию в родительский ЛКО.">
          <TextArea ctx={ctx} type={type} name="comment" label="Причина возврата" required />
        </EventForm>
      );
    default:
      return <EventForm ctx={ctx} type={type} />;
  }
}
