import { migrateSnapshots, posWorkflow } from '@reshaem/core';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at, directory, operatorSubmit, users } from '../../core/test/helpers.js';
import { posWorkflowV2, priorityOf } from '../../core/test/pos/migration-v2-workflow.js';
import { createSqlStore, type ReshaemDatabase } from '../src/index.js';
import { databaseUrl, migratedPglite, testSchema } from './databases.js';

/*
 * Definition versions over SQL, on PGlite and on PostgreSQL: the store applies events with
 * the workflow it is given (here a test-only v2 wrapping the real v1), writes the snapshot's
 * version into `definition_version`, counts by it, refuses what it does not know, and the
 * batch migration moves v1 rows to v2 while writers work on the same rows.
 */
const registration = (n: number | string) => ({
  type: 'registration.update',
  by: users.coordinatorUlyRoads,
  at: at(10),
  registrationNumber: `r-${n}`,
});

async function submitV1(db: Kysely<ReshaemDatabase>, ids: readonly string[]) {
  const v1 = await createSqlStore({ directory, db });
  for (const id of ids) {
    expect((await v1.submit(operatorSubmit({ messageId: id, number: id }))).ok).toBe(true);
  }
}

const columnOf = async (db: Kysely<ReshaemDatabase>, id: string) =>
  (
    await db
      .selectFrom('messages')
      .select('definition_version')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).definition_version;

const targets: Array<{
  name: string;
  skip: boolean;
  open: () => Promise<Kysely<ReshaemDatabase>>;
}> = [];
let pgSchema: Awaited<ReturnType<typeof testSchema>> | undefined;
targets.push({ name: 'PGlite', skip: false, open: migratedPglite });
targets.push({
  name: 'PostgreSQL',
  skip: !databaseUrl,
  async open() {
    pgSchema = await testSchema('versions');
    const db = pgSchema.connect(6);
    const { migrate } = await import('../src/index.js');
    await migrate(db);
    return db;
  },
});

