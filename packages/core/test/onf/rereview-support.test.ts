import { describe, expect, it } from 'vitest';
import {
  applied,
  drive,
  expectRefused,
  send,
  start,
  toHeld,
  toModeration,
  toSupport,
  users,
} from './helpers.js';

const fix = (extra: Record<string, unknown>) => ({
  type: 'case.rereview_fix',
  by: users.moderator,
  ...extra,
});

describe('re-review: «На повторное рассмотрение»', () => {
  it('sends the card to the moderators with the reason, freeing the lock', () => {
    const result = applied(
      send(drive(start(), toHeld), {
        type: 'case.rereview_request',
        by: users.executor75,
        reason: 'wrong_region',
        comment: 'Заявитель живёт в Мурманске',
      }),
    );
    expect(result.status).toBe('moderation');
    expect(result.snapshot.context).toMatchObject({
      lock: null,
      executorId: 'exec-75',
      rereview: { reason: 'wrong_region', requestedBy: 'exec-75' },
    });
    expect(result.effects).toEqual([
      expect.objectContaining({
        reason: 'case_rereview_requested',
        to: { kind: 'staff', role: 'moderator', regionCode: '75' },
      }),
    ]);
  });

  it('a fixed category goes back to the same executor', () => {
    const result = applied(
      send(drive(start(), toModeration), fix({ categoryId: 'roads', categoryType: 'ogv' }), 9),
    );
    expect(result.snapshot.value).toEqual({ in_work: 'free' });
    expect(result.snapshot.context).toMatchObject({
      categoryId: 'roads',
      subcategoryId: null,
      categoryType: 'ogv',
      executorId: 'exec-75',
      rereview: null,
    });
    expect(result.effects).toEqual([expect.objectContaining({ reason: 'case_back_in_work' })]);
  });

  it('a moved region goes to that region’s supervisors, unassigned', () => {
    const result = applied(send(drive(start(), toModeration), fix({ regionCode: '51' }), 9));
    expect(result.status).toBe('new');
    expect(result.snapshot.context).toMatchObject({
      regionCode: '51',
      municipality: null,
      executorId: null,
      orgId: null,
    });
    expect(result.effects).toEqual([
      expect.objectContaining({
        reason: 'case_received',
        to: { kind: 'staff', role: 'supervisor', regionCode: '51' },
      }),
    ]);
  });

  it('needs a change or a comment, a known region and topic, and a moderator', () => {
    const card = drive(start(), toModeration);
    expectRefused(send(card, fix({}), 9), 'invalid_payload');
    expectRefused(send(card, fix({ regionCode: '99' }), 9), 'invalid_payload');
    expectRefused(send(card, fix({ subcategoryId: 'schools' }), 9), 'invalid_payload');
    expectRefused(
      send(card, { ...fix({ regionCode: '51' }), by: users.supervisor75 }),
      'forbidden',
    );
    expect(send(card, fix({ comment: 'Регион и категория верны' }), 9).ok).toBe(true);
  });

  it('a supervisor may send a new card for re-review', () => {
    const result = applied(
      send(start(), {
        type: 'case.rereview_request',
        by: users.supervisor75,
        reason: 'wrong_region',
      }),
    );
    expect(result.status).toBe('moderation');
    const back = applied(send(result.snapshot, fix({ comment: 'Всё верно' }), 5));
    expect(back.status).toBe('new');
  });
});

describe('support: «Запрос в тех.поддержку»', () => {
  it('sends the card to support with the corrections asked for', () => {
    const card = drive(start(), toSupport);
    expect(card.value).toBe('support');
    expect(card.context.supportRequest).toMatchObject({
      corrections: [{ field: 'phone', value: '+7(914)111-22-33' }],
    });
    expect(card.context.lock).toBeNull();
  });

  it('support corrects the fields and returns the card to work', () => {
    const result = applied(
      send(
        drive(start(), toSupport),
        {
          type: 'case.support_fix',
          by: users.support,
          changes: { phone: '+7(914)111-22-33', email: null, address: 'г. Чита, ул. Бабушкина, 2' },
        },
        9,
      ),
    );
    expect(result.snapshot.value).toEqual({ in_work: 'free' });
    expect(result.snapshot.context).toMatchObject({
      applicant: { name: 'Тестов Тест', phone: '+7(914)111-22-33', email: null },
      address: 'г. Чита, ул. Бабушкина, 2',
      supportRequest: null,
    });
    expect(result.effects).toEqual([
      expect.objectContaining({
        reason: 'case_back_in_work',
        to: { kind: 'user', userId: 'exec-75' },
      }),
    ]);
  });

  it('refuses a fix with nothing in it, fields support may not touch, and other people', () => {
    const card = drive(start(), toSupport);
    const base = { type: 'case.support_fix', by: users.support };
    expectRefused(send(card, base, 9), 'invalid_payload');
    expectRefused(send(card, { ...base, changes: { regionCode: '51' } }, 9), 'invalid_payload');
    expectRefused(send(card, { ...base, changes: { phone: 'нет' } }, 9), 'invalid_payload');
    expectRefused(
      send(card, { ...base, by: users.executor75, changes: { phone: '+79140000000' } }),
      'forbidden',
    );
    expect(send(card, { ...base, comment: 'Номер верный' }, 9).ok).toBe(true);
  });

  it('needs at least one correction', () => {
    expectRefused(
      send(drive(start(), toHeld), {
        type: 'case.support_request',
        by: users.executor75,
        corrections: [],
      }),
      'invalid_payload',
    );
  });
});
