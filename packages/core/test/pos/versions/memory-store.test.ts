import { describe, expect, it } from 'vitest';
import { createMemoryStore, posWorkflow } from '../../../src/index.js';
import { at, directory, potholeSubmit, toApproval, toInWork, users } from '../../helpers.js';
import { keepingV1, migratingV1, retiringV1 } from './message-v2.js';
import { release } from './release.js';

type Store = ReturnType<typeof createMemoryStore>;

async function drive(store: Store, id: string, steps: Array<Record<string, unknown>>, from = 1) {
  for (const [i, step] of steps.entries()) {
    const r = await store.send(id, { at: at(from + i), ...step });
    if (!r.ok) throw new Error(`${String(step.type)}: ${r.error.message}`);
  }
  const stored = await store.get(id);
  if (!stored) throw new Error(`no ${id}`);
  return stored;
}

const postponedSteps = [
  ...toInWork,
  {
    type: 'answer.submit',
    by: users.executorRoads,
    answer: { type: 'postponed', text: 'Ремонт весной', postponedUntil: '2025-05-01' },
  },
  { type: 'answer.approve', by: users.headRoads },
];
const resume = { type: 'work.take', at: '2025-05-02T00:00:00.000Z', by: users.executorRoads };
const registrationUpdate = {
  type: 'registration.update',
  at: at(60),
  by: users.coordinatorRoads,
  registrationNumber: 'REG-7',
};

/** Two v1 messages stored by the first release: one postponed, one awaiting approval. */
async function storedByRelease1() {
  const r = release(posWorkflow);
  const store = createMemoryStore({ directory, workflow: r.workflow });
  await store.submit(potholeSubmit({ messageId: 'm-post' }));
  await drive(store, 'm-post', postponedSteps);
  const fired = await store.runDueTimers({ now: '2025-04-30T12:00:00.000Z' });
  expect(fired.fired.map((f) => f.message.status)).toEqual(['postponed']);
  await store.submit(potholeSubmit({ messageId: 'm-appr' }));
  await drive(store, 'm-appr', toApproval);
  return { store, ...r };
}

describe('the memory store applies events through its workflow', () => {
  it('defaults to posWorkflow and exposes the one it was given', () => {
    expect(createMemoryStore({ directory }).workflow).toBe(posWorkflow);
    expect(createMemoryStore({ directory, workflow: migratingV1 }).workflow).toBe(migratingV1);
  });

  it('stores new messages on the current definition, stamped, in its states', async () => {
    const store = createMemoryStore({ directory, workflow: migratingV1 });
    const created = await store.submit(potholeSubmit({ messageId: 'm-2' }));
    expect(created.ok && created.message.snapshot.definition).toEqual({
      workflow: 'pos',
      version: 2,
    });
    await drive(store, 'm-2', postponedSteps);
    const run = await store.runDueTimers({ now: '2025-04-30T12:00:00.000Z' });
    const postponed = run.fired[0]?.message;
    expect(postponed?.status).toBe('postponed');
    expect(postponed?.snapshot.value).toMatchObject({ status: 'resuming' });
  });

  it('keep: v1 messages in flight finish on v1 after the upgrade', async () => {
    const { store, upgradeTo } = await storedByRelease1();
    upgradeTo(keepingV1);
    const updated = await store.send('m-appr', registrationUpdate);
    expect(updated.ok && updated.message.snapshot.definition).toBeUndefined();
    const resumed = await store.send('m-post', resume);
    expect(resumed.ok && resumed.message.status).toBe('in_work');
    expect(resumed.ok && resumed.message.snapshot.definition).toBeUndefined();
    // New messages start on v2 beside them.
    const created = await store.submit(potholeSubmit({ messageId: 'm-new' }));
    expect(created.ok && created.message.snapshot.definition?.version).toBe(2);
  });

  it('migrate: the next write of a v1 message stores it as v2', async () => {
    const { store, upgradeTo } = await storedByRelease1();
    upgradeTo(migratingV1);
    const before = await store.get('m-post');
    expect(before?.snapshot.definition).toBeUndefined();
    const resumed = await store.send('m-post', resume, { expectedVersion: before?.version });
    expect(resumed.ok && resumed.message.status).toBe('in_work');
    expect(resumed.ok && resumed.message.snapshot.definition).toEqual({
      workflow: 'pos',
      version: 2,
    });
    // The v2 rule holds for the migrated message: nothing written.
    const refused = await store.send('m-appr', registrationUpdate);
    expect(!refused.ok && refused.error.kind).toBe('not_allowed_in_status');
    expect((await store.get('m-appr'))?.snapshot.definition).toBeUndefined();
  });

  it('retired: a v1 message is refused with unsupported_definition, nothing written', async () => {
    const { store, upgradeTo } = await storedByRelease1();
    upgradeTo(retiringV1);
    const before = await store.get('m-post');
    const history = await store.history('m-post');
    const refused = await store.send('m-post', resume);
    expect(!refused.ok && refused.error).toMatchObject({
      kind: 'unsupported_definition',
      version: 1,
      supported: [2],
    });
    expect(await store.get('m-post')).toBe(before);
    expect(await store.history('m-post')).toEqual(history);
    // Nor does a timer fire on one: its deadline timers are refused the same way.
    const run = await store.runDueTimers({ now: '2026-01-01T00:00:00.000Z' });
    expect(run.fired).toEqual([]);
    expect(run.refused.length).toBeGreaterThan(0);
    expect(new Set(run.refused.map((r) => r.error.kind))).toEqual(
      new Set(['unsupported_definition']),
    );
  });
});
