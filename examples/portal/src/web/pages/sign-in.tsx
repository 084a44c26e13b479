import type { Directory, Principal } from '@reshaem/core';
import { rolesOf } from '../format.js';
import { Layout } from '../layout.js';

export interface SignInProps {
  directory: Directory;
  /** Demo mode lists the users; otherwise a token is asked for. */
  users: readonly Principal[] | null;
  next: string;
  /** The OpenID provider's name: a «Войти через …» link to `/sign-in/oidc`. */
  oidcProviderName?: string;
  error?: string;
}

/** The sign-in page: pick a demo user, or paste a token. */
export function SignInPage({ directory, users, next, oidcProviderName, error }: SignInProps) {
  return (
    <Layout title="Вход" directory={directory}>
      <h1>Вход в демо-портал</h1>
      {error && <p class="flash error">{error}</p>}
      {oidcProviderName && (
        <p class="card">
          <a
            class="button"
            href={`/sign-in/oidc${next ? `?next=${encodeURIComponent(next)}` : ''}`}
            data-oidc
          >
            Войти через {oidcProviderName}
          </a>
        </p>
      )}
      {users ? (
        <div class="card">
          <p>
            Демо-режим: выберите, кем войти. У каждого пользователя свои роли и организация; кнопки
            на карточке сообщения зависят от них. Токены для API:{' '}
            <a href="/demo/users">/demo/users</a>.
          </p>
          <div class="users">
            {users.map((user) => (
              <form method="post" action="/sign-in">
                <input type="hidden" name="userId" value={user.id} />
                <input type="hidden" name="next" value={next} />
                <button type="submit" data-user={user.id}>
                  <strong>{user.name ?? user.id}</strong>
                  <br />
                  <span class="muted">{rolesOf(user, directory).join('; ')}</span>
                </button>
              </form>
            ))}
          </div>
        </div>
      ) : (
        <form class="card" method="post" action="/sign-in">
          <label>
            Токен пользователя
            <input name="token" size={60} autocomplete="off" />
          </label>
          <input type="hidden" name="next" value={next} />
          <p>
            <button type="submit">Войти</button>
          </p>
        </form>
      )}
    </Layout>
  );
}
