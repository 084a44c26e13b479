import {
  type Directory,
  type NotificationConfig,
  type NotificationType,
  notificationTypeLabels,
  type Principal,
  placeholderNames,
  templatePlaceholders,
} from '@reshaem/core';
import type { RefusalView } from '../refusal.js';
import { AdminFrame } from './admin-frame.js';
import { type FormState, one } from './form-state.js';
import { ToggleForm } from './toggle-form.js';

interface PageProps {
  user: Principal;
  directory: Directory;
  orgId: string;
  done?: string | undefined;
  refusal?: RefusalView | undefined;
}

const base = (orgId: string) => `/admin/${encodeURIComponent(orgId)}/notifications`;

/** «Уведомления»: the organisation's e-mail notifications. */
export function NotificationsPage(props: PageProps & { items: readonly NotificationConfig[] }) {
  const { orgId } = props;
  return (
    <AdminFrame {...props} section="notifications" title="Уведомления">
      <p>
        <a href={`${base(orgId)}/new`}>Новое уведомление</a>
      </p>
      <div class="card">
        {props.items.length === 0 ? (
          <p>Уведомлений пока нет.</p>
        ) : (
          <table data-notifications>
            <thead>
              <tr>
                <th scope="col">Название</th>
                <th scope="col">Тип</th>
                <th scope="col">Кому</th>
                <th scope="col">Состояние</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((n) => (
                <tr data-notification={n.id}>
                  <td>
                    <a href={`${base(orgId)}/${encodeURIComponent(n.id)}`}>{n.name}</a>
                  </td>
                  <td>{notificationTypeLabels[n.type]}</td>
                  <td>
                    {[
                      ...n.emails.map((e) => e.address),
                      ...n.userIds.map((id) => props.directory.user(id)?.name ?? id),
                    ].join(', ') || 'заявителю'}
                  </td>
                  <td>
                    <ToggleForm
                      action={`${base(orgId)}/${encodeURIComponent(n.id)}/toggle`}
                      enabled={n.enabled}
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

/** One notification's form, new or saved. */
export function NotificationPage(props: PageProps & { state: FormState; itemId: string | null }) {
  const { state, orgId, directory } = props;
  const chosenUsers = new Set(state.userIds ?? []);
  const people = directory.users.filter((u) => u.email && u.roles.some((r) => r.orgId === orgId));
  const known = templatePlaceholders.notification.map((k) => `{{${placeholderNames[k]}}}`);
  return (
    <AdminFrame
      {...props}
      section="notifications"
      title={props.itemId ? `Уведомление «${one(state, 'name')}»` : 'Новое уведомление'}
    >
      <form method="post" action={base(orgId)} class="card admin-form" data-notification-form>
        <input type="hidden" name="id" value={props.itemId ?? ''} />
        <div class="grid2">
          <label>
            Название уведомления (тема e-mail) *
            <input name="name" value={one(state, 'name')} required />
          </label>
          <label>
            Тип уведомления
            <select name="type">
              {(Object.keys(notificationTypeLabels) as NotificationType[]).map((t) => (
                <option value={t} selected={one(state, 'type') === t}>
                  {notificationTypeLabels[t]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Адреса рассылки (по одному в строке)
            <textarea name="emails">{one(state, 'emails')}</textarea>
          </label>
          <label>
            Отправить пользователям на e-mail
            <select name="userIds" multiple size={4}>
              {people.map((u) => (
                <option value={u.id} selected={chosenUsers.has(u.id)}>
                  {u.name ?? u.id}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label>
          Тема (если не задана — название)
          <input name="subject" value={one(state, 'subject')} size={60} />
        </label>
        <label>
          Текст уведомления *
          <textarea name="body" class="tall">
            {one(state, 'body')}
          </textarea>
        </label>
        <p class="note">Подстановки: {known.join(', ')}</p>
        <label class="choice">
          <input
            type="checkbox"
            name="enabled"
            value="on"
            checked={one(state, 'enabled') === 'on'}
          />{' '}
          Включено
        </label>
        <p>
          <button type="submit">Сохранить</button> <a href={base(orgId)}>К списку</a>
        </p>
      </form>
    </AdminFrame>
  );
}
