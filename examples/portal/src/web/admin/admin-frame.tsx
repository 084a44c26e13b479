import type { Directory, Principal } from '@reshaem/core';
import type { Child } from 'hono/jsx';
import { Layout } from '../layout.js';
import type { RefusalView } from '../refusal.js';

/** The admin's pages of one organisation, as the sub-navigation lists them. */
export const adminSections = [
  ['users', 'Пользователи и роли'],
  ['autorules', 'Автоправила'],
  ['notifications', 'Уведомления'],
  ['answer-templates', 'Шаблоны ответов'],
] as const;
export type AdminSection = (typeof adminSections)[number][0];

export interface AdminFrameProps {
  user: Principal;
  directory: Directory;
  orgId: string;
  section: AdminSection;
  title: string;
  /** A success note after a redirect. */
  done?: string | undefined;
  /** The API's refusal, shown at the top of the page. */
  refusal?: RefusalView | undefined;
  children?: Child;
}

/** The frame of an admin page: the organisation, its sections, the refusal or the note. */
export function AdminFrame(props: AdminFrameProps) {
  const org = props.directory.organisation(props.orgId);
  const base = `/admin/${encodeURIComponent(props.orgId)}`;
  return (
    <Layout title={props.title} user={props.user} directory={props.directory}>
      {props.refusal && (
        <div class="flash error" role="alert" data-refusal>
          <strong>{props.refusal.title}</strong>
          {props.refusal.details.map((d) => (
            <div>{d}</div>
          ))}
        </div>
      )}
      {props.done && (
        <p class="flash ok" role="status">
          {props.done}
        </p>
      )}
      <p class="org-name">{org?.name ?? props.orgId}</p>
      <h1>{props.title}</h1>
      <nav class="folders" aria-label="Разделы настроек">
        {adminSections.map(([section, label]) => (
          <a
            href={`${base}/${section}`}
            class={section === props.section ? 'active' : undefined}
            aria-current={section === props.section ? 'page' : undefined}
          >
            {label}
          </a>
        ))}
      </nav>
      {props.children}
    </Layout>
  );
}
