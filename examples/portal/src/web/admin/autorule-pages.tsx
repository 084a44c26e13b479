import { channelLabels } from '@reshaem/adapters-http';
import type { Autorule, Channel, Directory, Principal } from '@reshaem/core';
import type { RefusalView } from '../refusal.js';
import { AdminFrame } from './admin-frame.js';
import type { DryRunRow } from './dry-run.js';
import { type FormState, one } from './form-state.js';

interface PageProps {
  user: Principal;
  directory: Directory;
  orgId: string;
  done?: string | undefined;
  refusal?: RefusalView | undefined;
}

const base = (orgId: string) => `/admin/${encodeURIComponent(orgId)}/autorules`;

const actionText = (rule: Autorule, directory: Directory) =>
  rule.action.kind === 'forward'
    ? `Направить в «${directory.organisation(rule.action.orgId)?.name ?? rule.action.orgId}»`
    : `Назначить: ${directory.user(rule.action.executorId)?.name ?? rule.action.executorId}`;

/** «Автоправила»: the organisation's rules in the order they are tried. */
export function AutorulesPage(props: PageProps & { rules: readonly Autorule[] }) {
  const { directory, orgId } = props;
  return (
    <AdminFrame {...props} section="autorules" title="Автоправила">
      <p>
        <a href={`${base(orgId)}/new`}>Новое автоправило</a>
      </p>
      <div class="card">
        {props.rules.length === 0 ? (
          <p>Автоправил пока нет.</p>
        ) : (
          <table data-autorules>
            <thead>
              <tr>
                <th scope="col">Порядок</th>
                <th scope="col">Название</th>
                <th scope="col">Действие</th>
                <th scope="col">Состояние</th>
              </tr>
            </thead>
            <tbody>
              {props.rules.map((rule) => (
                <tr data-rule={rule.id}>
                  <td>{rule.position}</td>
                  <td>
                    <a href={`${base(orgId)}/${encodeURIComponent(rule.id)}`}>{rule.name}</a>
                  </td>
                  <td>{actionText(rule, directory)}</td>
                  <td>
                    <form
                      method="post"
                      action={`${base(orgId)}/${encodeURIComponent(rule.id)}/toggle`}
                      class="inline"
                    >
                      {rule.enabled ? 'Включено' : 'Выключено'}{' '}
                      <button type="submit" class="secondary">
                        {rule.enabled ? 'Выключить' : 'Включить'}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </AdminFrame>
  );
}

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
function AutoruleFields({
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

function DryRunTable({ rows }: { rows: readonly DryRunRow[] }) {
  const routes = rows.filter((r) => r.routes).length;
  const matches = rows.filter((r) => r.matches).length;
  return (
    <div class="card" data-dry-run>
      <h2>Проверка на недавних сообщениях</h2>
      <p>
        Сработало бы сейчас: <strong data-routes>{routes}</strong> из {rows.length}; подходит по
        условиям: <span data-matches>{matches}</span>. Ничего не сохранено.
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Сообщение</th>
            <th scope="col">Что сделало бы правило</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr data-trial={row.messageId} data-routes={row.routes ? 'yes' : 'no'}>
              <td>
                <a href={`/messages/${encodeURIComponent(row.messageId)}`}>№ {row.number}</a>
              </td>
              <td>{row.said}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One rule's form (new or saved), with «Проверить» (the dry run) beside «Сохранить». */
export function AutorulePage(
  props: PageProps & { state: FormState; ruleId: string | null; dryRun?: DryRunRow[] | undefined },
) {
  const { orgId } = props;
  return (
    <AdminFrame
      {...props}
      section="autorules"
      title={props.ruleId ? `Автоправило «${one(props.state, 'name')}»` : 'Новое автоправило'}
    >
      {props.dryRun && <DryRunTable rows={props.dryRun} />}
      <form method="post" action={base(orgId)} class="card admin-form" data-autorule-form>
        <input type="hidden" name="id" value={props.ruleId ?? ''} />
        <AutoruleFields state={props.state} directory={props.directory} orgId={orgId} />
        <p>
          <button type="submit" name="intent" value="save">
            Сохранить
          </button>{' '}
          <button type="submit" name="intent" value="dry-run" class="secondary">
            Проверить на недавних сообщениях
          </button>{' '}
          <a href={base(orgId)}>К списку</a>
        </p>
      </form>
    </AdminFrame>
  );
}
