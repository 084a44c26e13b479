import { type DeliveryChannel, deliveryChannelSchema, type MessageEventType } from '@reshaem/core';
import { deliveryChannelLabels } from '../labels.js';
import { EventForm, type FormContext, refusedValue, TextArea } from './event-form.js';

const SCORES = [5, 4, 3, 2, 1] as const;

/** The applicant's rating and the operator's delivery confirmation. */
export function ClosingForms({ ctx, type }: { ctx: FormContext; type: MessageEventType }) {
  if (type === 'rating.submit') {
    const chosen = refusedValue(ctx, type, 'score');
    return (
      <EventForm
        ctx={ctx}
        type={type}
        hint="Оценка 1–2 отправит сообщение на повторное рассмотрение."
      >
        <div>
          {SCORES.map((score) => (
            <label class="choice">
              <input
                type="radio"
                name="score"
                value={String(score)}
                checked={chosen === String(score)}
                required
              />{' '}
              {score}
            </label>
          ))}
        </div>
        <TextArea ctx={ctx} type={type} name="comment" label="Комментарий" />
      </EventForm>
    );
  }
  const chosen = refusedValue(ctx, type, 'channel') || 'phone';
  return (
    <EventForm ctx={ctx} type={type} hint="Как ответ дошёл до заявителя.">
      <label>
        Способ передачи
        <br />
        <select name="channel">
          {(deliveryChannelSchema.options as DeliveryChannel[]).map((c) => (
            <option value={c} selected={c === chosen}>
              {deliveryChannelLabels[c]}
            </option>
          ))}
        </select>
      </label>
      <TextArea ctx={ctx} type={type} name="note" label="Комментарий о передаче" required />
    </EventForm>
  );
}
