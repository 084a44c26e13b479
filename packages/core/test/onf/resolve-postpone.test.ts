import { describe, expect, it } from 'vitest';
import { caseTimersOf, SYSTEM_PRINCIPAL } from '../../src/index.js';
import {
  applied,
  DAY,
  drive,
  expectRefused,
  reach,
  send,
  start,
  toCheck,
  toHeld,
  toPostponed,
  users,
} from './helpers.js';

const executor = users.executor75;

describe('case.resolve: «Отметить исполнение»', () => {
  it('sends the description and files to the curators, freeing the lock', () => {
    const result = applied(
      send(drive(start(), toHeld), {
        type: 'case.resolve',
        by: executor,
        description: 'Дана консультация, заявитель доволен',
        files: [{ name: 'фото.JPG', ref: 's3://bucket/1' }],
      }),
    );
    expect(result.status).toBe('curator_check');
    const card = result.snapshot.context;
    expect(card.lock).toBeNull();
    expect(card.resolution).toMatchObject({
      description: 'Дана консультация, заявитель доволен',
      files: [{ name: 'фото.JPG', ref: 's3://bucket/1' }],
      submittedBy: 'exec-75',
      acceptedBy: null,
    });
    expect(result.effects).toEqual([
      expect.objectContaining({
        reason: 'case_review_requested',
        to: { kind: 'staff', role: 'curator', regionCode: '75' },
      }),
    ]);
  });

  it('requires a description and accepts only documents, photos and videos', () => {
    const held = drive(start(), toHeld);
    expectRefused(
      send(held, { type: 'case.resolve', by: executor, description: '  ' }),
      'invalid_payload',
    );
    expectRefused(
      send(held, {
        type: 'case.resolve',
        by: executor,
        description: 'Ок',
        files: [{ name: 'a.exe' }],
      }),
      'invalid_payload',
    );
  });
});

describe('curator check of a resolution', () => {
  it('accept → done, only by a curator of the region (or platform-wide)', () => {
    const check = drive(start(), toCheck);
    expectRefused(send(check, { type: 'case.accept', by: users.curator51 }, 9), 'forbidden');
    expectRefused(send(check, { type: 'case.accept', by: executor }, 9), 'forbidden');
    expect(applied(send(check, { type: 'case.accept', by: users.curatorHq }, 9)).status).toBe(
      'done',
    );
    const result = applied(
      send(check, { type: 'case.accept', by: users.curator75, comment: 'Ок' }, 9),
    );
    expect(result.status).toBe('done');
    expect(result.snapshot.context.resolution).toMatchObject({ acceptedBy: 'cur-75' });
    expect(result.effects).toEqual([expect.objectContaining({ reason: 'case_done' })]);
    expect(result.snapshot.context.comments.at(-1)).toMatchObject({
      text: 'Ок',
      source: 'case.accept',
    });
  });

  it('return → in_work with the comment, the lock free, the result dropped', () => {
    const result = applied(
      send(
        drive(start(), toCheck),
        {
          type: 'case.return',
          by: users.curator75,
          comment: 'Заявитель не подтвердил помощь',
        },
        9,
      ),
    );
    expect(result.snapshot.value).toEqual({ in_work: 'free' });
    expect(result.snapshot.context).toMatchObject({
      resolution: null,
      lastReturn: { of: 'resolution', unmet: null, comment: 'Заявитель не подтвердил помощь' },
    });
    expect(result.effects).toEqual([
      expect.objectContaining({ reason: 'case_returned', to: { kind: 'user', userId: 'exec-75' } }),
    ]);
    expectRefused(
      send(drive(start(), toCheck), { type: 'case.return', by: users.curator75 }, 9),
      'invalid_payload',
    );
  });
});

describe('case.postpone: «Отметить отложенное решение»', () => {
  it('records the date and reason, frees the lock and asks for a timer at 23:59 local', () => {
    const card = drive(start(), toPostponed);
    expect(card.value).toEqual({ postponed: 'free' });
    expect(card.context.postponement).toMatchObject({
      until: '2025-03-01',
      reason: 'Ждём поставку',
    });
    expect(card.context.lock).toBeNull();
    expect(caseTimersOf(card)).toEqual([
      {
        id: 'c-1:case.postponement_due',
        messageId: 'c-1',
        fireAt: '2025-03-01T14:59:00.000Z',
        event: { type: 'case.postponement_due', until: '2025-03-01' },
      },
    ]);
    expect(caseTimersOf(drive(start(), toHeld))).toEqual([]);
  });

  it('requires a reason and a date after today in the card’s region', () => {
    const held = drive(start(), toHeld);
    const event = { type: 'case.postpone', by: executor, reason: 'Ждём' };
    expectRefused(send(held, { ...event, until: '2025-01-15' }), 'invalid_payload');
    expectRefused(send(held, { ...event, until: '2025-03-01', reason: '' }), 'invalid_payload');
    expectRefused(send(held, { type: 'case.postpone', by: executor }), 'invalid_payload');
  });

  it('returns the card to work when its date passes; a stale timer does nothing', () => {
    const card = drive(start(), toPostponed);
    const due = {
      type: 'case.postponement_due',
      by: SYSTEM_PRINCIPAL,
    };
    expectRefused(send(card, { ...due, until: '2025-02-01' }, 50 * DAY), 'invalid_payload');
    expectRefused(send(card, { ...due, by: executor, until: '2025-03-01' }, 50 * DAY), 'forbidden');
    const result = applied(send(card, { ...due, until: '2025-03-01' }, 50 * DAY));
    expect(result.snapshot.value).toEqual({ in_work: 'free' });
    expect(result.snapshot.context.postponement).toBeNull();
    expect(result.effects).toEqual([expect.objectContaining({ reason: 'case_postponement_due' })]);
  });

  it('keeps the executor’s lock if they are on the card when the date passes', () => {
    const held = reach['postponed.held']!();
    const due = {
      type: 'case.postponement_due',
      by: SYSTEM_PRINCIPAL,
    };
    const result = applied(send(held, { ...due, until: '2025-03-01' }, 50 * DAY));
    expect(result.snapshot.value).toEqual({ in_work: 'held' });
  });

  it('lets the executor take a postponed card and resolve it early or postpone it again', () => {
    const held = reach['postponed.held']!();
    const resolved = applied(
      send(held, { type: 'case.resolve', by: executor, description: 'Школа построена' }, 9),
    );
    expect(resolved.status).toBe('curator_check');
    expect(resolved.snapshot.context.postponement).toBeNull();
    const again = applied(
      send(
        held,
        { type: 'case.postpone', by: executor, until: '2025-06-01', reason: 'Перенос сроков' },
        9,
      ),
    );
    expect(again.snapshot.value).toEqual({ postponed: 'free' });
    expect(again.snapshot.context.postponement?.until).toBe('2025-06-01');
  });
});
