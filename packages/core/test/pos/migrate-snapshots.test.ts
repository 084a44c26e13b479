import { describe, expect, it } from 'vitest';
import {
  createMemoryStore,
  hasSnapshotVersions,
  type MessageWorkflow,
  migrateSnapshots,
  posWorkflow,
} from '../../src/index.js';
import { at, directory, operatorSubmit, users } from '../helpers.js';
import { posWorkflowV2, priorityOf, stampedUnknown } from './migration-v2-workflow.js';
import { release } from './versions/release.js';

/*
 * The batch migration on the memory store (the SQL stores run it in
 * packages/adapters-sql/test): paging, the history line, stopping and resuming, idempotence,
 * and what it refuses to do.
 */
async function storeWith(n: number, workflow: MessageWorkflow = posWorkflow) {
  const store = createMemoryStore({ directory, workflow });
  for (let i = 0; i < n; i++) {
    const id = `m-${String(i).padStart(3, '0')}`;
    expect((await store.submit(operatorSubmit({ messageId: id, number: id }))).ok).toBe(true);
  }
  return store;
}

describe('migrateSnapshots on the memory store', () => {
  it('is a capability of the memory store', () => {
    expect(hasSnapshotVersions(createMemoryStore({ directory }))).toBe(true);
    expect(hasSnapshotVersions({ get: async () => undefined })).toBe(false);
  });

  it('migrates page by page with one definition.migrate line each, then has nothing left', async () => {
    const upgrade = release(posWorkflow);
    const store = await storeWith(23, upgrade.workflow);
    const workflow = posWorkflowV2('migrate');
    upgrade.upgradeTo(workflow);
    const progress: Array<{ migrated: number; remaining: number }> = [];
    const report = await migrateSnapshots(store, workflow, {
      batchSize: 5,
      at: at(30),
      onProgress: (p) => progress.push({ migrated: p.migrated, remaining: p.remaining }),
    });
    expect(report).toEqual({ migrated: 23, skipped: 0, remaining: 0, failed: [], aborted: false });
    expect(progress.map((p) => p.migrated)).toEqual([5, 10, 15, 20, 23]);
    expect(progress.map((p) => p.remaining)).toEqual([18, 13, 8, 3, 0]);
    expect(await store.countByDefinition()).toEqual([{ workflow: 'pos', version: 2, count: 23 }]);
    const message = await store.get('m-007');
    if (!message) throw new Error('m-007 missing');
    expect(message.version).toBe(2);
    expect(priorityOf(message.snapshot)).toBe('normal');
    expect(message.status).toBe(workflow.statusOf(message.snapshot));
    const lines = await store.history('m-007');
    expect(lines.at(-1)).toMatchObject({
      type: 'definition.migrate',
      at: at(30),
      by: { id: 'system' },
      payload: { from: 1, to: 2 },
      version: 2,
    });
    // Idempotent: a second run finds nothing of version 1.
    const again = await migrateSnapshots(store, workflow, { at: at(31) });
    expect(again.migrated).toBe(0);
    expect((await store.history('m-007')).length).toBe(2);
    // The migrated message takes events under v2.
    const sent = await store.send('m-007', {
      type: 'registration.update',
      by: users.coordinatorUlyRoads,
      at: at(40),
      registrationNumber: 'r-1',
    });
    expect(sent.ok).toBe(true);
  });

  it('stops on its signal and a rerun continues where it stopped', async () => {
    const store = await storeWith(12);
    const workflow = posWorkflowV2('migrate');
    const stop = new AbortController();
    const first = await migrateSnapshots(store, workflow, {
      batchSize: 4,
      at: at(30),
      signal: stop.signal,
      onProgress: (p) => {
        if (p.migrated >= 4) stop.abort();
      },
    });
    expect(first).toMatchObject({ migrated: 4, remaining: 8, aborted: true });
    const second = await migrateSnapshots(store, workflow, { batchSize: 4, at: at(31) });
    expect(second).toMatchObject({ migrated: 8, remaining: 0, aborted: false });
    for (const m of (await store.listByDefinition(2, { limit: 100 })).map((m) => m.id)) {
      const lines = (await store.history(m)).filter((h) => h.type === 'definition.migrate');
      expect(lines).toHaveLength(1);
    }
  });

  it('skips a message a writer changed between read and write, and retries it in a later pass', async () => {
    const store = await storeWith(6);
    const workflow = posWorkflowV2('migrate');
    let interfered = false;
    // A writer gets in between the migration's read of m-002 and its write.
    const racing = {
      countByDefinition: () => store.countByDefinition(),
      listByDefinition: store.listByDefinition.bind(store),
      writeMigrated: async (...args: Parameters<typeof store.writeMigrated>) => {
        if (args[0].id === 'm-002' && !interfered) {
          interfered = true;
          const sent = await store.send('m-002', {
            type: 'registration.update',
            by: users.coordinatorUlyRoads,
            at: at(25),
            registrationNumber: 'r-race',
          });
          expect(sent.ok).toBe(true);
        }
        return store.writeMigrated(...args);
      },
    };
    const report = await migrateSnapshots(racing, workflow, { batchSize: 4, at: at(30) });
    expect(report).toMatchObject({ migrated: 6, skipped: 1, remaining: 0, failed: [] });
    expect((await store.history('m-002')).map((h) => [h.type, h.version])).toEqual([
      ['submit', 1],
      ['registration.update', 2],
      ['definition.migrate', 3],
    ]);
    expect((await store.get('m-002'))?.snapshot.context.registrationNumber).toBe('r-race');
  });

  it('refuses versions not declared migrate, and leaves unknown versions alone', async () => {
    const store = await storeWith(1);
    await expect(
      migrateSnapshots(store, posWorkflowV2('keep'), { at: at(30), from: [1] }),
    ).rejects.toThrow(RangeError);
    // Nothing to migrate under the release's own definition, or under keep.
    expect((await migrateSnapshots(store, posWorkflow, { at: at(30) })).migrated).toBe(0);
    expect((await migrateSnapshots(store, posWorkflowV2('keep'), { at: at(30) })).migrated).toBe(0);
    expect(await store.countByDefinition()).toEqual([{ workflow: 'pos', version: 1, count: 1 }]);
    // An unknown stamp is a typed refusal of the workflow, never a silent read.
    const stored = await store.get('m-000');
    if (!stored) throw new Error('m-000 missing');
    const upgraded = posWorkflowV2('migrate').upgrade(stampedUnknown(stored.snapshot));
    expect(upgraded.ok).toBe(false);
  });

  it('writes nothing when the message moved since it was read', async () => {
    const store = await storeWith(1);
    const workflow = posWorkflowV2('migrate');
    const stale = await store.get('m-000');
    if (!stale) throw new Error('missing');
    await store.send('m-000', {
      type: 'registration.update',
      by: users.coordinatorUlyRoads,
      at: at(10),
      registrationNumber: 'r-2',
    });
    const up = workflow.upgrade(stale.snapshot);
    if (!up.ok) throw new Error('upgrade');
    const record = {
      messageId: 'm-000',
      type: 'definition.migrate' as const,
      at: at(20),
      by: { id: 'system' },
      fromStatus: stale.status,
      toStatus: stale.status,
      holdingOrgId: stale.snapshot.context.holdingOrgId,
      payload: { from: 1, to: 2 },
    };
    const written = await store.writeMigrated(stale, up.snapshot, record);
    expect(written).toMatchObject({
      ok: false,
      error: { kind: 'version_conflict', expected: 1, actual: 2 },
    });
    expect((await store.history('m-000')).map((h) => h.type)).toEqual([
      'submit',
      'registration.update',
    ]);
  });
});
