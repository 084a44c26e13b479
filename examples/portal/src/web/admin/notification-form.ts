import type { NotificationConfig } from '@reshaem/core';
import { all, type FormState, lines, one, present } from './form-state.js';

/** The notification the form describes, as the API takes it; the API checks it. */
export function notificationInput(state: FormState, id: string): Record<string, unknown> {
  return {
    id,
    ...present({
      name: one(state, 'name'),
      type: one(state, 'type'),
      subject: one(state, 'subject'),
      body: one(state, 'body'),
    }),
    emails: lines(state, 'emails', true).map((address) => ({ address })),
    userIds: all(state, 'userIds'),
    enabled: one(state, 'enabled') === 'on',
  };
}

/** A saved notification as the form shows it. */
export const notificationState = (config: NotificationConfig): FormState => ({
  name: [config.name],
  type: [config.type],
  subject: [config.subject ?? ''],
  body: [config.body],
  emails: [config.emails.map((e) => e.address).join('\n')],
  userIds: config.userIds,
  enabled: config.enabled ? ['on'] : [],
});

/** A new notification's form. */
export const newNotificationState: FormState = { enabled: ['on'], type: ['message_received'] };
