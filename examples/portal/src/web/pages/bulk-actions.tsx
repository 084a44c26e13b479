import type { Choice } from './list-filters-form.js';

/** What happened to one selected message. */
export interface BulkOutcome {
  id: string;
  number: string;
  ok: boolean;
  /** «Назначен исполнитель: …», or the refusal in words. */
  text: string;
}

/**
 * The actions on the rows checked in the table (their boxes belong to this form by its id,
 * `bulk`): «Назначить исполнителю» sends each message its own `executor.assign` with the
 * version the row showed; «Выгрузить» exports exactly the selection. `back` is the list to
 * return to.
 */
export function BulkActions(props: { assignees: readonly Choice[]; back: string }) {
  return (
    <form
      id="bulk"
      class="bulk"
      method="post"
      action="/backoffice/bulk"
      aria-label="Действия с выбранными"
    >
      <input type="hidden" name="back" value={props.back} />
      {props.assignees.length > 0 && (
        <>
          <label>
            Исполнитель для выбранных
            <br />
            <select name="executorId">
              {props.assignees.map(([value, text]) => (
                <option value={value}>{text}</option>
              ))}
            </select>
          </label>
          <button type="submit" name="action" value="assign">
            Назначить исполнителю
          </button>
        </>
      )}
      <button type="submit" name="action" value="export" class="secondary">
        Выгрузить
      </button>
    </form>
  );
}

/** Per message: assigned, or refused and why. */
export function BulkReport({ outcomes }: { outcomes: readonly BulkOutcome[] }) {
  const done = outcomes.filter((o) => o.ok).length;
  return (
    <section class={`flash ${done === outcomes.length ? 'ok' : 'error'} report`} role="status">
      <strong>
        Выполнено: {done} из {outcomes.length}.
      </strong>
      <ul>
        {outcomes.map((o) => (
          <li data-outcome={o.ok ? 'ok' : 'refused'} class={o.ok ? '' : 'refused'}>
            <a href={`/messages/${encodeURIComponent(o.id)}`}>{o.number}</a>: {o.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
