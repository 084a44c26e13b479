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
import { type RollupChange, shardOf } from './folder-rollups.js';

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
  /** The platform-wide scopes' changes that go with `counts` (`folder_rollups`). */
  rollups: RollupChange[];
  /** The message's summary row for the indicators (`message_indicators`). */
  facts?: MessageFacts;
  idempotency?: { principalId: string; key: string; fingerprint: string; result: StoreWritten };
  /**
   * A submit numbered by the statement itself: it takes the region's counter, and the
   * number replaces `placeholder` in the snapshot's `context.number`, the `number` column
   * and the idempotency key's result (where the caller made sure it stands nowhere else).
   */
  numbering?: SqlNumbering;
}

/** What a statement that numbers its submit needs (see `storeNumbered`). */
export interface SqlNumbering {
  regionCode: string;
  /** The number up to its counter, e.g. `'41-250115-'`. */
  prefix: string;
  /** What the rules were given as the number. */
  placeholder: string;
}

/** The number the statement took, as a value of its own parts. */
const TAKEN = '(SELECT number FROM n)';

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

/**
 * The region's counter, taken by the statement (`012-message-numbers`): the row lock makes
 * concurrent submits of one region wait for each other until the statement commits, and a
 * statement that fails gives the number back. Padded as `messageNumber` pads it.
 */
function numberPart(numbering: SqlNumbering, p: Params): string {
  return `n AS (INSERT INTO message_counters (region_code, last_value) VALUES (${p.add(numbering.regionCode)}::text, 1)
    ON CONFLICT (region_code) DO UPDATE SET last_value = message_counters.last_value + 1
    RETURNING ${p.add(numbering.prefix)}::text || CASE WHEN last_value < 10000
      THEN lpad(last_value::text, 4, '0') ELSE last_value::text END AS number)`;
}

