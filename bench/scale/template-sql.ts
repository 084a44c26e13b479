/**
 * One statement per template and id range: the generated rows `g` (ids, organisations,
 * people, texts, instants) and, from them, the messages, their history, timers, timer log
 * and outbox, all inserted by data-modifying CTEs of that statement.
 */
import { regionTimeZone } from '@reshaem/core';
import { INSTITUTIONS } from './scale-world.js';
import type { Row, Template } from './templates.js';
import { instantAfter, lit, TemplateSql } from './tokens.js';

const instantColumns = new Set([
  'created_at',
  'updated_at',
  'registered_at',
  'response_due_at',
  'response_due_sort',
  'at',
  'fire_at',
  'available_at',
  'due_at',
]);
const jsonColumns = new Set(['snapshot', 'record', 'timer', 'effect']);
/** Identity columns the database numbers. */
const skipped = new Set(['outbox.id', 'timer_log.id']);

export const phrases = [
  'Глубокая яма на проезжей части у дома',
  'Не убран снег во дворе',
  'Очередь в поликлинике на три недели',
  'Плохое питание в школе',
  'Не работает уличное освещение',
  'Разбитая дорога на улице',
  'Мусор не вывозят неделю',
  'Нет горячей воды в доме',
  'Сломана детская площадка',
  'Не ходит автобус по расписанию',
];
const surnames = ['Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Петров', 'Соколов'];
const given = ['Иван Иванович', 'Пётр Сергеевич', 'Алексей Андреевич', 'Дмитрий Олегович'];
export const names = surnames.flatMap((s) => given.map((g) => `${s} ${g}`));
const regionCount = 79;
const zones = Array.from({ length: regionCount }, (_, r) =>
  regionTimeZone(String(r + 1).padStart(2, '0')),
);
const array = (items: string[]) => `ARRAY[${items.map(lit).join(', ')}]`;

/** An expression for a column's template value. */
function valueExpr(ts: TemplateSql, table: string, column: string, value: unknown, row: Row) {
  if (table === 'outbox') {
    // Delivered long ago: a consumer has done every entry.
    if (column === 'state') return "'done'";
    if (column === 'attempts') return '1';
    if (column === 'locked_by' || column === 'last_error') return 'NULL';
    if (column === 'available_at' || column === 'created_at')
      return instantAfter(Number(row.due_at));
  }
  if (instantColumns.has(column)) {
    if (typeof value === 'number') return instantAfter(value);
    return value === null ? 'NULL' : `${lit(String(value))}::timestamptz`;
  }
  if (jsonColumns.has(column)) return ts.json(value);
  if (typeof value === 'string') return ts.text(value);
  if (value === null) return 'NULL';
  if (typeof value === 'object') return `${lit(JSON.stringify(value))}::jsonb`;
  return String(value);
}

/**
 * Done outbox entries older than this are gone: a deployment deletes or archives them
 * (docs/sql.md, «Outbox»), so only the last month's are kept.
 */
const outboxKept = "interval '30 days'";

function insertRows(ts: TemplateSql, table: string, rows: Row[], refNow: string): string | null {
  const first = rows[0];
  if (!first) return null;
  const columns = Object.keys(first).filter((c) => !skipped.has(`${table}.${c}`));
  const selects = rows.map((row) => {
    const values = columns.map((c) => valueExpr(ts, table, c, row[c], row)).join(', ');
    const kept =
      table === 'outbox'
        ? ` WHERE ${instantAfter(Number(row.due_at))} > timestamptz ${lit(refNow)} - ${outboxKept}`
        : '';
    return `SELECT ${values} FROM g${kept}`;
  });
  return `INSERT INTO ${table} (${columns.join(', ')}) ${selects.join(' UNION ALL ')}`;
}

/**
 * The statement that writes template `t`'s copies among ids `$1..$2`: rows whose pick
 * falls in `[lo, hi)` of `scale` (the weights' sum) copy this template.
 */
