import {
  createDirectory,
  type NotificationConfig,
  type NotificationConfigInput,
  notificationConfigSchema,
} from '../../../src/index.js';
import { demoDirectoryInput, demoUsers } from '../../../src/testing/index.js';

/** The demo world, where the roads ministry's coordinator and admin have e-mail addresses. */
export const mailDirectory = createDirectory({
  ...demoDirectoryInput,
  users: Object.values(demoUsers).map((u) =>
    u.id === 'coord-kam-roads'
      ? { ...u, email: 'popova@roads.kamgov.ru' }
      : u.id === 'admin-kam-roads'
        ? { ...u, email: 'ORLOVA@roads.kamgov.ru' }
        : u,
  ),
});

/** «Поступление сообщения в ЛКО» of the roads ministry, as in seed 004. */
export function notification(overrides: Partial<NotificationConfigInput> = {}): NotificationConfig {
  return notificationConfigSchema.parse({
    id: 'n-received',
    orgId: 'kam-roads',
    name: 'Поступление сообщений в ЛКО',
    type: 'message_received',
    emails: [{ address: 'info@roads.kamgov.ru', description: 'общая почта' }],
    userIds: ['coord-kam-roads'],
    body: [
      'Поступило сообщение № {{Номер сообщения}} ({{Категория сообщения}}).',
      'ЛКО: {{Наименование текущего ЛКО}}',
      'Создано: {{Дата создания сообщения}} {{Время создания сообщения}}',
      'Срок: {{Плановый срок рассмотрения сообщения}}; осталось: {{Время исполнения сообщения}}',
      'Статус: {{Текущий статус сообщения}}',
      'Текст: {{Текст сообщения}}',
    ].join('\n'),
    ...overrides,
  });
}
