import type { Directory, Principal } from '@reshaem/core';
import { roleLabels } from '../labels.js';
import { AdminFrame } from './admin-frame.js';

/**
 * «Пользователи и роли»: everyone with a role in the organisation, and their roles there.
 * Read-only: roles live in the directory, which the API serves but does not change.
 */
export function UsersPage(props: { user: Principal; directory: Directory; orgId: string }) {
  const { directory, orgId } = props;
  const people = directory.users
    .map((u) => ({ user: u, roles: u.roles.filter((r) => r.orgId === orgId) }))
    .filter((p) => p.roles.length > 0);
  return (
    <AdminFrame {...props} section="users" title="Пользователи и роли">
      <div class="card">
        <table data-users>
          <thead>
            <tr>
              <th scope="col">Пользователь</th>
              <th scope="col">E-mail</th>
              <th scope="col">Роли в организации</th>
            </tr>
          </thead>
          <tbody>
            {people.map(({ user, roles }) => (
              <tr data-user={user.id}>
                <td>{user.name ?? user.id}</td>
                <td>{user.email ?? '—'}</td>
                <td>{roles.map((r) => roleLabels[r.role]).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p class="note">
          Роли назначаются в справочнике организаций и пользователей (в демо — при первом запуске);
          API портала их не меняет, поэтому здесь они только показаны.
        </p>
      </div>
    </AdminFrame>
  );
}
