import { type Directory, type MessageStatus, messageStatuses } from '@reshaem/core';
import { type ListFilters, listUrl, resetFilters } from '../list-query.js';

/** A value of a select with its text. */
export type Choice = readonly [value: string, text: string];

/** The organisations and executors a user may filter by (those in their view). */
export interface FilterChoices {
  orgs: readonly Choice[];
  executors: readonly Choice[];
}

function Select(props: {
  name: string;
  label: string;
  value: string | readonly string[];
  options: readonly Choice[];
  multiple?: boolean;
}) {
  const selected = (v: string) =>
    typeof props.value === 'string' ? v === props.value : props.value.includes(v);
  return (
    <label>
      {props.label}
      <br />
      <select name={props.name} multiple={props.multiple} size={props.multiple ? 4 : undefined}>
        {props.options.map(([value, text]) => (
          <option value={value} selected={selected(value)}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

function DateInput(props: { name: string; label: string; value: string }) {
  return (
    <label>
      {props.label}
      <br />
      <input type="date" name={props.name} value={props.value} />
    </label>
  );
}

const any: Choice = ['', 'все'];
const yesNo: readonly Choice[] = [any, ['yes', 'да'], ['no', 'нет']];
const scores: readonly Choice[] = ['1', '2', '3', '4', '5'].map((s): Choice => [s, s]);

/**
 * Every filter of SPEC §7 as a GET form: it works without script, and the filters stay in
 * the URL. The folder or queue and the sort are kept; «Сбросить» clears the rest.
 */
export function ListFiltersForm(props: {
  filters: ListFilters;
  directory: Directory;
  choices: FilterChoices;
}) {
  const { filters, directory, choices } = props;
  const statuses = Object.entries(messageStatuses).map(
    ([code, info]): Choice => [code as MessageStatus, info.label],
  );
  const categories = directory.catalogue.categories.map((c): Choice => [c.id, c.name]);
  const facts = directory.catalogue.categories.flatMap((c) =>
    c.subcategories.flatMap((s) => s.facts.map((f): Choice => [f.id, `${s.name}: ${f.name}`])),
  );
  return (
    <form class="filters card" method="get" action="/backoffice" aria-label="Фильтры">
      {filters.folder && <input type="hidden" name="folder" value={filters.folder} />}
      {filters.queue && <input type="hidden" name="queue" value={filters.queue} />}
      {filters.sort !== 'createdAt' && <input type="hidden" name="sort" value={filters.sort} />}
      {filters.direction !== 'desc' && (
        <input type="hidden" name="direction" value={filters.direction} />
      )}
      <label>
        Текст, номер или заявитель
        <br />
        <input name="text" value={filters.text} placeholder="яма, 41-250115-0001, Иванов…" />
      </label>
      <Select name="status" label="Статус" value={filters.status} options={[any, ...statuses]} />
      <Select
        name="source"
        label="Источник"
        value={filters.source}
        options={[
          ['all', 'все'],
          ['site', 'Сайт'],
          ['epgu', 'ЕПГУ'],
          ['phone_112', 'Телефон 112'],
        ]}
      />
      <Select name="org" label="Организация" value={filters.org} options={[any, ...choices.orgs]} />
      <Select
        name="executor"
        label="Исполнитель"
        value={filters.executor}
        options={[any, ...choices.executors]}
      />
      <Select
        name="categories"
        label="Категории"
        value={filters.categories}
        options={categories}
        multiple
      />
      <Select name="facts" label="Факты" value={filters.facts} options={facts} multiple />
      <Select name="fastTrack" label="Фаст-трек" value={filters.fastTrack} options={yesNo} />
      <Select name="overdue" label="Просрочено" value={filters.overdue} options={yesNo} />
      <Select name="answered" label="Ответ дан" value={filters.answered} options={yesNo} />
      <Select
        name="delegated"
        label="Делегировано автоправилом"
        value={filters.delegated}
        options={yesNo}
      />
      <Select name="appeal59fz" label="По 59-ФЗ" value={filters.appeal59fz} options={yesNo} />
      <Select name="rated" label="Оценён" value={filters.rated} options={yesNo} />
      <Select
        name="ratingScores"
        label="Оценка"
        value={filters.ratingScores}
        options={scores}
        multiple
      />
      <Select
        name="reReviewed"
        label="На повторном рассмотрении был"
        value={filters.reReviewed}
        options={yesNo}
      />
      <DateInput name="createdFrom" label="Поступило с" value={filters.createdFrom} />
      <DateInput name="createdTo" label="по" value={filters.createdTo} />
      <DateInput name="dueFrom" label="Срок ответа с" value={filters.dueFrom} />
      <DateInput name="dueTo" label="по" value={filters.dueTo} />
      <button type="submit">Показать</button>
      <a href={listUrl(resetFilters(filters), {})}>Сбросить</a>
    </form>
  );
}
