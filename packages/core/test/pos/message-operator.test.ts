import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  type MessageSnapshot,
  operatorFolderOf,
  SYSTEM_PRINCIPAL,
  startMessage,
  statusOf,
  timersOf,
} from '../../src/index.js';
import {
  at,
  directory,
  drive,
  expectRefused,
  operatorSubmit,
  operatorToAnswerReady,
  operatorToApproval,
  start,
  users,
} from '../helpers.js';

const rate = (s: MessageSnapshot, score: number, by = users.applicant, minute = 2000) =>
  applyEvent(
    s,
    { type: 'rating.submit', at: at(minute), by, score, comment: 'Ничего не сделано' },
    directory,
  );

describe('delivery of operator-entered answers', () => {
  const ready = (email: string | null = null) =>
    drive(
      start(
        operatorSubmit({ applicant: { name: 'Сидоров Пётр', phone: '+7 902 000-00-00', email } }),
      ),
      operatorToAnswerReady,
    );

  it('asks for the automatic e-mail when the address is known and records how it went', () => {
    const approve = applyEvent(
      drive(
        start(operatorSubmit({ applicant: { name: 'Сидоров', email: 'sidorov@example.ru' } })),
        operatorToApproval,
      ),
      { type: 'answer.approve', at: at(10), by: users.headUlyRoads },
      directory,
    );
    if (!approve.ok) throw new Error(approve.error.message);
    expect(approve.status).toBe('answer_ready');
    expect(approve.effects).toContainEqual({
      type: 'email.answer',
      to: 'sidorov@example.ru',
      messageId: 'm-op',
    });
    expect(approve.snapshot.context.answerEmail?.status).toBe('requested');
    const failed = applyEvent(
      approve.snapshot,
      {
        type: 'delivery.email_result',
        at: at(11),
        by: SYSTEM_PRINCIPAL,
        sent: false,
        error: '550 no such user',
      },
      directory,
    );
    expect(failed.ok && failed.snapshot.context.answerEmail).toMatchObject({
      status: 'failed',
      error: '550 no such user',
    });
    expect(ready(null).context.answerEmail).toBeNull();
  });

  it('is confirmed by any operator with a channel, then the answer can be rated', () => {
    const r = ready();
    expect(r.context.ratingDueAt).toBeNull();
    for (const by of [users.applicant, users.coordinatorUlyRoads]) {
      expectRefused(
        applyEvent(
          r,
          { type: 'delivery.confirm', at: at(20), by, channel: 'phone', note: 'x' },
          directory,
        ),
        'forbidden',
      );
    }
    expectRefused(
      applyEvent(
        r,
        {
          type: 'delivery.confirm',
          at: at(20),
          by: users.operator,
          channel: 'telegram',
          note: 'x',
        },
        directory,
      ),
      'invalid_payload',
    );
    expectRefused(rate(r, 5, users.operator), 'not_allowed_in_status');
    const delivered = applyEvent(
      r,
      {
        type: 'delivery.confirm',
        at: at(20),
        by: users.operator,
        channel: 'courier',
        note: 'Вручено лично',
      },
      directory,
    );
    if (!delivered.ok) throw new Error(delivered.error.message);
    expect(delivered.status).toBe('answer_delivered');
    expect(delivered.snapshot.context.delivery).toMatchObject({
      channel: 'courier',
      confirmedBy: users.operator.id,
    });
    expect(delivered.snapshot.context.ratingDueAt).not.toBeNull();
    expect(rate(delivered.snapshot, 5, users.operator).ok).toBe(true);
  });

  it('warns when delivery is late: 3 working days', () => {
    const r = ready();
    // approved 15.01.2025 (Ulyanovsk) → Thu 16, Fri 17, Mon 20 → 23:59 20.01 local (UTC+4)
    expect(r.context.deliveryDueAt).toBe('2025-01-20T19:59:00.000Z');
    const late = applyEvent(
      r,
      {
        type: 'delivery.overdue',
        at: r.context.deliveryDueAt,
        by: SYSTEM_PRINCIPAL,
        dueAt: r.context.deliveryDueAt,
      },
      directory,
    );
    if (!late.ok) throw new Error(late.error.message);
    expect(late.status).toBe('answer_ready');
    expect(late.snapshot.context.deliveryOverdue).toBe(true);
    expect(late.effects[0]).toMatchObject({
      reason: 'delivery_overdue',
      to: { kind: 'operators' },
    });
    expect(timersOf(late.snapshot).some((t) => t.event.type === 'delivery.overdue')).toBe(false);
  });
});

describe('operator entry', () => {
  it('requires the operator organisation marker at the start of the text', () => {
    const bad = startMessage(operatorSubmit({ text: 'Яма на дороге у остановки' }), directory);
    expectRefused(bad, 'invalid_payload');
    if (!bad.ok && bad.error.kind === 'invalid_payload') {
      expect(bad.error.issues[0]?.message).toContain('Центр мониторинга 112');
    }
    expect(startMessage(operatorSubmit(), directory).ok).toBe(true);
  });

  it('limits organisations by subcategory, with the region coordinating one as fallback', () => {
    expectRefused(
      startMessage(operatorSubmit({ orgId: 'uly-health' }), directory),
      'invalid_payload',
    );
    expect(startMessage(operatorSubmit({ orgId: 'uly-gov' }), directory).ok).toBe(true);
  });

  it('routes only to organisations of the operator organisation’s region', () => {
    // The Ulyanovsk 112 centre may not send a message to a Kamchatka ministry…
    for (const orgId of ['kam-roads', 'kam-gov']) {
      const refused = startMessage(operatorSubmit({ orgId, regionCode: '41' }), directory);
      expectRefused(refused, 'forbidden');
      if (!refused.ok && refused.error.kind === 'forbidden') {
        expect(refused.error).toMatchObject({
          rule: 'operator_region',
          orgId,
          eventType: 'submit',
        });
        expect(refused.error.message).toBe(
          `Оператор приема обращений Голубева С. (Центр мониторинга 112 Ульяновской области) не может направить сообщение в организацию «${directory.organisation(orgId)?.name}»: оператор направляет сообщения только в организации своего региона`,
        );
      }
    }
    // …and may to its own region's organisations.
    for (const orgId of ['uly-roads', 'uly-gov']) {
      expect(startMessage(operatorSubmit({ orgId }), directory).ok).toBe(true);
    }
    // An operator without an organisation (platform-wide) is not limited to a region.
    const platform = { ...users.operator, roles: [{ role: 'operator' as const }] };
    expect(
      startMessage(operatorSubmit({ by: platform, orgId: 'kam-roads', text: 'Яма' }), directory).ok,
    ).toBe(true);
  });

  it('files operator messages in the three operator folders', () => {
    const entered = start(operatorSubmit());
    expect(operatorFolderOf(statusOf(entered), entered.context)).toBe('in_progress');
    const ready = drive(entered, operatorToAnswerReady);
    expect(operatorFolderOf(statusOf(ready), ready.context)).toBe('answer_ready');
    const delivered = drive(
      ready,
      [{ type: 'delivery.confirm', by: users.operator, channel: 'phone', note: 'Ок' }],
      50,
    );
    expect(operatorFolderOf(statusOf(delivered), delivered.context)).toBe('answer_delivered');
  });
});
