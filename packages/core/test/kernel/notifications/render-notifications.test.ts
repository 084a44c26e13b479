import { describe, expect, it } from 'vitest';
import {
  type Applied,
  applyEvent,
  type Effect,
  type MessageSnapshot,
  renderNotifications,
  type SubmitEventInput,
  startMessage,
} from '../../../src/index.js';
import {
  at,
  drive,
  operatorSubmit,
  operatorToApproval,
  potholeSubmit,
  toApproval,
  toAssigned,
  users,
} from '../../helpers.js';
import { mailDirectory as directory, notification } from './fixtures.js';

function begin(input: SubmitEventInput = potholeSubmit()): MessageSnapshot {
  const result = startMessage(input, directory);
  if (!result.ok) throw new Error(result.error.message);
  return result.snapshot;
}

function apply(snapshot: MessageSnapshot, event: Record<string, unknown>): Applied {
  const result = applyEvent(snapshot, { at: at(1), ...event }, directory);
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

const accept = () => apply(begin(), { type: 'moderation.accept', by: users.moderator });

describe('renderNotifications', () => {
  it('sends one e-mail with every placeholder filled when a message reaches the organisation', () => {
    const accepted = accept();
    const { emails, skipped } = renderNotifications(
      accepted.effects,
      accepted.snapshot,
      [notification(), notification({ id: 'n-other-org', orgId: 'kam-gov' })],
      directory,
      at(1),
    );
    expect(skipped).toEqual([]);
    expect(emails).toHaveLength(1);
    expect(emails[0]).toEqual({
      to: ['info@roads.kamgov.ru', 'popova@roads.kamgov.ru'],
      subject: 'Поступление сообщений в ЛКО',
      text: [
        'Поступило сообщение № 41-000001 (Дороги).',
        'ЛКО: Министерство транспорта и дорожного строительства Камчатского края',
        'Создано: 15.01.2025 23:18',
        'Срок: 25.01.2025; осталось: 10 дней 0 часов 40 минут / до 23:59 25.01.2025',
        'Статус: На координации',
        'Текст: Глубокая яма на проезжей части у дома 5',
      ].join('\n'),
      html: expect.stringContaining('Создано: 15.01.2025 23:18<br>\n'),
      notificationId: 'n-received',
      type: 'message_received',
      orgId: 'kam-roads',
      messageId: 'm-1',
      reason: 'message_received',
      effect: 'notify',
    });
  });

  it('sends one e-mail per enabled notification, each address once', () => {
    const accepted = accept();
    const configs = [
      notification({
        id: 'a',
        userIds: ['admin-kam-roads'],
        emails: [{ address: 'orlova@roads.kamgov.ru' }],
      }),
      notification({ id: 'b', subject: 'Новое: {{Номер сообщения}}' }),
      notification({ id: 'off', enabled: false }),
      notification({ id: 'late', type: 'deadline_overdue' }),
    ];
    const { emails } = renderNotifications(
      accepted.effects,
      accepted.snapshot,
      configs,
      directory,
      at(1),
    );
    expect(emails.map((e) => [e.notificationId, e.subject, e.to])).toEqual([
      ['a', 'Поступление сообщений в ЛКО', ['orlova@roads.kamgov.ru']],
      ['b', 'Новое: 41-000001', ['info@roads.kamgov.ru', 'popova@roads.kamgov.ru']],
    ]);
  });

  it('logs what it does not send', () => {
    const accepted = accept();
    const none = renderNotifications(accepted.effects, accepted.snapshot, [], directory, at(1));
    expect(none).toEqual({
      emails: [],
      skipped: [{ effect: accepted.effects[0], reason: 'not_configured' }],
    });
    const assigned = apply(accepted.snapshot, {
      type: 'executor.assign',
      by: users.coordinatorRoads,
      executorId: users.executorRoads.id,
    });
    const inApp = renderNotifications(
      assigned.effects,
      assigned.snapshot,
      [notification()],
      directory,
      at(1),
    );
    expect(inApp.skipped.map((s) => s.reason)).toEqual(['in_app_only']);
    const foreign: Effect = { ...(accepted.effects[0] as Effect), messageId: 'm-2' };
    expect(
      renderNotifications([foreign], accepted.snapshot, [notification()], directory, at(1)).skipped,
    ).toEqual([{ effect: foreign, reason: 'other_message' }]);
  });

  it('keeps the subject on one line and the HTML free of markup from the message', () => {
    const text = 'Яма\r\n<img src=x onerror=alert(1)> & ещё';
    const accepted = apply(begin(potholeSubmit({ text })), {
      type: 'moderation.accept',
      by: users.moderator,
    });
    const config = notification({
      subject: 'Сообщение: {{Текст сообщения}}',
      body: '{{Текст сообщения}}',
    });
    const [email] = renderNotifications(
      accepted.effects,
      accepted.snapshot,
      [config],
      directory,
      at(1),
    ).emails;
    expect(email?.subject).toBe('Сообщение: Яма <img src=x onerror=alert(1)> & ещё');
    expect(email?.text).toBe(text);
    expect(email?.html).toBe('Яма<br>\n&lt;img src=x onerror=alert(1)&gt; &amp; ещё');
  });

  it('tells the applicant of a rejection with the built-in notice', () => {
    const rejected = apply(begin(), {
      type: 'moderation.reject',
      by: users.moderator,
      reason: 'Нецензурная лексика',
    });
    const { emails } = renderNotifications(
      rejected.effects,
      rejected.snapshot,
      [],
      directory,
      at(1),
    );
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({
      to: ['ivanov@example.ru'],
      subject: 'Сообщение № 41-000001 отклонено',
      notificationId: null,
      type: 'message_rejected',
    });
    expect(emails[0]?.text).toContain('Причина: Нецензурная лексика');
  });

  it('uses the organisation’s own applicant notice once, and needs an address', () => {
    const approval = drive(begin(), toApproval);
    const sent = apply(approval, { type: 'answer.approve', by: users.headRoads });
    const own = notification({
      id: 'n-answer',
      type: 'answer_sent',
      emails: [],
      userIds: [],
      subject: 'Ответ по сообщению {{Номер сообщения}}',
      body: '{{Текст ответа}}\n{{Наименование текущего ЛКО}}',
    });
    const twice = [own, { ...own, id: 'n-answer-2' }];
    const { emails } = renderNotifications(sent.effects, sent.snapshot, twice, directory, at(1));
    expect(emails.map((e) => [e.notificationId, e.to, e.text])).toEqual([
      [
        'n-answer',
        ['ivanov@example.ru'],
        'Яма заделана 20.01.2025\nМинистерство транспорта и дорожного строительства Камчатского края',
      ],
    ]);
    const silent = drive(
      begin(potholeSubmit({ applicant: { name: 'Без почты', email: null } })),
      toApproval,
    );
    const quiet = apply(silent, { type: 'answer.approve', by: users.headRoads });
    expect(
      renderNotifications(quiet.effects, quiet.snapshot, [], directory, at(1)).skipped,
    ).toMatchObject([{ reason: 'no_address' }]);
  });

  it('sends the built-in extension notice with the new deadline', () => {
    const assigned = drive(begin(), toAssigned);
    const requested = apply(assigned, {
      type: 'deadline.extension_request',
      by: users.coordinatorRoads,
      until: '2025-02-10',
      reason: 'Нужна экспертиза',
    });
    const approved = apply(requested.snapshot, {
      type: 'deadline.extension_approve',
      by: users.headRoads,
    });
    const { emails } = renderNotifications(
      approved.effects,
      approved.snapshot,
      [],
      directory,
      at(1),
    );
    expect(emails.map((e) => e.type)).toEqual(['deadline_extended']);
    expect(emails[0]?.text).toContain('продлён до 10.02.2025');
  });

  it('fills an applicant notice from the applicant’s view: no executor’s deadline', () => {
    const assigned = drive(begin(), [
      ...toAssigned.slice(0, -1),
      {
        type: 'executor.assign',
        by: users.coordinatorRoads,
        executorId: users.executorRoads.id,
        executionDueAt: '2025-01-20T14:59:59.999Z',
      },
    ]);
    expect(assigned.context.executionDueAt).toBe('2025-01-20T14:59:59.999Z');
    const requested = apply(assigned, {
      type: 'deadline.extension_request',
      by: users.coordinatorRoads,
      until: '2025-02-10',
      reason: 'Нужна экспертиза',
    });
    const approved = apply(requested.snapshot, {
      type: 'deadline.extension_approve',
      by: users.headRoads,
    });
    const time = '{{Время исполнения сообщения}} / {{Плановый срок рассмотрения сообщения}}';
    const { emails } = renderNotifications(
      approved.effects,
      approved.snapshot,
      [
        notification({
          id: 'n-ext',
          type: 'deadline_extended',
          emails: [],
          userIds: [],
          body: `Срок: ${time}`,
        }),
      ],
      directory,
      at(1),
    );
    expect(emails.map((e) => e.type)).toEqual(['deadline_extended']);
    // The executor's own deadline (20.01) is the organisation's business; the applicant is
    // told the response deadline, here the extended one.
    expect(emails[0]?.text).not.toContain('20.01.2025');
    expect(emails[0]?.text).toMatch(/^Срок: .*до 23:59 10\.02\.2025 \/ 10\.02\.2025$/);
  });

  it('renders the automatic answer e-mail of an operator-entered message', () => {
    const entered = begin(
      operatorSubmit({ applicant: { name: 'Сидоров Пётр', email: 'sidorov@example.ru' } }),
    );
    const approval = drive(entered, operatorToApproval);
    const ready = apply(approval, { type: 'answer.approve', by: users.headUlyRoads });
    const { emails, skipped } = renderNotifications(
      ready.effects,
      ready.snapshot,
      [],
      directory,
      at(1),
    );
    expect(skipped.map((s) => s.reason)).toEqual(['in_app_only']); // answer_ready, to operators
    expect(emails).toMatchObject([
      {
        to: ['sidorov@example.ru'],
        effect: 'email.answer',
        type: 'answer_sent',
        orgId: 'uly-roads',
      },
    ]);
    expect(emails[0]?.text).toContain('Яма заделана');
  });
});
