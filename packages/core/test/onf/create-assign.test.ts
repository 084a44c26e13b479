import { describe, expect, it } from 'vitest';
import { caseStatusOf, startCase } from '../../src/index.js';
import {
  applied,
  createCard,
  directory,
  drive,
  expectRefused,
  send,
  start,
  T0,
  toHeld,
  toInWork,
  users,
} from './helpers.js';

describe('case.create', () => {
  it('opens a new card and tells the region’s supervisors', () => {
    const result = applied(startCase(createCard({ labels: ['veteran', 'veteran'] }), directory));
    expect(result.status).toBe('new');
    expect(result.snapshot.value).toBe('new');
    const card = result.snapshot.context;
    expect(card).toMatchObject({ number: '340820', executorId: null, lock: null, createdAt: T0 });
    expect(card.labels).toEqual(['veteran']);
    expect(result.effects).toEqual([
      {
        type: 'notify',
        reason: 'case_received',
        to: { kind: 'staff', role: 'supervisor', regionCode: '75' },
        messageId: 'c-1',
      },
    ]);
    expect(result.record).toMatchObject({
      messageId: 'c-1',
      workflow: 'onf',
      type: 'case.create',
      fromStatus: null,
      toStatus: 'new',
      holdingOrgId: null,
    });
  });

  it('lets the call centre’s operators open cards, and nobody else but the system', () => {
    expect(startCase(createCard({ by: users.operator }), directory).ok).toBe(true);
    expectRefused(startCase(createCard({ by: users.executor75 }), directory), 'forbidden');
    expectRefused(startCase(createCard({ by: users.supervisor75 }), directory), 'forbidden');
  });

  it('requires the name, the phone and the region the seed says every card has', () => {
    const noPhone = createCard({ applicant: { name: 'Тест' } as never });
    const result = startCase(noPhone, directory);
    expectRefused(result, 'invalid_payload');
    if (!result.ok && result.error.kind === 'invalid_payload') {
      expect(result.error.issues[0]?.path).toEqual(['applicant', 'phone']);
    }
    expectRefused(startCase(createCard({ regionCode: '99' }), directory), 'invalid_payload');
  });

  it('checks the topic against the catalogue', () => {
    expectRefused(startCase(createCard({ categoryId: 'cooking' }), directory), 'invalid_payload');
    expectRefused(
      startCase(createCard({ categoryId: 'roads', subcategoryId: 'drugs' }), directory),
      'invalid_payload',
    );
    expect(startCase(createCard({ subcategoryId: null }), directory).ok).toBe(true);
  });
});

describe('case.assign', () => {
  it('puts the card in work with the executor and tells them', () => {
    const result = applied(send(start(), toInWork[0]!));
    expect(result.status).toBe('in_work');
    expect(result.snapshot.value).toEqual({ in_work: 'free' });
    expect(result.snapshot.context).toMatchObject({
      executorId: 'exec-75',
      orgId: 'rik-75',
      supervisorId: 'sup-75',
    });
    expect(result.effects).toEqual([
      {
        type: 'notify',
        reason: 'case_assigned',
        to: { kind: 'user', userId: 'exec-75' },
        messageId: 'c-1',
      },
    ]);
    expect(result.record.holdingOrgId).toBe('rik-75');
  });

  it('assigns an НКО volunteer with their organisation, and a due date', () => {
    const result = applied(
      send(start(), {
        type: 'case.assign',
        by: users.supervisor75,
        executorId: users.executorNko75.id,
        orgId: 'nko-75',
        executionDueDate: '2025-01-25',
      }),
    );
    expect(result.snapshot.context).toMatchObject({
      orgId: 'nko-75',
      executionDueDate: '2025-01-25',
    });
  });

  it('refuses executors outside the card’s region, unknown people and past due dates', () => {
    const card = start();
    const by = users.supervisor75;
    expectRefused(
      send(card, { type: 'case.assign', by, executorId: users.executor51.id }),
      'invalid_payload',
    );
    expectRefused(send(card, { type: 'case.assign', by, executorId: 'nobody' }), 'invalid_payload');
    expectRefused(
      send(card, { type: 'case.assign', by, executorId: 'exec-75', orgId: 'nko-75' }),
      'invalid_payload',
    );
    expectRefused(
      send(card, {
        type: 'case.assign',
        by,
        executorId: 'exec-75',
        executionDueDate: '2025-01-14',
      }),
      'invalid_payload',
    );
  });

  it('is the supervisor’s of the card’s region', () => {
    const event = { type: 'case.assign', executorId: users.executor75.id };
    expectRefused(send(start(), { ...event, by: users.supervisor51 }), 'forbidden');
    expectRefused(send(start(), { ...event, by: users.curator75 }), 'forbidden');
  });

  it('reassigns a card in work to another executor, freeing the lock', () => {
    const held = drive(start(), toHeld);
    const result = applied(
      send(held, { type: 'case.assign', by: users.supervisor75, executorId: 'exec-75-b' }, 9),
    );
    expect(caseStatusOf(result.snapshot)).toBe('in_work');
    expect(result.snapshot.value).toEqual({ in_work: 'free' });
    expect(result.snapshot.context).toMatchObject({ executorId: 'exec-75-b', lock: null });
    expectRefused(
      send(result.snapshot, {
        type: 'case.assign',
        by: users.supervisor75,
        executorId: 'exec-75-b',
      }),
      'invalid_payload',
    );
  });
});