function messagePart(plan: WritePlan, p: Params): string {
  const values: Record<string, string> = { version: p.add(plan.version) };
  for (const [name, value] of Object.entries(plan.columns)) {
    values[name] = plan.numbering && name === 'number' ? TAKEN : p.add(value);
  }
  values.snapshot = p.json(plan.snapshot);
  if (plan.numbering) {
    values.snapshot = `jsonb_set(${values.snapshot}, '{context,number}', to_jsonb(${TAKEN}))`;
  }
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

/** The write's `folder_counts` changes as a VALUES list (h, r, o, f, d), for `c` and `t`. */
function countValues(plan: WritePlan, p: Params): string {
  const rows = plan.counts.map(
    ({ key, delta }) =>
      `(${p.add(key.holdingOrgId)}::text, ${p.add(key.receivedOrgId)}::text, ` +
      `${p.add(key.operatorEntered)}::boolean, ${p.add(key.folder)}::text, ${p.add(delta)}::bigint)`,
  );
  return `(VALUES ${rows.join(', ')}) AS v (h, r, o, f, d)`;
}

function countPart(values: string): string {
  return `c AS (INSERT INTO folder_counts AS fc
      (holding_org_id, received_org_id, operator_entered, folder, n)
    SELECT v.h, v.r, v.o, v.f, v.d FROM m, ${values}
    ON CONFLICT (holding_org_id, received_org_id, operator_entered, folder)
    DO UPDATE SET n = fc.n + excluded.n)`;
}

/**
 * The tree roll-ups' changes (`018-tree-rollups`): each count change added to the rows of
 * its holding organisation's tree and its receiving organisation's tree, looked up in
 * `tree_roots` by the statement itself (so every process adds to the rows the database's
 * tree says, whatever directory it runs with), netted per row and taken in row order, so
 * that concurrent writers lock the rows in one order.
 */
function treeRollupPart(plan: WritePlan, values: string, p: Params): string {
  return `t AS (INSERT INTO tree_rollups AS tu (side, root_org_id, shard, folder, n)
    SELECT x.side, x.root, ${p.add(shardOf(plan.messageId))}::smallint, x.folder, sum(x.d)
    FROM m, (
      SELECT 'holding' AS side, tt.root_org_id AS root, v.f AS folder, v.d AS d
        FROM ${values} JOIN tree_roots tt ON tt.org_id = v.h
      UNION ALL
      SELECT 'received', tt.root_org_id, v.f, v.d
        FROM ${values} JOIN tree_roots tt ON tt.org_id = v.r
    ) AS x
    GROUP BY x.side, x.root, x.folder HAVING sum(x.d) <> 0
    ORDER BY x.side, x.root, x.folder
    ON CONFLICT (side, root_org_id, shard, folder) DO UPDATE SET n = tu.n + excluded.n)`;
}

function rollupPart(plan: WritePlan, p: Params): string {
  const rows = plan.rollups.map(
    ({ scope, shard, folder, delta }) =>
      `(${p.add(scope)}::text, ${p.add(shard)}::smallint, ${p.add(folder)}::text, ${p.add(delta)}::bigint)`,
  );
  return `r AS (INSERT INTO folder_rollups AS fr (scope, shard, folder, n)
    SELECT v.s, v.h, v.f, v.d FROM m, (VALUES ${rows.join(', ')}) AS v (s, h, f, d)
    ON CONFLICT (scope, shard, folder) DO UPDATE SET n = fr.n + excluded.n)`;
}

function idempotencyPart(plan: WritePlan, p: Params): string {
  const key = plan.idempotency as NonNullable<WritePlan['idempotency']>;
  let result = `${p.add(JSON.stringify(key.result))}::text`;
  if (plan.numbering) {
    const placeholder = p.add(JSON.stringify(plan.numbering.placeholder));
    result = `replace(${result}, ${placeholder}::text, to_json(${TAKEN})::text)`;
  }
  return `i AS (INSERT INTO idempotency_keys (principal_id, key, fingerprint, result_text)
    SELECT ${p.add(key.principalId)}::text, ${p.add(key.key)}::text, ${p.add(key.fingerprint)}::text,
      ${result} FROM m)`;
}

/**
 * One statement that stores a whole write: the message (inserted, or updated only if it
 * is still at the version the write was computed from), its history record, outbox
 * entries, timer changes (with the timer log's lines), folder counts with their platform-wide
 * and tree roll-ups, and idempotency key. Every part reads from `m`, so when
 * the version check fails nothing at all is written; the statement returns how many
 * messages it wrote (0 or 1).
 *
 * A numbered submit (`numbering`) takes its number in the same statement, so a submit is
 * one round trip like any other write.
 *
 * Assembled as text rather than with Kysely's `sql` tag: this is the hot path, and
 * compiling its ~50 parameters through Kysely's query tree cost more per write than the
 * rest of the adapter's own work together.
 */
export function writeStatement(
  plan: WritePlan,
): CompiledQuery<{ written: number; number?: string }> {
  const p = new Params();
  const parts = plan.numbering ? [numberPart(plan.numbering, p)] : [];
  parts.push(messagePart(plan, p));
  const version = `${p.add(plan.version)}::integer`;
  const at = `${p.add(plan.record.at)}::timestamptz`;
  parts.push(historyPart(plan, p, version, at));
  if (plan.effects.length > 0) parts.push(outboxPart(plan, p, version, at));
  parts.push(...timerParts(plan, p, version, at));
  if (plan.counts.length > 0) {
    const values = countValues(plan, p);
    parts.push(countPart(values), treeRollupPart(plan, values, p));
  }
  if (plan.rollups.length > 0) parts.push(rollupPart(plan, p));
  if (plan.idempotency) parts.push(idempotencyPart(plan, p));
  if (plan.facts) parts.push(indicatorFactsPart(plan.facts, (value) => p.add(value)));
  const taken = plan.numbering ? `, ${TAKEN} AS number` : '';
  const text = `${HOT}WITH ${parts.join(',\n')}\nSELECT count(*)::integer AS written${taken} FROM m`;
  return CompiledQuery.raw(text, p.values) as CompiledQuery<{ written: number; number?: string }>;
}
