import { describe, expect, it } from 'vitest';
import { applyCaseEvent, availableCaseEvents } from '../../src/index.js';
import {
  applied,
  at,
  directory,
  drive,
  expectRefused,
  send,
  start,
  toHeld,
  toInWork,
  users,
} from './helpers.js';

const lock = { type: 'case.lock', by: users.executor75 };

describe('the card lock: «Взять в работу карточку обращения»', () => {
  it('locks the card for its executor', () => {
    const result = applied(send(drive(start(), toInWork), lock, 5));
    expect(result.snapshot.value).toEqual({ in_work: 'held' });
    expect(result.snapshot.context.lock).toEqual({ holderId: 'exec-75', since: at(5) });
    expect(result.status).toBe('in_work');
    expect(result.effects).toEqual([]);
  });

  it('refuses a second card while the executor holds one (lock_conflict)', () => {
    const other = drive(start(), toInWork);
    const result = send(other, lock, 5, { heldCardIds: ['c-2'] });
    expectRefused(result, 'lock_conflict');
    if (!result.ok && result.error.kind === 'lock_conflict') {
      expect(result.error.heldCardIds).toEqual(['c-2']);
    }
  });

  it('ignores the card itself in the facts', () => {
    const result = send(drive(start(), toInWork), lock, 5, { heldCardIds: ['c-1'] });
    expect(result.ok).toBe(true);
  });

  it('throws when the store forgets to supply the lock facts', () => {
    const card = drive(start(), toInWork);
    expect(() => applyCaseEvent(card, { ...lock, at: at(5) }, directory)).toThrow(/heldCardIds/);
  });

  it('is only the assignee’s, and only once', () => {
    const card = drive(start(), toInWork);
    expectRefused(send(card, { type: 'case.lock', by: users.executor75b }), 'forbidden');
    expectRefused(send(drive(start(), toHeld), lock, 9), 'not_allowed_in_status');
    expectRefused(send(start(), lock), 'not_allowed_in_status');
  });

  it('hides «Взять в работу» from an executor busy with another card', () => {
    const card = drive(start(), toInWork);
    expect(availableCaseEvents(card, users.executor75, directory)).toContain('case.lock');
    expect(
      availableCaseEvents(card, users.executor75, directory, { heldCardIds: ['c-9'] }),
    ).not.toContain('case.lock');
  });

  it('gates every work button behind the lock', () => {
    const free = drive(start(), toInWork);
    for (const type of [
      'case.resolve',
      'case.postpone',
      'case.close_request',
      'case.rereview_request',
      'case.support_request',
      'case.federal_level',
      'case.contact_attempt',
      'case.release',
    ]) {
      expect(availableCaseEvents(free, users.executor75, directory)).not.toContain(type);
    }
    const held = drive(start(), toHeld);
    expect(availableCaseEvents(held, users.executor75, directory)).toEqual(
      expect.arrayContaining(['case.resolve', 'case.release', 'case.federal_level']),
    );
    expectRefused(
      send(free, { type: 'case.resolve', by: users.executor75, description: 'Готово' }),
      'not_allowed_in_status',
    );
  });
});

describe('case.release: «Завершить работу над карточкой»', () => {
  it('frees the lock; the status stays', () => {
    const result = applied(
      send(drive(start(), toHeld), { type: 'case.release', by: users.executor75 }, 9),
    );
    expect(result.snapshot.value).toEqual({ in_work: 'free' });
    expect(result.snapshot.context.lock).toBeNull();
    expect(result.effects).toEqual([]);
  });

  it('lets a supervisor free a forgotten lock, telling the executor', () => {
    const held = drive(start(), toHeld);
    const result = applied(send(held, { type: 'case.release', by: users.supervisor75 }, 9));
    expect(result.snapshot.context.lock).toBeNull();
    expect(result.effects).toEqual([
      expect.objectContaining({
        reason: 'case_lock_released',
        to: { kind: 'user', userId: 'exec-75' },
      }),
    ]);
  });

  it('is nobody else’s', () => {
    const held = drive(start(), toHeld);
    for (const by of [users.executor75b, users.curator75, users.supervisor51]) {
      expectRefused(send(held, { type: 'case.release', by }, 9), 'forbidden');
    }
  });
});
