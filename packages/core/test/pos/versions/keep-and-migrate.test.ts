import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  availableEvents,
  defineMessageWorkflow,
  type MessageSnapshot,
  posWorkflow,
  WorkflowRefusal,
} from '../../../src/index.js';
import { directory, expectRefused, users } from '../../helpers.js';
import { onApprovalV1, postponedV1, registrationUpdate, resume } from './fixtures.js';
import {
  definitionV1,
  definitionV2,
  keepingV1,
  migratingV1,
  retiringV1,
  v1Migrated,
} from './message-v2.js';

const stampedV2 = { workflow: 'pos', version: 2 };

describe('a release that keeps v1', () => {
  it('applies events to a v1 snapshot on v1, which stays unstamped', () => {
    const s = onApprovalV1();
    const result = keepingV1.applyEvent(s, registrationUpdate, directory);
    expect(result).toEqual(applyEvent(s, registrationUpdate, directory));
    expect(result.ok && result.snapshot.definition).toBeUndefined();
    expect(keepingV1.availableEvents(s, users.coordinatorRoads, directory)).toContain(
      'registration.update',
    );
  });

  it('keeps a v1 postponed message in its v1 state', () => {
    const s = postponedV1();
    expect(keepingV1.upgrade(s)).toEqual({ ok: true, snapshot: s, from: 1, migrated: false });
    const resumed = keepingV1.applyEvent(s, resume, directory);
    expect(resumed.ok && resumed.status).toBe('in_work');
  });

  it('starts new messages on v2, whose rules apply to them', () => {
    const started = keepingV1.startMessage({ ...potholeLike(), messageId: 'm-v2' }, directory);
    if (!started.ok) throw new Error(started.error.message);
    expect(started.snapshot.definition).toEqual(stampedV2);
    expect(keepingV1.definition).toEqual(stampedV2);
    expect(keepingV1.known).toEqual([
      { version: 1, policy: 'keep' },
      { version: 2, policy: 'current' },
    ]);
  });
});

describe('a release that migrates v1', () => {
  it('migrates a v1 snapshot on read: the renamed state, the v2 stamp, the same status', () => {
    const s = postponedV1();
    const up = migratingV1.upgrade(s);
    if (!up.ok) throw new Error(up.error.message);
    expect(up).toMatchObject({ from: 1, migrated: true });
    expect(up.snapshot.value).toMatchObject({ status: 'resuming' });
    expect(up.snapshot.definition).toEqual(stampedV2);
    expect(migratingV1.statusOf(s)).toBe('postponed');
    // The input is never touched.
    expect(s.value).toMatchObject({ status: 'postponed' });
    expect(s.definition).toBeUndefined();
  });

  it('applies an unchanged event as v1 would, the result a v2 snapshot', () => {
    const s = postponedV1();
    const v1 = applyEvent(s, resume, directory);
    const v2 = migratingV1.applyEvent(s, resume, directory);
    if (!v1.ok || !v2.ok) throw new Error('refused');
    expect(v2.status).toBe(v1.status);
    expect(v2.effects).toEqual(v1.effects);
    expect(v2.record).toEqual(v1.record);
    expect(v2.snapshot).toEqual({ ...v1.snapshot, definition: stampedV2 });
  });

  it('applies the v2 rule to a changed event: registration.update refused on approval', () => {
    const s = onApprovalV1();
    expect(applyEvent(s, registrationUpdate, directory).ok).toBe(true);
    expectRefused(
      migratingV1.applyEvent(s, registrationUpdate, directory),
      'not_allowed_in_status',
    );
    expect(migratingV1.availableEvents(s, users.coordinatorRoads, directory)).not.toContain(
      'registration.update',
    );
    expect(migratingV1.unchangedBy(1)).not.toContain('registration.update');
    expect(migratingV1.unchangedBy(1)).toContain('work.take');
  });

  it('composes migrations: v1 → v2 → v3', () => {
    const definitionV3 = { ...definitionV2, version: 3 };
    const chained = defineMessageWorkflow({
      current: definitionV3,
      older: [
        v1Migrated,
        { policy: 'migrate', version: 2, migrate: (snapshot: MessageSnapshot) => snapshot },
      ],
    });
    const up = chained.upgrade(postponedV1());
    expect(up.ok && up.snapshot.definition).toEqual({ workflow: 'pos', version: 3 });
    expect(up.ok && up.snapshot.value).toMatchObject({ status: 'resuming' });
    const resumed = chained.applyEvent(postponedV1(), resume, directory);
    expect(resumed.ok && resumed.snapshot.definition).toEqual({ workflow: 'pos', version: 3 });
  });
});

