/**
 * The baseline of bench/e2e.ts: a bare Hono route that does by hand what one event needs
 * and nothing else — no token check, no rules, no view. A submit inserts the message row
 * and its first history line; an event reads the row, checks `If-Match` against its version,
 * updates the row with a version check and inserts the history line, all in one transaction
 * of prepared statements. It answers with the new version as ETag, as the app does.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';

/** What the bare route needs of a database: statements inside one transaction. */
export interface BareDb {
  transaction<T>(
    work: (query: (name: string, text: string, values: unknown[]) => Promise<Rows>) => Promise<T>,
  ): Promise<T>;
}
export interface Rows {
  rows: Record<string, unknown>[];
  rowCount: number;
}

interface BareSnapshot {
  value: { status: string };
  context: Record<string, unknown>;
}

/** Where each event takes a message in a life (what the rules would decide). */
const NEXT: Record<string, string> = {
  'moderation.accept': 'coordination',
  'executor.assign': 'executor_assigned',
  'work.take': 'in_work',
  'answer.submit': 'on_approval',
  'answer.approve': 'answer_sent',
  'rating.submit': 'answer_sent',
};

const INSERT_MESSAGE = `INSERT INTO messages (id, version, status, folder, number, holding_org_id,
    received_org_id, channel, category_id, subcategory_id, fact_id, region_code, fast_track,
    overdue, created_at, updated_at, registered_at, search_text, snapshot)
  VALUES ($1, 1, 'moderation', 'new', $1, $2, $2, $3, $4, $5, $6, $7, false, false, $8, $8,
    '-infinity', $9, $10::jsonb)`;
const READ = 'SELECT version, status, holding_org_id, snapshot FROM messages WHERE id = $1';
const UPDATE = `UPDATE messages SET snapshot = $1::jsonb, version = $2, status = $3, updated_at = $4
  WHERE id = $5 AND version = $6`;
const HISTORY = `INSERT INTO message_history
    (message_id, version, type, at, by_id, from_status, to_status, holding_org_id, record)
  VALUES ($1, $2, $3, $4, 'bare', $5, $6, $7, $8::jsonb)`;

const answer = (body: unknown, status: number, version: number) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', etag: `"${version}"` },
  });

export function bareApp(db: BareDb): Hono {
  const app = new Hono();
  app.post('/messages', async (c) => {
    const body = (await c.req.json()) as Record<string, string>;
    const id = randomUUID();
    const at = new Date().toISOString();
    const context = { ...body, id, number: id, holdingOrgId: body.orgId, createdAt: at };
    const snapshot = { value: { status: 'moderation' }, context };
    const record = { type: 'submit', at, fromStatus: null, toStatus: 'moderation' };
    await db.transaction(async (query) => {
      await query('bare_insert_message', INSERT_MESSAGE, [
        id,
        body.orgId,
        body.channel,
        body.categoryId,
        body.subcategoryId,
        body.factId ?? null,
        body.regionCode,
        at,
        (body.text ?? '').toLowerCase(),
        JSON.stringify(snapshot),
      ]);
      await query('bare_history', HISTORY, [
        id,
        1,
        'submit',
        at,
        null,
        'moderation',
        body.orgId,
        JSON.stringify(record),
      ]);
    });
    return answer({ id, version: 1, status: 'moderation' }, 201, 1);
  });

  app.post('/messages/:id/events', async (c) => {
    const id = c.req.param('id');
    const event = (await c.req.json()) as { type: string };
    const expected = Number(/\d+/.exec(c.req.header('if-match') ?? '')?.[0]);
    const at = new Date().toISOString();
    const outcome = await db.transaction(async (query) => {
      const row = (await query('bare_read', READ, [id])).rows[0] as
        | { version: number; status: string; holding_org_id: string; snapshot: BareSnapshot }
        | undefined;
      if (!row) return 404;
      if (row.version !== expected) return 412;
      const to = NEXT[event.type] ?? row.status;
      const version = row.version + 1;
      row.snapshot.value = { status: to };
      row.snapshot.context.updatedAt = at;
      const snapshot = JSON.stringify(row.snapshot);
      const updated = await query('bare_update', UPDATE, [
        snapshot,
        version,
        to,
        at,
        id,
        row.version,
      ]);
      if (updated.rowCount !== 1) return 412;
      const record = { ...event, at, fromStatus: row.status, toStatus: to };
      await query('bare_history', HISTORY, [
        id,
        version,
        event.type,
        at,
        row.status,
        to,
        row.holding_org_id,
        JSON.stringify(record),
      ]);
      return { id, version, status: to };
    });
    if (typeof outcome === 'number') return c.json({ status: outcome }, outcome);
    return answer(outcome, 200, outcome.version);
  });
  return app;
}
