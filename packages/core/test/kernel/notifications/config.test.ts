import { describe, expect, it } from 'vitest';
import { checkNotificationConfig, notificationConfigSchema } from '../../../src/index.js';
import { mailDirectory as directory } from './fixtures.js';

const base = {
  id: 'n1',
  orgId: 'kam-roads',
  name: 'Поступление сообщений в ЛКО',
  type: 'message_received',
  emails: [{ address: 'info@kcioko.ru' }],
  body: 'Поступило сообщение № {{Номер сообщения}}',
};

const issuesOf = (input: unknown) => {
  const check = checkNotificationConfig(input, directory);
  return check.ok ? [] : check.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('notification settings (save time)', () => {
  it('accepts the seed’s example and fills defaults', () => {
    const check = checkNotificationConfig(base, directory);
    expect(check.ok && check.config).toMatchObject({ enabled: true, userIds: [] });
  });

  it('refuses an unknown placeholder when saving, naming it', () => {
    const issues = issuesOf({ ...base, subject: 'Новое: {{Номер}}', body: '{{ФИО Заявителя}}' });
    expect(issues).toHaveLength(2);
    expect(issues[0]).toMatch(
      /^subject: строка 1, позиция 8: неизвестная подстановка «Номер»; шаблоны уведомлений знают: /,
    );
    expect(issues[1]).toMatch(/^body: .*неизвестная подстановка «ФИО Заявителя»/);
  });

  it('needs recipients for staff, and none for the applicant’s notices', () => {
    expect(issuesOf({ ...base, emails: [] })).toEqual([
      'emails: Укажите хотя бы один адрес или пользователя, которым отправить уведомление',
    ]);
    expect(issuesOf({ ...base, type: 'message_rejected' })).toEqual([
      'emails: Уведомление заявителя уходит заявителю: получатели не указываются',
    ]);
    expect(issuesOf({ ...base, type: 'answer_sent', emails: [] })).toEqual([]);
    expect(
      notificationConfigSchema.safeParse({ ...base, emails: [{ address: 'не почта' }] }).success,
    ).toBe(false);
  });

  it('checks users and the organisation against the directory', () => {
    expect(
      issuesOf({
        ...base,
        orgId: 'nowhere',
        userIds: ['coord-kam-roads', 'exec-kam-roads', 'ghost'],
      }),
    ).toEqual([
      'orgId: Неизвестная организация nowhere',
      'userIds.1: У пользователя Новиков Денис (исполнитель) нет адреса электронной почты',
      'userIds.2: Неизвестный пользователь ghost',
    ]);
  });
});
