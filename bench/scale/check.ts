/**
 * The generated rows as the store reads them: a sample of messages through `get`,
 * `history` and `list` (the holding organisation's coordinator must find it), each
 * snapshot's columns agreeing with what the store would derive from it, and a few live
 * messages taking their next event through `send`, so the snapshots are ones the core
 * accepts and moves on.
 */
import { createSqlStore, type SqlStore } from '@reshaem/adapters-sql';
import type { MessageEventInput, Principal } from '@reshaem/core';
import { sql } from 'kysely';
import { refNowPlus } from './instants.js';
import { scaleDirectory } from './scale-world.js';

const sampleSize = 200;

/**
 * History lines the SLA summary rows are derived from (migration 013's backfill reads the
 * first approval and the deadline in force before it), kept whatever `--history-lines` says.
 */
const summaryTypes = new Set(['moderation.accept', 'deadline.extension_approve', 'answer.approve']);

/** A template's history thinned to its last `keep` lines and the lines the summary reads. */
export function thinHistory<T extends { type?: unknown }>(lines: readonly T[], keep: number): T[] {
  return lines.filter((h, k) => k >= lines.length - keep || summaryTypes.has(String(h.type)));
}

/**
 * `historyLines`: the fill kept only each message's last lines and those of
 * {@link thinHistory}, so the versions are checked to end with the last `historyLines`.
 */
export async function checkSample(
  db: SqlStore['db'],
  size: number,
  log: (line: string) => void,
  historyLines?: number,
) {
  const store = await createSqlStore({ db, directory: scaleDirectory, migrate: false });
  const ids = Array.from(
    { length: sampleSize },
    (_, k) => `m${String(1 + Math.floor(((k + 0.5) / sampleSize) * size)).padStart(8, '0')}`,
  );
  const statuses = new Map<string, number>();
  let lines = 0;
  for (const id of ids) {
    const message = await store.get(id);
    if (!message) throw new Error(`${id}: not found through the store`);
    const m = message.snapshot.context;
    if (m.id !== id) throw new Error(`${id}: the snapshot names ${m.id}`);
    const history = await store.history(id);
    const versions = history.map((h) => h.version).join(',');
    const all = Array.from({ length: message.version }, (_, k) => k + 1);
    const expected = (historyLines === undefined ? all : all.slice(-historyLines)).join(',');
    const got =
      historyLines === undefined
        ? versions
        : history
            .slice(-historyLines)
            .map((h) => h.version)
            .join(',');
    if (got !== expected)
      throw new Error(`${id}: history versions ${versions}, version ${message.version}`);
    lines += history.length;
    const status = store.workflow.statusOf(message.snapshot);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    const { rows } = await sql<{ status: string; holding: string; number: string }>`
      SELECT status, holding_org_id AS holding, number FROM messages WHERE id = ${id}`.execute(db);
    const row = rows[0];
    if (row?.status !== status || row.holding !== m.holdingOrgId || row.number !== m.number) {
      throw new Error(`${id}: columns ${JSON.stringify(row)} disagree with the snapshot`);
    }
    const coordinator: Principal = {
      id: 'check',
      roles: [{ role: 'coordinator', orgId: m.holdingOrgId }],
    };
    const page = await store.list(coordinator, {
      createdFrom: m.createdAt,
      createdTo: m.createdAt,
    });
    if (!page.items.some((item) => item.id === id))
      throw new Error(`${id}: not in its coordinator's list`);
  }
  const moved = await moveLive(store, db);
  log(
    `check: ${ids.length} sampled messages read back through get, history and list ` +
      `(${(lines / ids.length).toFixed(1)} history lines each; ${[...statuses].map(([s, n]) => `${s} ${n}`).join(', ')}); ` +
      `${moved} live messages took their next event`,
  );
}

/** Sends the next event to a few live messages of each status the check knows how to move. */
async function moveLive(store: SqlStore, db: SqlStore['db']) {
  let moved = 0;
  for (const status of ['coordination', 'in_work', 'on_approval']) {
    const { rows } = await sql<{ id: string }>`SELECT id FROM messages WHERE status = ${status}
      ORDER BY id LIMIT 3`.execute(db);
    for (const { id } of rows) {
      const message = await store.get(id);
      if (!message) throw new Error(`${id}: gone`);
      const m = message.snapshot.context;
      const at = refNowPlus(60_000);
      const as = (role: Principal['roles'][number]['role'], who: string): Principal => ({
        id: who,
        roles: [{ role, orgId: m.holdingOrgId }],
      });
      const event: MessageEventInput =
        status === 'coordination'
          ? { type: 'work.take', at, by: as('coordinator', `${m.holdingOrgId}-c0`) }
          : status === 'in_work'
            ? {
                type: 'answer.submit',
                at,
                by: as('executor', m.executorId ?? ''),
                answer: { type: 'resolved', text: 'Проверка: ответ подготовлен' },
              }
            : { type: 'answer.approve', at, by: as('head', `${m.holdingOrgId}-h0`) };
      const sent = await store.send(id, event, { expectedVersion: message.version });
      if (!sent.ok)
        throw new Error(`${id} (${status}): ${event.type} refused: ${sent.error.message}`);
      moved += 1;
    }
  }
  return moved;
}
