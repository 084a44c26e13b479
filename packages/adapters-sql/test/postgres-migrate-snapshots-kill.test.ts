import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directory, operatorSubmit } from '../../core/test/helpers.js';
import { createSqlStore, migrate } from '../src/index.js';
import { databaseUrl, testSchema } from './databases.js';
import { bundleProcess, bundleScript, exited } from './processes/spawn.js';

/*
 * The batch migration as an operator runs it: the real command in a process of its own over
 * 2,000 v1 messages, killed with SIGKILL midway, then run again. Every message must end in
 * v2, migrated exactly once (one `definition.migrate` line, version 2), none lost.
 */
const MESSAGES = 2_000;

/** Collects the JSON lines a command prints; resolves `until` on the first that matches. */
function lines(child: ChildProcess) {
  const seen: Array<Record<string, unknown>> = [];
  const waiting: Array<{ test: (l: Record<string, unknown>) => boolean; done: () => void }> = [];
  let buffer = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const part of parts) {
      if (!part.startsWith('{')) continue;
      const line = JSON.parse(part) as Record<string, unknown>;
      seen.push(line);
      for (const w of waiting.filter((w) => w.test(line))) w.done();
    }
  });
  return {
    seen,
    until: (test: (l: Record<string, unknown>) => boolean) =>
      new Promise<void>((done) => waiting.push({ test, done })),
  };
}

describe.skipIf(!databaseUrl)(
  'PostgreSQL: the migration command killed with SIGKILL, then rerun',
  () => {
    let schema: Awaited<ReturnType<typeof testSchema>>;
    const children: ChildProcess[] = [];
    let command: string;
    let workflowModule: string;
    beforeAll(async () => {
      command = await bundleScript(
        fileURLToPath(new URL('../src/cli/migrate-snapshots-bin.ts', import.meta.url)),
        { name: 'migrate-snapshots' },
      );
      workflowModule = await bundleProcess('workflow-v2');
      schema = await testSchema('migkill');
      await migrate(schema.connect(1));
    });
    afterAll(async () => {
      for (const child of children) child.kill('SIGKILL');
      await Promise.all(children.map(exited));
      await schema?.drop();
    });

    const run = () => {
      const child = spawn(
        process.execPath,
        [command, '--workflow', workflowModule, '--schema', schema.schema, '--batch-size', '25'],
        {
          env: { ...process.env, DATABASE_URL: databaseUrl ?? '' },
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      children.push(child);
      return child;
    };

    it('migrates every message exactly once across the kill', async () => {
      const db = schema.connect(8);
      const store = await createSqlStore({ directory, db });
      const ids = Array.from({ length: MESSAGES }, (_, i) => `m-${String(i).padStart(5, '0')}`);
      for (let i = 0; i < ids.length; i += 40) {
        const results = await Promise.all(
          ids
            .slice(i, i + 40)
            .map((id) => store.submit(operatorSubmit({ messageId: id, number: id }))),
        );
        expect(results.every((r) => r.ok)).toBe(true);
      }
      expect(await store.countByDefinition()).toEqual([
        { workflow: 'pos', version: 1, count: MESSAGES },
      ]);

      const began = Date.now();
      const first = run();
      const out = lines(first);
      await out.until((l) => {
        const p = l.progress as { migrated: number } | undefined;
        return p !== undefined && p.migrated >= MESSAGES / 4;
      });
      first.kill('SIGKILL');
      await exited(first);
      expect(first.signalCode).toBe('SIGKILL');
      expect(out.seen.some((l) => 'done' in l)).toBe(false);
      const midway = await store.countByDefinition();
      const v2Midway = midway.find((c) => c.version === 2)?.count ?? 0;
      expect(v2Midway).toBeGreaterThanOrEqual(MESSAGES / 4);
      expect(v2Midway).toBeLessThan(MESSAGES);

      const second = run();
      const out2 = lines(second);
      await exited(second);
      expect(second.exitCode).toBe(0);
      const done = out2.seen.find((l) => 'done' in l)?.done as {
        migrated: number;
        remaining: number;
      };
      expect(done).toMatchObject({ remaining: 0, failed: [], aborted: false });
      // The rerun took exactly what the killed run had left.
      expect(done.migrated).toBe(MESSAGES - v2Midway);
      const duration = Date.now() - began;

      expect(await store.countByDefinition()).toEqual([
        { workflow: 'pos', version: 2, count: MESSAGES },
      ]);
      const { rows } = await sql<{
        id: string;
        version: number;
        stamp: number;
        lines: number;
        last: number;
      }>`
      SELECT m.id, m.version, (m.snapshot -> 'definition' ->> 'version')::integer AS stamp,
        (SELECT count(*)::integer FROM message_history h
          WHERE h.message_id = m.id AND h.type = 'definition.migrate') AS lines,
        (SELECT max(h.version) FROM message_history h WHERE h.message_id = m.id) AS last
      FROM messages m ORDER BY m.id`.execute(db);
      expect(rows).toHaveLength(MESSAGES);
      const wrong = rows.filter(
        (r) => r.version !== 2 || r.stamp !== 2 || r.lines !== 1 || r.last !== 2,
      );
      expect(wrong).toEqual([]);
      const migrated = await store.get(ids[0] ?? '');
      expect(migrated?.snapshot.context).toMatchObject({ priority: 'normal' });
      console.info('kill -9 and rerun', {
        messages: MESSAGES,
        killedAfter: v2Midway,
        durationMs: duration,
      });
    });
  },
);
