import type { AnswerTemplate, Autorule, NotificationConfig, Principal } from '@reshaem/core';
import type { WebDeps } from '../deps.js';
import type { RefusalView } from '../refusal.js';
import type { SettingsKind } from './admin-api.js';
import { autoruleInput, autoruleState, newAutoruleState } from './autorule-form.js';
import { AutorulePage, AutorulesPage } from './autorule-pages.js';
import type { FormState } from './form-state.js';
import { newNotificationState, notificationInput, notificationState } from './notification-form.js';
import { NotificationPage, NotificationsPage } from './notification-pages.js';
import { TemplatePage, TemplatesPage, templateInput, templateState } from './template-pages.js';

// The three settings lists of the admin's pages: the same routes, each with its own forms.

/** What every settings item has: an id and a name people know it by. */
export type Item = { id: string; name: string };
/** A rendered page. */
type PageNode = { toString(): string | Promise<string> };

/** What every admin page is drawn with. */
export interface PageBase {
  user: Principal;
  directory: WebDeps['store']['directory'];
  orgId: string;
  done?: string | undefined;
  refusal?: RefusalView | undefined;
}

/** One settings list: its API path, its pages, and how its form maps to an item. */
export interface Section<T extends Item> {
  kind: SettingsKind;
  prefix: string;
  input(state: FormState, id: string): Record<string, unknown>;
  state(item: T): FormState;
  blank(items: readonly T[]): FormState;
  list(props: PageBase & { items: T[] }): PageNode;
  form(props: PageBase & { state: FormState; itemId: string | null }): PageNode;
  /** Switched on and off from the list. */
  toggle?: (item: T) => T;
  /** Deleted from the list. */
  deletes: boolean;
}

export const autorules: Section<Autorule> = {
  kind: 'autorules',
  prefix: 'rule',
  input: autoruleInput,
  state: autoruleState,
  blank: (items) => newAutoruleState(items.reduce((max, r) => Math.max(max, r.position), 0) + 10),
  list: (props) => <AutorulesPage {...props} rules={props.items} />,
  form: (props) => <AutorulePage {...props} ruleId={props.itemId} />,
  toggle: (rule) => ({ ...rule, enabled: !rule.enabled }),
  deletes: false,
};

export const notifications: Section<NotificationConfig> = {
  kind: 'notifications',
  prefix: 'notice',
  input: notificationInput,
  state: notificationState,
  blank: () => newNotificationState,
  list: (props) => <NotificationsPage {...props} />,
  form: (props) => <NotificationPage {...props} />,
  toggle: (config) => ({ ...config, enabled: !config.enabled }),
  deletes: false,
};

export const templates: Section<AnswerTemplate> = {
  kind: 'answer-templates',
  prefix: 'template',
  input: templateInput,
  state: templateState,
  blank: () => ({}),
  list: (props) => <TemplatesPage {...props} />,
  form: (props) => <TemplatePage {...props} />,
  deletes: true,
};