describe('unknown and retired versions', () => {
  const stamped = (version: number): MessageSnapshot => ({
    ...onApprovalV1(),
    definition: { workflow: 'pos', version },
  });

  it('refuses a snapshot of an unknown version, never misreading it', () => {
    for (const workflow of [posWorkflow, keepingV1, migratingV1]) {
      const result = workflow.applyEvent(stamped(7), registrationUpdate, directory);
      expectRefused(result, 'unsupported_definition');
      expect(!result.ok && result.error).toMatchObject({ workflow: 'pos', version: 7 });
      expect(workflow.availableEvents(stamped(7), users.coordinatorRoads, directory)).toEqual([]);
      expect(workflow.acceptsEvent(stamped(7), 'registration.update')).toBe(false);
      expect(() => workflow.statusOf(stamped(7))).toThrow(WorkflowRefusal);
    }
    // The first release does not know v2 either.
    expectRefused(
      posWorkflow.applyEvent(stamped(2), registrationUpdate, directory),
      'unsupported_definition',
    );
  });

  it('refuses a snapshot of a retired version, naming what is supported', () => {
    const result = retiringV1.applyEvent(onApprovalV1(), registrationUpdate, directory);
    expectRefused(result, 'unsupported_definition');
    expect(!result.ok && result.error).toMatchObject({ version: 1, supported: [2] });
    expect(!result.ok && result.error.message).toContain('выведена из употребления');
    expect(retiringV1.upgrade(onApprovalV1()).ok).toBe(false);
  });

  it('throws at definition time on inconsistent declarations', () => {
    expect(() =>
      defineMessageWorkflow({ current: definitionV2, older: [{ policy: 'retired', version: 2 }] }),
    ).toThrow(/not older/);
    expect(() =>
      defineMessageWorkflow({
        current: { ...definitionV2, version: 3 },
        older: [v1Migrated],
      }),
    ).toThrow(/migrates to 2/);
    expect(() =>
      defineMessageWorkflow({
        current: definitionV2,
        older: [
          { policy: 'keep', definition: definitionV1 },
          { policy: 'retired', version: 1 },
        ],
      }),
    ).toThrow(/declared twice/);
  });
});

describe('the first release as the factory makes it', () => {
  it('posWorkflow is v1 with nothing older, and applies as the module functions do', () => {
    expect(posWorkflow.definition).toEqual({ workflow: 'pos', version: 1 });
    expect(posWorkflow.known).toEqual([{ version: 1, policy: 'current' }]);
    const s = onApprovalV1();
    expect(posWorkflow.applyEvent(s, registrationUpdate, directory)).toEqual(
      applyEvent(s, registrationUpdate, directory),
    );
    expect(posWorkflow.availableEvents(s, users.headRoads, directory)).toEqual(
      availableEvents(s, users.headRoads, directory),
    );
  });
});

function potholeLike() {
  return {
    type: 'submit',
    at: '2025-01-15T11:18:00.000Z',
    by: users.applicant,
    number: '41-2',
    channel: 'epgu_form',
    orgId: 'kam-roads',
    regionCode: '41',
    applicant: { name: 'Иванов И. И.' },
    text: 'Яма на дороге',
    categoryId: 'roads',
    subcategoryId: 'potholes',
  };
}
