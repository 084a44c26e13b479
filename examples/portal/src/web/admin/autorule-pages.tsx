import type { Autorule, Directory, Principal } from '@reshaem/core';
import type { RefusalView } from '../refusal.js';
import { AdminFrame } from './admin-frame.js';
import { AutoruleFields } from './autorule-fields.js';
import type { DryRunRow } from './dry-run.js';
import { type FormState, one } from './form-state.js';
import { ToggleForm } from './toggle-form.js';

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
                    <ToggleForm
                      action={`${base(orgId)}/${encodeURIComponent(rule.id)}/toggle`}
                      enabled={rule.enabled}
                    />
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
