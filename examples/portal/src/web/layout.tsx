import { caseIndicatorScopeOf, type Directory, type Principal } from '@reshaem/core';
import type { Child } from 'hono/jsx';
import { rolesOf } from './format.js';
import { worksOnf, worksOnlyOnf } from './onf/onf-people.js';
import { styles } from './styles.js';

export interface LayoutProps {
  title: string;
  user?: Principal | null;
  directory: Directory;
  /** A refusal to show first in `<main>`, above everything (see `RefusalBanner`). */
  alert?: Child;
  children?: Child;
}

const hasRole = (user: Principal, ...roles: string[]) =>
  user.roles.some((r) => roles.includes(r.role));

function Nav({ user, directory }: { user: Principal; directory: Directory }) {
  return (
    <nav>
      {hasRole(user, 'moderator', 'coordinator', 'executor', 'head', 'curator', 'admin') &&
        !worksOnlyOnf(user, directory) && <a href="/backoffice">Бэк-офис</a>}
      {worksOnf(user, directory) && <a href="/onf">ОНФ. Помощь</a>}
      {hasRole(user, 'applicant') && <a href="/my">Мои сообщения</a>}
      {hasRole(user, 'operator') && <a href="/operator">Оператор приема обращений</a>}
      {hasRole(user, 'admin') && <a href="/admin">Администрирование</a>}
      {hasRole(user, 'head', 'curator', 'admin') && !worksOnlyOnf(user, directory) && (
        <a href="/analytics">Показатели</a>
      )}
      {worksOnlyOnf(user, directory) && caseIndicatorScopeOf(user, directory) && (
        <a href="/analytics/onf">Показатели ОНФ</a>
      )}
      <a href="/api/docs">API</a>
    </nav>
  );
}

/** The frame of every page: header with navigation and the signed-in user. */
export function Layout({ title, user, directory, alert, children }: LayoutProps) {
  return (
    <html lang="ru">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · Решаем вместе (демо reshaem)`}</title>
        <style dangerouslySetInnerHTML={{ __html: styles }} />
      </head>
      <body>
        <header>
          <a class="brand" href="/">
            Решаем вместе · демо
          </a>
          {user ? <Nav user={user} directory={directory} /> : <nav />}
          {user && (
            <span class="who" title={rolesOf(user, directory).join('\n')}>
              {user.name ?? user.id}
              <small>{rolesOf(user, directory)[0]}</small>
            </span>
          )}
          {user && (
            <form method="post" action="/sign-out">
              <button type="submit">Выйти</button>
            </form>
          )}
        </header>
        <main>
          {alert}
          {children}
        </main>
      </body>
    </html>
  );
}