for (const target of targets) {
  describe.skipIf(target.skip)(`definition versions on ${target.name}`, () => {
    let db: Kysely<ReshaemDatabase>;
    beforeAll(async () => {
      db = await target.open();
    });
    afterAll(async () => {
      if (target.name === 'PostgreSQL') await pgSchema?.drop();
      else await db?.destroy();
    });

    it('keep: v1 rows stay v1 and take events under v1 rules; new messages start in v2', async () => {
      await submitV1(db, ['k-1']);
      const store = await createSqlStore({ directory, db, workflow: posWorkflowV2('keep') });
      expect(store.workflow.definition).toEqual({ workflow: 'pos', version: 2 });
      const sent = await store.send('k-1', registration('k'));
      expect(sent.ok && sent.message.snapshot.definition).toBeUndefined();
      expect(await columnOf(db, 'k-1')).toBe(1);
      const created = await store.submit(operatorSubmit({ messageId: 'k-2', number: 'k-2' }));
      expect(created.ok && created.message.snapshot.definition).toEqual({
        workflow: 'pos',
        version: 2,
      });
      expect(await columnOf(db, 'k-2')).toBe(2);
      const next = await store.send('k-2', registration('k2'));
      expect(next.ok && priorityOf(next.message.snapshot)).toBe('normal');
    });

    it('migrate: an event on a v1 row writes v2, and the counts by version move', async () => {
      await submitV1(db, ['g-1', 'g-2']);
      const store = await createSqlStore({ directory, db, workflow: posWorkflowV2('migrate') });
      const before = await store.countByDefinition();
      const v1Before = before.find((c) => c.workflow === 'pos' && c.version === 1)?.count ?? 0;
      const sent = await store.send('g-1', registration('g'), { expectedVersion: 1 });
      expect(sent.ok).toBe(true);
      if (!sent.ok) return;
      expect(sent.message.version).toBe(2);
      expect(sent.message.snapshot.definition).toEqual({ workflow: 'pos', version: 2 });
      expect(priorityOf(sent.message.snapshot)).toBe('normal');
      expect(await columnOf(db, 'g-1')).toBe(2);
      expect((await store.get('g-1'))?.snapshot).toEqual(sent.message.snapshot);
      const after = await store.countByDefinition();
      expect(after.find((c) => c.workflow === 'pos' && c.version === 1)?.count).toBe(v1Before - 1);
      // The untouched one is still v1 on disk, and lists as such.
      const page = await store.listByDefinition(1, { limit: 100 });
      expect(page.map((m) => m.id)).toContain('g-2');
      expect(page.map((m) => m.id)).not.toContain('g-1');
    });

    it('refuses a snapshot of an unknown version, writing nothing', async () => {
      await submitV1(db, ['u-1']);
      await sql`UPDATE messages SET definition_version = 7,
        snapshot = jsonb_set(snapshot, '{definition}', '{"workflow":"pos","version":7}')
        WHERE id = 'u-1'`.execute(db);
      for (const workflow of [posWorkflow, posWorkflowV2('migrate')]) {
        const store = await createSqlStore({ directory, db, workflow });
        const refused = await store.send('u-1', registration('u'));
        expect(refused.ok).toBe(false);
        if (refused.ok) return;
        expect(refused.error).toMatchObject({ kind: 'unsupported_definition', version: 7 });
      }
      await expect((await createSqlStore({ directory, db })).get('u-1')).resolves.toMatchObject({
        version: 1,
      });
      const { rows } = await sql<{ n: number }>`
        SELECT count(*)::integer AS n FROM message_history WHERE message_id = 'u-1'`.execute(db);
      expect(rows[0]?.n).toBe(1);
      await sql`DELETE FROM messages WHERE id = 'u-1'`.execute(db);
    });

    it('migrates in batch while writers send events to the same rows: conflicts retried, no update lost', async () => {
      const ids = Array.from({ length: 60 }, (_, i) => `b-${String(i).padStart(3, '0')}`);
      await submitV1(db, ids);
      const workflow = posWorkflowV2('migrate');
      const store = await createSqlStore({ directory, db, workflow });
      const writerStore = await createSqlStore({ directory, db, workflow });
      const accepted = new Map<string, number>();
      let writing = true;
      const writer = async (w: number) => {
        for (let i = 0; writing; i++) {
          const id = ids[(i * 7 + w * 13) % ids.length] ?? '';
          const sent = await writerStore.send(id, registration(`${w}-${i}`));
          if (sent.ok) accepted.set(id, (accepted.get(id) ?? 0) + 1);
        }
      };
      const writers = [writer(1), writer(2), writer(3)];
      const progress: number[] = [];
      const report = await migrateSnapshots(store, workflow, {
        batchSize: 5,
        at: at(20),
        onProgress: (p) => progress.push(p.migrated),
      });
      writing = false;
      await Promise.all(writers);
      expect(report.failed).toEqual([]);
      console.info(`${target.name}: batch migration beside 3 writers`, {
        migrated: report.migrated,
        skipped: report.skipped,
        writes: [...accepted.values()].reduce((a, b) => a + b, 0),
      });
      expect(report.remaining).toBe(0);
      expect(progress.length).toBeGreaterThan(1);
      let batchLines = 0;
      for (const id of ids) {
        const message = await store.get(id);
        const history = await store.history(id);
        const migrations = history.filter((h) => h.type === 'definition.migrate');
        const sentHere = accepted.get(id) ?? 0;
        // One line per write, versions without gaps; v2 on disk with the new field.
        expect(history.map((h) => h.version)).toEqual(history.map((_, i) => i + 1));
        expect(message?.version).toBe(1 + sentHere + migrations.length);
        expect(migrations.length).toBeLessThanOrEqual(1);
        expect(message?.snapshot.definition?.version).toBe(2);
        expect(message && priorityOf(message.snapshot)).toBe('normal');
        // Migrated once: by the batch, or else by a writer's event (which upgrades on write).
        if (migrations.length === 0) expect(sentHere).toBeGreaterThan(0);
        batchLines += migrations.length;
        expect(await columnOf(db, id)).toBe(2);
        for (const line of migrations) {
          expect(line).toMatchObject({ by: { id: 'system' }, payload: { from: 1, to: 2 } });
        }
      }
      // The batch also took the earlier tests' v1 rows (k-1, g-2): one line each, too.
      const { rows } = await sql<{ n: number }>`SELECT count(*)::integer AS n FROM message_history
        WHERE type = 'definition.migrate' AND message_id NOT LIKE 'b-%'`.execute(db);
      expect(rows[0]?.n).toBe(2);
      expect(report.migrated).toBe(batchLines + 2);
      const still = await store.listByDefinition(1, { limit: 1000 });
      expect(still.filter((m) => ids.includes(m.id))).toEqual([]);
    });
  });
}
