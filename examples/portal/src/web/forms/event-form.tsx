import type { MessageEventType } from '@reshaem/core';
import type { Child } from 'hono/jsx';
import { eventLabels } from '../labels.js';
import type { AnswerFormData } from './answer-draft.js';
import { LabelledTextArea } from './labelled-text-area.js';
import type { FormOptions } from './options.js';
import type { FormValues } from './parse-form.js';
import type { TopicFormData } from './topic-form-data.js';

/** What every event form of a card knows. */
export interface FormContext {
  messageId: string;
  version: number;
  options: FormOptions;
  /** The values of the form that was just refused, to fill it in again. */
  refused?: { type: MessageEventType; values: FormValues };
  /** The message's deadline as a `YYYY-MM-DD` hint for date pickers. */
  today: string;
  /** The answer form's draft returned for rework and templates; absent: an empty form. */
  answer?: AnswerFormData;
  /** The message's topic for the moderator's correction form; absent: no such form. */
  topic?: TopicFormData;
}

/** The previous value of a field of `type`'s form, if that form was just refused. */
export const refusedValue = (ctx: FormContext, type: MessageEventType, name: string): string =>
  ctx.refused?.type === type ? (ctx.refused.values[name] ?? '') : '';

/**
 * One event as a small form: its fields, the message version it was drawn for (so a
 * concurrent change is refused rather than overwritten), and the button.
 */
export function EventForm(props: {
  ctx: FormContext;
  type: MessageEventType;
  hint?: string;
  /** The form's `id`, a target for links such as `#answer`. */
  id?: string;
  /** The form carries a file field: posted as multipart. */
  files?: boolean;
  children?: Child;
}) {
  const { ctx, type } = props;
  return (
    <form
      method="post"
      action={`/messages/${encodeURIComponent(ctx.messageId)}/events/${type}`}
      {...(props.files ? { enctype: 'multipart/form-data' } : {})}
      data-event={type}
      {...(props.id ? { id: props.id } : {})}
    >
      <strong>{eventLabels[type]}</strong>
      {props.hint && <div class="muted">{props.hint}</div>}
      <input type="hidden" name="version" value={String(ctx.version)} />
      {props.children}
      <button type="submit">{eventLabels[type]}</button>
    </form>
  );
}

/** A labelled multi-line text field. */
export function TextArea(props: {
  ctx: FormContext;
  type: MessageEventType;
  name: string;
  label: string;
  required?: boolean;
  value?: string;
}) {
  return (
    <LabelledTextArea
      name={props.name}
      label={props.label}
      required={props.required}
      value={refusedValue(props.ctx, props.type, props.name) || props.value || ''}
    />
  );
}
