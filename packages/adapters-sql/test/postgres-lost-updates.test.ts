import type { ChildProcess } from 'node:child_process';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directory, operatorSubmit } from '../../core/test/helpers.js';
import { createSqlStore, migrate } from '../src/index.js';
import { databaseUrl, testSchema } from './databases.js';
import { bundleProcess, exited, printed, spawnProcess } from './processes/spawn.js';

/*
 * Writers as separate processes, all on the same few messages at once, with and without
 * `expectedVersion`: no accepted write may be lost or doubled, and no refused one may
 * leave anything behind.
 */
const SENDERS = 8;
const ROUNDS = 40;
const MESSAGES = 3;

type Answer =
  | { tag: string; messageId: string; guarded: boolean; ok: true; version: number }
  | { tag: string; messageId: string; guarded: boolean; ok: false; kind: string };

/** Runs one sender process to its end and returns its answers. */
async function runSender(child: ChildProcess): Promise<Answer[]> {
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  await exited(child);
  expect(child.exitCode).toBe(0);
  const lines = out.split('\n').filter((l) => l.startsWith('{'));
  return lines.map((l) => JSON.parse(l) as Answer);
}

describe.skipIf(!databaseUrl)('PostgreSQL: concurrent writers in separate processes', () => {
  let schema: Awaited<ReturnType<typeof testSchema>>;
  const children: ChildProcess[] = [];
  let bundle: string;
  beforeAll(async () => {
    bundle = await bundleProcess('sender');
    schema = await testSchema('lost');
    await migrate(schema.connect(1));
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await Promise.all(children.map(exited));
    await schema?.drop();
  });

  it('lose no update: version = 1 + accepted events, one history line each, refusals leave nothing', async () => {
    const db = schema.connect(2);
    const store = await createSqlStore({ directory, db });
    const ids = Array.from({ length: MESSAGES }, (_, i) => `m-l${i}`);
    for (const id of ids) {
      expect((await store.submit(operatorSubmit({ messageId: id, number: id }))).ok).toBe(true);
    }
    const senders = Array.from({ length: SENDERS }, (_, i) =>
      spawnProcess(bundle, {
        DATABASE_URL: databaseUrl ?? '',
        SCHEMA: schema.schema,
        SENDER: `s${i}`,
        MESSAGE_IDS: ids.join(','),
        ROUNDS: String(ROUNDS),
      }),
    );
    children.push(...senders);
    // The answers are read from the start; writing begins once every process is up.
    const answered = senders.map(runSender);
    await Promise.all(senders.map((child) => printed(child, 'ready')));
    const began = Date.now();
    const answers = (await Promise.all(answered)).flat();
    const duration = Date.now() - began;
    expect(answers).toHaveLength(SENDERS * ROUNDS);

    const accepted = answers.filter((a) => a.ok);
    const refused = answers.filter((a) => !a.ok);
    const kinds = new Map<string, number>();
    for (const a of refused) kinds.set(a.kind, (kinds.get(a.kind) ?? 0) + 1);
    // Every refusal is typed: a version conflict of a guarded write, or the workflow's.
    expect(
      [...kinds.keys()].every((k) =>
        ['version_conflict', 'not_allowed_in_status', 'forbidden'].includes(k),
      ),
    ).toBe(true);
    expect(refused.filter((a) => a.kind === 'version_conflict').every((a) => a.guarded)).toBe(true);

    const { rows: history } = await sql<{
      message_id: string;
      version: number;
      tag: string | null;
    }>`
      SELECT message_id, version, record -> 'payload' ->> 'registrationNumber' AS tag
      FROM message_history ORDER BY message_id, version`.execute(db);
    const { rows: outbox } = await sql<{ message_id: string; version: number }>`
      SELECT message_id, version FROM outbox`.execute(db);
    let gaps = 0;
    for (const id of ids) {
      const message = await store.get(id);
      const mine = accepted.filter((a) => a.messageId === id);
      const lines = history.filter((h) => h.message_id === id);
      expect(message?.version).toBe(1 + mine.length);
      expect(lines).toHaveLength(message?.version ?? -1);
      if (lines.some((h, i) => h.version !== i + 1)) gaps += 1;
      // Each accepted write is the history line at the version it was told.
      const byVersion = new Map(lines.map((h) => [h.version, h.tag]));
      for (const a of mine) expect(byVersion.get(a.version)).toBe(a.tag);
      // Outbox entries only for versions that exist.
      const versions = new Set(lines.map((h) => h.version));
      expect(outbox.filter((o) => o.message_id === id).every((o) => versions.has(o.version))).toBe(
        true,
      );
    }
    expect(gaps).toBe(0);
    const tags = new Set(history.map((h) => h.tag));
    const traced = refused.filter((a) => tags.has(a.tag));
    expect(traced).toEqual([]);
    console.log(
      `lost updates: ${SENDERS} processes × ${ROUNDS} events on ${MESSAGES} messages in ${duration} ms: ` +
        `${accepted.length} accepted (${accepted.filter((a) => a.guarded).length} with expectedVersion), ` +
        `${refused.length} refused (${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')}); ` +
        `versions ${ids.map((id) => history.filter((h) => h.message_id === id).length).join('/')}, gaps ${gaps}, refusals traced ${traced.length}`,
    );
    expect(refused.some((a) => a.kind === 'version_conflict')).toBe(true);
  });
});
