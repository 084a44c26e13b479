import type { MessageEventType } from '@reshaem/core';
import { EventForm, type FormContext, refusedValue, TextArea } from './event-form.js';

/** Deadline extensions and the registration data. */
export function DeadlineForms({ ctx, type }: { ctx: FormContext; type: MessageEventType }) {
  switch (type) {
    case 'deadline.extension_request':
      return (
        <EventForm ctx={ctx} type={type} hint="Решение примет руководитель.">
          <label>
            Новый срок (последний день) *
            <br />
            <input
              type="date"
              name="until"
              required
              value={refusedValue(ctx, type, 'until')}
              min={ctx.today}
            />
          </label>
          <TextArea ctx={ctx} type={type} name="reason" label="Обоснование" required />
        </EventForm>
      );
    case 'deadline.extension_deny':
      return (
        <EventForm ctx={ctx} type={type}>
          <TextArea ctx={ctx} type={type} name="comment" label="Причина отказа" required />
        </EventForm>
      );
    case 'registration.update':
      return (
        <EventForm ctx={ctx} type={type}>
          <label>
            Регистрационный номер
            <br />
            <input
              name="registrationNumber"
              value={refusedValue(ctx, type, 'registrationNumber')}
            />
          </label>
          <label>
            Дата регистрации
            <br />
            <input
              type="date"
              name="registeredDate"
              value={refusedValue(ctx, type, 'registeredDate')}
            />
          </label>
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
