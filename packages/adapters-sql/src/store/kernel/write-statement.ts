import type {
  Effect,
  HistoryRecord,
  MessageFacts,
  MessageSnapshot,
  StoreWritten,
  Timer,
  TimerChanges,
} from '@reshaem/core';
import { CompiledQuery } from 'kysely';
import { HOT } from '../../prepared-pool.js';
import { indicatorFactsPart } from '../pos/indicator-facts-part.js';
import type { CountKey, MessageColumns } from './columns.js';

/** Everything one write stores, in one statement. */
export interface WritePlan {
  messageId: string;
  /** `null` inserts a new message; a number updates the one at that version. */
  previousVersion: number | null;
  version: number;
  columns: MessageColumns;
  snapshot: MessageSnapshot;
  record: HistoryRecord;
  effects: Effect[];
  /** How the write changes the message's timers. */
  timers: TimerChanges;
  /** The timer whose firing made the write, if one did. */
  fired?: Timer | undefined;
  counts: Array<{ key: CountKey; delta: number }>;
  /** The message's summary row for the indicators (`message_indicators`). */
  facts?: MessageFacts;
  idempotency?: { principalId: string; key: string; fingerprint: string; result: StoreWritten };
}

/** Collects parameters and hands out their `$n` placeholders. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
  json(value: unknown): string {
    return `${this.add(JSON.stringify(value))}::jsonb`;
  }
}

function messagePart(plan: WritePlan, p: Params): string {
  const values: Record<string, string> = { version: p.add(plan.version) };
  for (const [name, value] of Object.entries(plan.columns)) values[name] = p.add(value);
  values.snapshot = p.json(plan.snapshot);
  const names = Object.keys(values);
  if (plan.previousVersion === null) {
    return `m AS (INSERT INTO messages (id, ${names.join(', ')})
      VALUES (${p.add(plan.messageId)}, ${names.map((n) => values[n]).join(', ')}) RETURNING id)`;
  }
  return `m AS (UPDATE messages SET ${names.map((n) => `${n} = ${values[n]}`).join(', ')}
    WHERE id = ${p.add(plan.messageId)} AND version = ${p.add(plan.previousVersion)} RETURNING id)`;
}

function historyPart(plan: WritePlan, p: Params, version: string, at: string): string {
  const r = plan.record;
  return `h AS (INSERT INTO message_history
      (message_id, version, type, at, by_id, from_status, to_status, holding_org_id, record)
    SELECT m.id, ${version}, ${p.add(r.type)}::text, ${at}, ${p.add(r.by.id)}::text,
      ${p.add(r.fromStatus)}::text, ${p.add(r.toStatus)}::text, ${p.add(r.holdingOrgId)}::text,
      ${p.json(r)} FROM m)`;
}

function outboxPart(plan: WritePlan, p: Params, version: string, at: string): string {
  return `o AS (INSERT INTO outbox (message_id, version, effect, due_at, available_at)
    SELECT m.id, ${version}, e.value, ${at}, ${at}
    FROM m, jsonb_array_elements(${p.json(plan.effects)}) WITH ORDINALITY AS e (value, n)
    ORDER BY e.n)`;
}

function timerParts(plan: WritePlan, p: Params, version: string, at: string): string[] {
  const { removed, upserted } = plan.timers;
  const { fired } = plan;
  const parts: string[] = [];
  if (removed.length > 0) {
    parts.push(`td AS (DELETE FROM timers WHERE workflow = 'pos' AND message_id = (SELECT id FROM m)
      AND id = ANY (${p.add(removed)}::text[]) RETURNING id, fire_at, timer)`);
    // A removed timer that was already due, and not the one that fired, was made moot.
    parts.push(`ts AS (INSERT INTO timer_log (message_id, timer_id, fire_at, outcome, version, at, timer)
      SELECT m.id, td.id, td.fire_at, 'superseded', ${version}, ${at}, td.timer FROM m, td
      WHERE td.fire_at <= ${at} AND td.id <> ${p.add(fired?.id ?? '')}::text)`);
  }
  if (fired) {
    const fireAt = new Date(fired.fireAt).toISOString();
    const timer = { id: fired.id, messageId: plan.messageId, fireAt, event: fired.event };
    parts.push(`tf AS (INSERT INTO timer_log (message_id, timer_id, fire_at, outcome, version, at, timer)
      SELECT m.id, ${p.add(fired.id)}::text, ${p.add(fireAt)}::timestamptz, 'fired', ${version},
        ${at}, ${p.json(timer)} FROM m)`);
  }
  if (upserted.length > 0) {
    const rows = upserted.map((t) => {
      const fireAt = new Date(t.fireAt).toISOString();
      return { id: t.id, fire_at: fireAt, timer: { ...t, messageId: plan.messageId, fireAt } };
    });
    // A replaced timer starts afresh, unclaimed.
    parts.push(`tu AS (INSERT INTO timers (message_id, id, fire_at, available_at, timer)
      SELECT m.id, t.id, t.fire_at, t.fire_at, t.timer
      FROM m, jsonb_to_recordset(${p.json(rows)}) AS t (id text, fire_at timestamptz, timer jsonb)
      ON CONFLICT (workflow, message_id, id) DO UPDATE SET fire_at = excluded.fire_at,
        available_at = excluded.available_at, timer = excluded.timer, attempts = 0, locked_by = NULL)`);
  }
  return parts;
}

function countPart(plan: WritePlan, p: Params): string {
  const rows = plan.counts.map(
    ({ key, delta }) =>
      `(${p.add(key.holdingOrgId)}::text, ${p.add(key.receivedOrgId)}::text, ` +
      `${p.add(key.operatorEntered)}::boolean, ${p.add(key.folder)}::text, ${p.add(delta)}::bigint)`,
  );
  return `c AS (INSERT INTO folder_counts AS fc
      (holding_org_id, received_org_id, operator_entered, folder, n)
    SELECT v.h, v.r, v.o, v.f, v.d FROM m, (VALUES ${rows.join(', ')}) AS v (h, r, o, f, d)
    ON CONFLICT (holding_org_id, received_org_id, operator_entered, folder)
    DO UPDATE SET n = fc.n + excluded.n)`;
}

function idempotencyPart(key: NonNullable<WritePlan['idempotency']>, p: Params): string {
  return `i AS (INSERT INTO idempotency_keys (principal_id, key, fingerprint, result_text)
    SELECT ${p.add(key.principalId)}::text, ${p.add(key.key)}::text, ${p.add(key.fingerprint)}::text,
      ${p.add(JSON.stringify(key.result))}::text FROM m)`;
}

/**
 * One statement that stores a whole write: the message (inserted, or updated only if it
 * is still at the version the write was computed from), its history record, outbox
 * entries, timer changes (with the timer log's lines), folder counts and idempotency key. Every part reads from `m`, so when
 * the version check fails nothing at all is written; the statement returns how many
 * messages it wrote (0 or 1).
 *
 * Assembled as text rather than with Kysely's `sql` tag: this is the hot path, and
 * compiling its ~50 parameters through Kysely's query tree cost more per write than the
 * rest of the adapter's own work together.
 */
export function writeStatement(plan: WritePlan): CompiledQuery<{ written: number }> {
  const p = new Params();
  const parts = [messagePart(plan, p)];
  const version = `${p.add(plan.version)}::integer`;
  const at = `${p.add(plan.record.at)}::timestamptz`;
  parts.push(historyPart(plan, p, version, at));
  if (plan.effects.length > 0) parts.push(outboxPart(plan, p, version, at));
  parts.push(...timerParts(plan, p, version, at));
  if (plan.counts.length > 0) parts.push(countPart(plan, p));
  if (plan.idempotency) parts.push(idempotencyPart(plan.idempotency, p));
  if (plan.facts) parts.push(indicatorFactsPart(plan.facts, (value) => p.add(value)));
  const text = `${HOT}WITH ${parts.join(',\n')}\nSELECT count(*)::integer AS written FROM m`;
  return CompiledQuery.raw(text, p.values) as CompiledQuery<{ written: number }>;
}
