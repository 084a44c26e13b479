import { channelLabels } from '@reshaem/adapters-http';
import type { Channel, Directory } from '@reshaem/core';
import { type FormState, one } from './form-state.js';

function Options(props: {
  state: FormState;
  name: string;
  choices: readonly { id: string; name: string }[];
}) {
  const chosen = new Set(props.state[props.name] ?? []);
  return props.choices.map((c) => (
    <option value={c.id} selected={chosen.has(c.id)}>
      {c.name}
    </option>
  ));
}

function Checked(props: { state: FormState; name: string; value: string; label: string }) {
  return (
    <label class="choice">
      <input
        type={props.name === 'actionKind' ? 'radio' : 'checkbox'}
        name={props.name}
        value={props.value}
        checked={(props.state[props.name] ?? []).includes(props.value)}
      />{' '}
      {props.label}
    </label>
  );
}

/** The rule's fields, filled from a saved rule or from the form that was just posted. */
export function AutoruleFields({
  state,
  directory,
  orgId,
}: {
  state: FormState;
  directory: Directory;
  orgId: string;
}) {
  const categories = directory.catalogue.categories;
  const subcategories = categories.flatMap((c) =>
    c.subcategories.map((s) => ({ id: s.id, name: `${c.name} → ${s.name}` })),
  );
  const facts = categories.flatMap((c) =>
    c.subcategories.flatMap((s) =>
      s.facts.map((f) => ({ id: f.id, name: `${s.name} → ${f.name}` })),
    ),
  );
  const executors = directory.users
    .filter((u) => u.roles.some((r) => r.role === 'executor' && r.orgId === orgId))
    .map((u) => ({ id: u.id, name: u.name ?? u.id }));
  const organisations = directory.organisations
    .filter((o) => o.id !== orgId)
    .map((o) => ({ id: o.id, name: o.name }));
  return (
    <>
      <div class="grid2">
        <label>
          Название *
          <input name="name" value={one(state, 'name')} required />
        </label>
        <label>
          Порядок (меньше — раньше)
          <input name="position" type="number" value={one(state, 'position')} />
        </label>
      </div>
      <Checked state={state} name="enabled" value="on" label="Включено" />
      <h2>Условия (все указанные должны выполняться)</h2>
      <div class="grid2">
        <label>
          Категории
          <select name="categoryIds" multiple size={4}>
            <Options state={state} name="categoryIds" choices={categories} />
          </select>
        </label>
        <label>
          Подкатегории
          <select name="subcategoryIds" multiple size={4}>
            <Options state={state} name="subcategoryIds" choices={subcategories} />
          </select>
        </label>
        <label>
          Факты
          <select name="factIds" multiple size={4}>
            <Options state={state} name="factIds" choices={facts} />
          </select>
        </label>
        <label>
          Коды регионов (через запятую)
          <input name="regionCodes" value={one(state, 'regionCodes')} placeholder="41, 73" />
        </label>
        <label>
          Муниципалитеты (по одному в строке)
          <textarea name="municipalities">{one(state, 'municipalities')}</textarea>
        </label>
        <label>
          Слова в тексте (по одному в строке; основы слов)
          <textarea name="words">{one(state, 'words')}</textarea>
        </label>
      </div>
      <fieldset class="reasons">
        <legend>Слова: достаточно</legend>
        <label class="choice">
          <input
            type="radio"
            name="wordsMode"
            value="any"
            checked={one(state, 'wordsMode') !== 'all'}
          />{' '}
          любого
        </label>
        <label class="choice">
          <input
            type="radio"
            name="wordsMode"
            value="all"
            checked={one(state, 'wordsMode') === 'all'}
          />{' '}
          только всех
        </label>
      </fieldset>
      <fieldset class="reasons">
        <legend>Каналы поступления</legend>
        {(Object.keys(channelLabels) as Channel[]).map((ch) => (
          <Checked state={state} name="channels" value={ch} label={channelLabels[ch]} />
        ))}
      </fieldset>
      <h2>Действие</h2>
      <fieldset class="reasons">
        <legend>Что сделать с подходящим сообщением</legend>
        <Checked state={state} name="actionKind" value="assign" label="Назначить исполнителя" />
        <Checked state={state} name="actionKind" value="forward" label="Направить в организацию" />
      </fieldset>
      <div class="grid2">
        <label>
          Исполнитель
          <select name="executorId">
            <option value="">—</option>
            <Options state={state} name="executorId" choices={executors} />
          </select>
        </label>
        <label>
          Организация (для «Направить»)
          <select name="forwardOrgId">
            <option value="">—</option>
            <Options state={state} name="forwardOrgId" choices={organisations} />
          </select>
        </label>
        <label>
          Дней на исполнение
          <input name="executionDays" type="number" value={one(state, 'executionDays')} />
        </label>
        <label>
          Как считать дни
          <select name="executionDayUnit">
            <Options
              state={state}
              name="executionDayUnit"
              choices={[
                { id: 'calendar', name: 'календарные' },
                { id: 'working', name: 'рабочие' },
              ]}
            />
          </select>
        </label>
      </div>
    </>
  );
}
