import { describe, expect, it } from 'vitest';
import {
  type CaseEventType,
  caseAcceptsEvent,
  caseEventTypes,
  type Principal,
  SYSTEM_PRINCIPAL,
} from '../../src/index.js';
import { type OnfDemoUserHandle, onfDemoUsers } from '../../src/testing/index.js';
import { eventPayload as payload, reach, send } from './helpers.js';

type Handle = OnfDemoUserHandle | 'system';
const people: Record<Handle, Principal> = { ...onfDemoUsers, system: SYSTEM_PRINCIPAL };

/**
 * Who may send what, written out by hand from seed 003 as an independent oracle for the
 * permission table: a card of region 75 (Забайкальский край), executor exec-75 of РИК 75.
 */
const commenters: Handle[] = [
  'supervisor75',
  'multi75',
  'curator75',
  'curatorHq',
  'moderator',
  'support',
];
const withExecutor: Handle[] = [...commenters, 'executor75'];
const supervisors: Handle[] = ['supervisor75', 'multi75'];
const holder: Handle[] = ['executor75'];
const curators: Handle[] = ['curator75', 'curatorHq'];

const expected: Record<string, Partial<Record<CaseEventType, Handle[]>>> = {
  new: {
    'case.assign': supervisors,
    'case.rereview_request': supervisors,
    'case.comment': commenters,
  },
  in_work: { 'case.assign': supervisors, 'case.lock': holder, 'case.comment': withExecutor },
  'in_work.held': {
    'case.assign': supervisors,
    'case.comment': withExecutor,
    'case.release': [...holder, ...supervisors],
    'case.contact_attempt': holder,
    'case.federal_level': holder,
    'case.resolve': holder,
    'case.postpone': holder,
    'case.close_request': holder,
    'case.rereview_request': holder,
    'case.support_request': holder,
  },
  postponed: {
    'case.assign': supervisors,
    'case.lock': holder,
    'case.comment': withExecutor,
    'case.postponement_due': ['system'],
  },
  'postponed.held': {
    'case.assign': supervisors,
    'case.comment': withExecutor,
    'case.release': [...holder, ...supervisors],
    'case.contact_attempt': holder,
    'case.resolve': holder,
    'case.postpone': holder,
    'case.close_request': holder,
    'case.postponement_due': ['system'],
  },
  curator_check: { 'case.accept': curators, 'case.return': curators, 'case.comment': withExecutor },
  moderation: { 'case.rereview_fix': ['moderator'], 'case.comment': withExecutor },
  support: { 'case.support_fix': ['support'], 'case.comment': withExecutor },
  done: {},
  closed: {},
};

describe('permissions: every event names who may send it, and nobody else can', () => {
  const handles = Object.keys(people) as Handle[];
  for (const [state, events] of Object.entries(expected)) {
    it(`${state}: the oracle lists exactly the events the card takes`, () => {
      const snapshot = reach[state]!();
      const taken = caseEventTypes.filter((t) => caseAcceptsEvent(snapshot, t));
      expect(taken.sort()).toEqual(Object.keys(events).sort());
    });
    for (const [type, allowed] of Object.entries(events) as [CaseEventType, Handle[]][]) {
      it(`${type} in ${state}: only ${allowed.join(', ')}`, () => {
        const snapshot = reach[state]!();
        const succeeded = handles.filter((h) => {
          const result = send(snapshot, { type, by: people[h], ...payload[type] }, 900);
          if (!result.ok)
            expect(result.error.kind, `${h}: ${result.error.message}`).toBe('forbidden');
          return result.ok;
        });
        expect(succeeded.sort()).toEqual([...allowed].sort());
      });
    }
  }

  it('refuses a principal that claims a role in another region', () => {
    const impostor = { id: 'x', roles: [{ role: 'curator' as const, orgId: 'rik-51' }] };
    const result = send(reach.curator_check!(), { type: 'case.accept', by: impostor }, 900);
    expect(!result.ok && result.error.kind).toBe('forbidden');
  });
});
