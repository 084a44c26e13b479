import { describe, expect, it } from 'vitest';
import { applyEvent, availableEvents, SYSTEM_PRINCIPAL } from '../../src/index.js';
import {
  at,
  directory,
  drive,
  expectRefused,
  potholeSubmit,
  start,
  toAssigned,
  toCoordination,
  toInWork,
  users,
} from '../helpers.js';

describe('availableEvents', () => {
  it('draws each person their own buttons', () => {
    const inWork = drive(start(), toInWork);
    expect(availableEvents(inWork, users.executorRoads, directory).sort()).toEqual([
      'answer.submit',
      'coordination.return',
      'deadline.extension_request',
      'executor.reassign',
    ]);
    expect(availableEvents(inWork, users.coordinatorRoads, directory).sort()).toEqual([
      'coordination.return',
      'deadline.extension_request',
      'executor.reassign',
      'registration.update',
    ]);
    expect(availableEvents(inWork, users.applicant, directory)).toEqual([]);
    expect(availableEvents(drive(start(), toAssigned), users.executorRoads, directory)).toContain(
      'work.take',
    );
  });
});

describe('autorule events', () => {
  it('lets the system assign for an autorule and marks the message «делегировано автоправилом»', () => {
    const coordinated = drive(start(), toCoordination);
    const result = applyEvent(
      coordinated,
      {
        type: 'executor.assign',
        at: at(10),
        by: SYSTEM_PRINCIPAL,
        executorId: users.executorRoads.id,
        autoruleId: 'rule-potholes',
      },
      directory,
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.snapshot.context.delegatedByAutorule).toEqual({
      ruleId: 'rule-potholes',
      at: at(10),
    });
    expect(result.record.by).toEqual({ id: 'system', name: 'Система' });
  });

  it('refuses an autorule id from a person', () => {
    const coordinated = drive(start(), toCoordination);
    const result = applyEvent(
      coordinated,
      {
        type: 'coordination.forward',
        at: at(10),
        by: users.coordinatorRoads,
        orgId: 'uly-roads',
        autoruleId: 'r',
      },
      directory,
    );
    expectRefused(result, 'invalid_payload');
  });
});

describe('availableEvents leaves out what cannot succeed', () => {
  it('offers no return at the top of the tree, and no decision without a request', () => {
    const atTop = drive(start(potholeSubmit({ orgId: 'kam-gov' })), toCoordination);
    expect(availableEvents(atTop, users.coordinatorGov, directory)).not.toContain(
      'coordination.return',
    );
    const atRoads = drive(start(), toCoordination);
    expect(availableEvents(atRoads, users.coordinatorRoads, directory)).toContain(
      'coordination.return',
    );
    expect(availableEvents(atRoads, users.headRoads, directory)).not.toContain(
      'deadline.extension_approve',
    );
    const asked = drive(
      atRoads,
      [
        {
          type: 'deadline.extension_request',
          by: users.coordinatorRoads,
          until: '2025-02-01',
          reason: 'Экспертиза',
        },
      ],
      10,
    );
    expect(availableEvents(asked, users.headRoads, directory)).toEqual(
      expect.arrayContaining(['deadline.extension_approve', 'deadline.extension_deny']),
    );
    expect(availableEvents(asked, users.coordinatorRoads, directory)).not.toContain(
      'deadline.extension_request',
    );
  });
});