export function templateStatement(
  t: Template,
  lo: number,
  hi: number,
  scale: number,
  refNow: string,
) {
  const ts = new TemplateSql(t);
  const fast = t.life.topic === 'fast';
  const topics = fast
    ? [
        ['roads', 'potholes', 'pothole-street'],
        ['roads', 'potholes', 'pothole-yard'],
      ]
    : [
        ['health', 'clinic-queue', null],
        ['roads', 'road-repair', null],
      ];
  const parts = [
    insertRows(ts, 'messages', [t.message], refNow),
    insertRows(ts, 'message_history', t.history, refNow),
    insertRows(ts, 'timers', t.timers, refNow),
    insertRows(ts, 'timer_log', t.timerLog, refNow),
    insertRows(ts, 'outbox', t.outbox, refNow),
  ].filter((s): s is string => s !== null);
  const last = parts.pop();
  const ctes = parts.map((p, n) => `w${n} AS (${p})`);
  const lower = (xs: string[]) => array(xs.map((x) => x.toLocaleLowerCase('ru')));
  return `WITH s AS (
      SELECT i, (hashint8extended(i, 1) & 1048575) % ${scale} AS pick,
        (hashint8extended(i, 2) & 1048575) / 1048576.0 AS u,
        (hashint8extended(i, 3) & 1048575) / 1048576.0 AS u2,
        (hashint8extended(i, 4) & 1048575) AS h
      FROM generate_series($1::bigint, $2::bigint) AS i
    ), g0 AS (
      SELECT i, h, 1 + floor(${regionCount} * power(u2, 1.6))::int AS r,
        timestamptz ${lit(refNow)} - interval '1 millisecond' * (${t.observeMs} + floor(u * ${t.slackMs})) AS created
      FROM s WHERE pick >= ${lo} AND pick < ${hi}
    ), g1 AS (
      SELECT i, h, created, lpad(r::text, 2, '0') AS rc, (${array(zones)})[r] AS tz,
        'r' || lpad(r::text, 2, '0') AS reg, 'r' || lpad(r::text, 2, '0') || '-m' || (h % 10) AS min
      FROM g0
    ), g AS MATERIALIZED (
      SELECT i, created, rc, tz, reg, min, min || '-s' || (h / 10 % ${INSTITUTIONS}) AS inst,
        'm' || lpad(i::text, 8, '0') AS id,
        rc || '-' || to_char(created AT TIME ZONE tz, 'YYMMDD') || '-' || lpad(i::text, 4, '0') AS number,
        'app-' || (h / 100 % 200000) AS applicant,
        (${array(names)})[1 + h % ${names.length}] AS name,
        (${lower(names)})[1 + h % ${names.length}] AS name_lower,
        (${array(phrases)})[1 + i % ${phrases.length}] || ' № ' || i AS text,
        (${lower(phrases)})[1 + i % ${phrases.length}] || ' № ' || i AS text_lower,
        CASE WHEN h % 100 < 40 THEN 'epgu_form' WHEN h % 100 < 62 THEN 'mobile_app'
          WHEN h % 100 < 73 THEN 'org_widget' WHEN h % 100 < 89 THEN 'epgu_widget'
          ELSE 'reshaem_app' END AS channel,
        CASE WHEN h % 3 = 0 THEN ${lit(topics[1]?.[0] ?? '')} ELSE ${lit(topics[0]?.[0] ?? '')} END AS category,
        CASE WHEN h % 3 = 0 THEN ${lit(topics[1]?.[1] ?? '')} ELSE ${lit(topics[0]?.[1] ?? '')} END AS subcategory,
        ${fast ? "CASE WHEN h % 3 = 0 THEN 'pothole-yard' ELSE 'pothole-street' END" : 'NULL::text'} AS fact
      FROM g1
    ), ${ctes.join(', ')}
    ${last}`;
}
