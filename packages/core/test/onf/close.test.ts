import { describe, expect, it } from 'vitest';
import { type CaseSnapshot, closeReasonSchema, closeReasons } from '../../src/index.js';
import {
  applied,
  DAY,
  drive,
  expectRefused,
  reach,
  send,
  start,
  toCloseCheck,
  toHeld,
  users,
} from './helpers.js';

const executor = users.executor75;
const close = (reason: string, extra: Record<string, unknown> = {}) => ({
  type: 'case.close_request',
  by: executor,
  reason,
  ...extra,
});

/** Records failed calls at the given day offsets (noon in Chita), keeping the lock. */
function calls(card: CaseSnapshot, days: number[], outcome = 'no_answer'): CaseSnapshot {
  let current = card;
  for (const d of days) {
    current = applied(
      send(current, { type: 'case.contact_attempt', by: executor, outcome }, d * DAY + 5),
    ).snapshot;
  }
  return current;
}

describe('case.close_request: the seven reasons and what each requires', () => {
  const complete: Record<string, Record<string, unknown>> = {
    declined_help: {},
    wrong_phone: {},
    did_not_apply: {},
    duplicate: { duplicateOf: '340001' },
    objective_reasons: { comment: 'Дом признан аварийным, расселение в 2026' },
    motivated_refusal: { comment: 'Нет правовых оснований для льготы' },
  };
  for (const [reason, extra] of Object.entries(complete)) {
    it(`${reason}: goes to the curator when complete`, () => {
      const result = applied(send(drive(start(), toHeld), close(reason, extra), 9));
      expect(result.status).toBe('curator_check');
      expect(result.snapshot.context.closure).toMatchObject({ reason, acceptedBy: null });
      expect(result.snapshot.context.lock).toBeNull();
      expect(result.effects).toEqual([
        expect.objectContaining({ reason: 'case_review_requested' }),
      ]);
    });
  }

  it('names every reason of the seed, with its requirement', () => {
    expect(closeReasonSchema.options).toHaveLength(7);
    const requires = Object.fromEntries(
      Object.entries(closeReasons).map(([k, v]) => [k, v.requires]),
    );
    expect(requires).toEqual({
      declined_help: null,
      wrong_phone: null,
      unreachable: 'contact_attempts',
      duplicate: 'duplicate_number',
      did_not_apply: null,
      objective_reasons: 'comment',
      motivated_refusal: 'comment',
    });
  });

  const missing: [string, Record<string, unknown>, string][] = [
    ['objective_reasons', {}, 'comment'],
    ['objective_reasons', { comment: '   ' }, 'comment'],
    ['motivated_refusal', {}, 'comment'],
    ['duplicate', {}, 'duplicate_number'],
    ['duplicate', { duplicateOf: '340820' }, 'duplicate_number'],
    ['unreachable', {}, 'contact_attempts'],
  ];
  for (const [reason, extra, unmet] of missing) {
    it(`${reason} ${JSON.stringify(extra)}: returned to the executor (${unmet})`, () => {
      const result = applied(send(drive(start(), toHeld), close(reason, extra), 9));
      expect(result.snapshot.value).toEqual({ in_work: 'held' });
      expect(result.snapshot.context).toMatchObject({
        closure: null,
        lastReturn: { of: 'closing', unmet },
        lock: { holderId: 'exec-75' },
      });
      expect(result.record).toMatchObject({ fromStatus: 'in_work', toStatus: 'in_work' });
      expect(result.effects).toEqual([
        expect.objectContaining({
          reason: 'case_close_request_returned',
          to: { kind: 'user', userId: 'exec-75' },
        }),
      ]);
    });
  }

  it('unreachable needs failed calls on three different days', () => {
    const held = drive(start(), toHeld);
    const sameDay = calls(held, [0, 0, 0]);
    const returned = applied(send(sameDay, close('unreachable'), 10));
    expect(returned.snapshot.context.lastReturn?.unmet).toBe('contact_attempts');
    const withAnswer = calls(held, [1, 2], 'no_answer');
    const reached = calls(withAnswer, [3], 'reached');
    expect(applied(send(reached, close('unreachable'), 4 * DAY)).status).toBe('in_work');
    const threeDays = calls(held, [1, 2, 5], 'busy');
    expect(threeDays.context.contactAttempts.map((a) => a.day)).toEqual([
      '2025-01-16',
      '2025-01-17',
      '2025-01-20',
    ]);
    expect(applied(send(threeDays, close('unreachable'), 6 * DAY)).status).toBe('curator_check');
  });

  it('counts days in the card’s region: 23:30 and 00:30 in Chita are two days', () => {
    // 14:30Z = 23:30 in Chita (UTC+9), 15:30Z = 00:30 the next day.
    const held = drive(start(), toHeld);
    const minutesTo = (iso: string) =>
      (Date.parse(iso) - Date.parse('2025-01-15T03:00:00.000Z')) / 60_000;
    let card = held;
    for (const iso of ['2025-01-15T14:30:00Z', '2025-01-15T15:30:00Z', '2025-01-17T03:00:00Z']) {
      card = applied(
        send(
          card,
          { type: 'case.contact_attempt', by: executor, outcome: 'no_answer' },
          minutesTo(iso),
        ),
      ).snapshot;
    }
    expect(new Set(card.context.contactAttempts.map((a) => a.day)).size).toBe(3);
  });

  it('returns a postponed card’s incomplete request to «В работе», lock kept', () => {
    const result = applied(send(reach['postponed.held']!(), close('motivated_refusal'), 20));
    expect(result.snapshot.value).toEqual({ in_work: 'held' });
    expect(result.snapshot.context.postponement).toBeNull();
    expect(result.record).toMatchObject({ fromStatus: 'postponed', toStatus: 'in_work' });
  });

  it('refuses an unknown reason as invalid', () => {
    expectRefused(send(drive(start(), toHeld), close('tired'), 9), 'invalid_payload');
  });
});

describe('curator check of a close request', () => {
  it('accept → closed; return → in_work', () => {
    const check = drive(start(), toCloseCheck);
    const closed = applied(send(check, { type: 'case.accept', by: users.curator75 }, 9));
    expect(closed.status).toBe('closed');
    expect(closed.snapshot.context.closure).toMatchObject({
      reason: 'declined_help',
      acceptedBy: 'cur-75',
    });
    expect(closed.effects).toEqual([expect.objectContaining({ reason: 'case_closed' })]);
    const back = applied(
      send(check, { type: 'case.return', by: users.curator75, comment: 'Позвоните ещё раз' }, 9),
    );
    expect(back.snapshot.value).toEqual({ in_work: 'free' });
    expect(back.snapshot.context.lastReturn).toMatchObject({
      of: 'closing',
      comment: 'Позвоните ещё раз',
    });
  });
});
