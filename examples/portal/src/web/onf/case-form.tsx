import type { CaseEventType } from '@reshaem/core';
import type { Child } from 'hono/jsx';
import { LabelledTextArea } from '../forms/labelled-text-area.js';
import type { FormValues } from '../forms/parse-form.js';
import { caseEventLabels } from './case-labels.js';

/** What the event forms of a card know. */
export interface CaseFormContext {
  caseId: string;
  version: number;
  /** The card's region's date today, `YYYY-MM-DD`: the least date of a postponement is after it. */
  today: string;
  /** Executors the supervisor may assign now: a dry run of `case.assign` for each. */
  executors: ReadonlyArray<{ id: string; name: string }>;
  /** Local days with a failed call to the applicant, for «не удалось связаться». */
  failedCallDays: number;
  /** The corrections support was asked for, to prefill its form. */
  corrections: ReadonlyArray<{ field: string; value: string | null }>;
  /** The values of the form that was just refused, to fill it in again. */
  refused?: { type: CaseEventType; values: FormValues };
}

/** The previous value of a field of `type`'s form, if that form was just refused. */
export const refusedCaseValue = (ctx: CaseFormContext, type: CaseEventType, name: string) =>
  ctx.refused?.type === type ? (ctx.refused.values[name] ?? '') : '';

/** One event as a small form, drawn for the card's version (a concurrent change is refused). */
export function CaseEventForm(props: {
  ctx: CaseFormContext;
  type: CaseEventType;
  hint?: Child;
  secondary?: boolean;
  /** The form carries a file field: posted as multipart. */
  files?: boolean;
  children?: Child;
}) {
  const { ctx, type } = props;
  return (
    <form
      method="post"
      action={`/onf/cases/${encodeURIComponent(ctx.caseId)}/events/${type}`}
      {...(props.files ? { enctype: 'multipart/form-data' } : {})}
      data-event={type}
    >
      <strong>{caseEventLabels[type]}</strong>
      {props.hint && <div class="muted">{props.hint}</div>}
      <input type="hidden" name="version" value={String(ctx.version)} />
      {props.children}
      <button type="submit" class={props.secondary ? 'secondary' : ''}>
        {caseEventLabels[type]}
      </button>
    </form>
  );
}

/** A labelled multi-line text field of a card's form. */
export function CaseText(props: {
  ctx: CaseFormContext;
  type: CaseEventType;
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
      value={refusedCaseValue(props.ctx, props.type, props.name) || props.value || ''}
    />
  );
}

/** A labelled one-line field of a card's form. */
export function CaseInput(props: {
  ctx: CaseFormContext;
  type: CaseEventType;
  name: string;
  label: string;
  kind?: 'text' | 'date';
  required?: boolean;
  min?: string;
  value?: string;
}) {
  return (
    <label>
      {props.label}
      {props.required ? ' *' : ''}
      <br />
      <input
        name={props.name}
        type={props.kind ?? 'text'}
        required={props.required}
        {...(props.min ? { min: props.min } : {})}
        value={refusedCaseValue(props.ctx, props.type, props.name) || props.value || ''}
      />
    </label>
  );
}

/** A labelled select box of a card's form. */
export function CaseSelect(props: {
  ctx: CaseFormContext;
  type: CaseEventType;
  name: string;
  label: string;
  options: ReadonlyArray<readonly [string, string]>;
  value?: string;
}) {
  const chosen = refusedCaseValue(props.ctx, props.type, props.name) || props.value || '';
  return (
    <label>
      {props.label}
      <br />
      <select name={props.name}>
        {props.options.map(([value, text]) => (
          <option value={value} selected={value === chosen}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
