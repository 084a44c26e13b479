import { describe, expect, it } from 'vitest';
import { applyEvent, type MessageSnapshot, messageEventTypes, statusOf } from '../../src/index.js';
import { type DemoUserHandle, demoUsers } from '../../src/testing/index.js';
import {
  at,
  directory,
  drive,
  start,
  toApproval,
  toAssigned,
  toCoordination,
  toInWork,
} from '../helpers.js';

/**
 * Who may send what, written out by hand from SPEC §2–3 as an independent oracle for the
 * permission table: message at kam-roads (Kamchatka roads ministry), executor exec-kam-roads.
 */
const expected: Record<string, Record<string, DemoUserHandle[]>> = {
  moderation: {
    'moderation.accept': ['moderator'],
    'moderation.reject': ['moderator'],
    'moderation.correct': ['moderator'],
  },
  coordination: {
    'executor.assign': ['coordinatorRoads', 'multiRoads'],
    'work.take': ['coordinatorRoads', 'multiRoads'],
    'coordination.forward': ['coordinatorRoads', 'multiRoads'],
    'coordination.return': ['coordinatorRoads', 'multiRoads'],
    'registration.update': ['coordinatorRoads', 'multiRoads', 'headRoads'],
  },
  executor_assigned: {
    'work.take': ['executorRoads'],
    'executor.reassign': ['coordinatorRoads', 'multiRoads', 'executorRoads'],
    'coordination.return': ['coordinatorRoads', 'multiRoads', 'executorRoads'],
    'registration.update': ['coordinatorRoads', 'multiRoads', 'headRoads'],
  },
  in_work: {
    'answer.submit': ['executorRoads'],
    'executor.reassign': ['coordinatorRoads', 'multiRoads', 'executorRoads'],
    'coordination.return': ['coordinatorRoads', 'multiRoads', 'executorRoads'],
    'registration.update': ['coordinatorRoads', 'multiRoads', 'headRoads'],
  },
  on_approval: {
    'answer.approve': ['headRoads'],
    'answer.return': ['headRoads'],
    'registration.update': ['coordinatorRoads', 'multiRoads', 'headRoads'],
  },
};

const reach: Record<string, () => MessageSnapshot> = {
  moderation: () => start(),
  coordination: () => drive(start(), toCoordination),
  executor_assigned: () => drive(start(), toAssigned),
  in_work: () => drive(start(), toInWork),
  on_approval: () => drive(start(), toApproval),
};

const payload: Record<string, Record<string, unknown>> = {
  'moderation.reject': { reason: 'Спам' },
  'moderation.correct': { subcategoryId: 'road-repair' },
  'executor.assign': { executorId: 'exec-kam-roads-2' },
  'executor.reassign': { executorId: 'exec-kam-roads-2' },
  'coordination.forward': { orgId: 'uly-roads' },
  'coordination.return': { comment: 'Не наше' },
  'answer.return': { comment: 'Доработать' },
  'answer.submit': { answer: { type: 'resolved', text: 'Готово' } },
  'registration.update': { registrationNumber: 'Р-1' },
};

describe('permissions: every event names who may send it, and nobody else can', () => {
  const handles = Object.keys(demoUsers) as DemoUserHandle[];
  for (const [status, events] of Object.entries(expected)) {
    for (const type of messageEventTypes) {
      const allowed = events[type];
      if (!allowed) continue;
      it(`${type} in ${status}: only ${allowed.join(', ')}`, () => {
        const snapshot = reach[status]!();
        expect(statusOf(snapshot)).toBe(status);
        const succeeded = handles.filter((h) => {
          const result = applyEvent(
            snapshot,
            { type, at: at(900), by: demoUsers[h], ...payload[type] },
            directory,
          );
          if (!result.ok)
            expect(result.error.kind, `${h}: ${result.error.message}`).toBe('forbidden');
          return result.ok;
        });
        expect(succeeded.sort()).toEqual([...allowed].sort());
      });
    }
  }

  it('refuses a principal that claims a role in another organisation', () => {
    const snapshot = drive(start(), toCoordination);
    const impostor = { id: 'x', roles: [{ role: 'coordinator' as const, orgId: 'uly-roads' }] };
    const result = applyEvent(snapshot, { type: 'work.take', at: at(5), by: impostor }, directory);
    expect(!result.ok && result.error.kind).toBe('forbidden');
  });
});
