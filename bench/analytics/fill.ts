import { findRegion } from '@reshaem/core';
import { type Kysely, sql } from 'kysely';
import { log, orgIds, regionCodes } from '../sql/world.js';

const zones = regionCodes.map((code) => findRegion(code)?.timeZone ?? 'Europe/Moscow');

/**
 * Fills `messages` and `message_history` with `total` messages received over 2025 in a
 * national shape, by SQL on the server (deterministic pseudo-random numbers from each
 * message's ordinal): 6 % phoned in, 20 % fast-track, 5 % rejected, the newest fifth still
 * open, 8 % answered late, 4 % extended, 60 % of the answers rated (1 in 10 low, sent to
 * re-review and rated again), 15 % routed by an autorule. A snapshot carries the fields the
 * indicators read; the history, the lines they read (submit, registration, extension,
 * approval). The summary rows are then made by migration 013's own backfill.
 */
export async function fillAnalytics(db: Kysely<never>, total: number): Promise<void> {
  await sql`DROP TABLE IF EXISTS bench_base`.execute(db);
  await sql`CREATE UNLOGGED TABLE bench_base AS
    WITH g AS (
      SELECT i,
        ((i::bigint * 2654435761) % 1000003)::float8 / 1000003 AS r1,
        ((i::bigint * 40503 + 7) % 999983)::float8 / 999983 AS r2,
        ((i::bigint * 69069 + 12345) % 1000033)::float8 / 1000033 AS r3,
        ((i::bigint * 1103515245 + 12345) % 1000037)::float8 / 1000037 AS r4,
        ((i::bigint * 22695477 + 1) % 999979)::float8 / 999979 AS r5,
        (${orgIds}::text[])[1 + (i::bigint * 7919) % ${orgIds.length}] AS org,
        timestamptz '2025-12-31T20:00:00Z' - i * (interval '365 days' / ${total}) AS created,
        CASE WHEN i % 100 < 6 THEN 'operator' WHEN i % 100 < 46 THEN 'epgu_form'
          WHEN i % 100 < 66 THEN 'mobile_app' WHEN i % 100 < 76 THEN 'org_widget'
          WHEN i % 100 < 91 THEN 'epgu_widget' ELSE 'reshaem_app' END AS channel,
        (ARRAY['roads', 'roads', 'education', 'health', 'roads'])[1 + i % 5] AS category,
        (ARRAY['potholes', 'road-repair', 'school-food', 'clinic-queue', 'road-repair'])[1 + i % 5]
          AS subcategory,
        i % 5 IN (0, 2) AS fast
      FROM generate_series(1, ${total}::integer) AS i
    ), s AS (
      SELECT g.*, substr(org, 2, 2) AS region,
        (${zones}::text[])[substr(org, 2, 2)::integer] AS zone,
        CASE
          WHEN r1 < 0.05 THEN 'rejected'
          WHEN i > ${Math.floor(total / 5)} THEN 'completed'
          WHEN r1 < 0.10 AND channel <> 'operator' THEN 'moderation'
          WHEN r1 < 0.30 THEN 'coordination' WHEN r1 < 0.40 THEN 'executor_assigned'
          WHEN r1 < 0.55 THEN 'in_work' WHEN r1 < 0.60 THEN 'on_approval'
          WHEN channel = 'operator' THEN 'answer_ready' ELSE 'answer_sent' END AS status,
        created + CASE WHEN channel = 'operator' THEN interval '0' ELSE interval '1 hour' END
          AS registered
      FROM g
    ), d AS (
      SELECT s.*,
        registered + CASE WHEN fast THEN interval '10 days' ELSE interval '30 days' END AS due,
        status NOT IN ('moderation', 'rejected') AND r2 < 0.04 AS extended,
        status IN ('completed', 'answer_sent', 'answer_ready') AS answered
      FROM s
    ), e AS (
      SELECT d.*, due + CASE WHEN extended THEN interval '10 days' ELSE interval '0' END AS due2
      FROM d
    )
    SELECT e.*,
      CASE WHEN answered THEN registered + CASE WHEN r3 < 0.08
        THEN (due2 - registered) + r4 * interval '5 days'
        ELSE r4 * 0.9 * (due2 - registered) END END AS answered_at,
      CASE WHEN status = 'completed' AND channel <> 'operator' AND r5 < 0.6 THEN
        CASE WHEN r4 < 0.05 THEN 1 WHEN r4 < 0.10 THEN 2 WHEN r4 < 0.2 THEN 3
          WHEN r4 < 0.45 THEN 4 ELSE 5 END END AS score,
      r3 > 0.85 AND status NOT IN ('moderation', 'rejected') AS autorouted
    FROM e`.execute(db);
  log('  base rows made');
  const iso = (column: string) =>
    sql.raw(`to_char((${column}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
  await sql`INSERT INTO messages (id, version, status, folder, number, holding_org_id,
      received_org_id, channel, category_id, subcategory_id, region_code, fast_track, overdue,
      created_at, updated_at, registered_at, response_due_at, search_text, snapshot)
    SELECT 'a-' || i, 5, status, 'processed', 'a-' || i, org, org, channel, category,
      subcategory, region, fast, false, created, created,
      CASE WHEN status = 'moderation' THEN '-infinity' ELSE registered END,
      CASE WHEN status = 'moderation' THEN NULL ELSE due2 END, '',
      jsonb_build_object('value', jsonb_build_object('status', status),
        'context', jsonb_build_object(
          'id', 'a-' || i, 'channel', channel, 'timeZone', zone,
          'createdAt', ${iso('created')},
          'responseDueAt', CASE WHEN status = 'moderation' THEN NULL ELSE ${iso('due2')} END,
          'dueSoonAt', CASE WHEN status = 'moderation' THEN NULL
            ELSE ${iso('registered + 0.75 * (due2 - registered)')} END,
          'extensionsGranted', CASE WHEN extended THEN 1 ELSE 0 END,
          'reReviewRound', CASE WHEN score <= 2 THEN 1 ELSE 0 END,
          'ratings', CASE WHEN score IS NULL THEN '[]'::jsonb
            WHEN score <= 2 THEN jsonb_build_array(jsonb_build_object('score', score),
              jsonb_build_object('score', 4))
            ELSE jsonb_build_array(jsonb_build_object('score', score)) END,
          'previousAnswers', CASE WHEN score <= 2
            THEN jsonb_build_array(jsonb_build_object('approvedAt', ${iso('answered_at')}))
            ELSE '[]'::jsonb END,
          'answer', CASE WHEN answered THEN jsonb_build_object('approvedAt',
            CASE WHEN score <= 2 THEN ${iso("answered_at + interval '12 days'")}
              ELSE ${iso('answered_at')} END) END,
          'delivery', CASE WHEN channel = 'operator' AND status = 'completed'
            THEN jsonb_build_object('confirmedAt', ${iso("answered_at + r5 * interval '48 hours'")}) END,
          'delegatedByAutorule', CASE WHEN autorouted
            THEN jsonb_build_object('ruleId', 'rule-1', 'at', ${iso('registered')}) END))
    FROM bench_base`.execute(db);
  log('  messages inserted');
  const line = (type: string, version: number, at: string, payload: string, where: string) =>
    sql`INSERT INTO message_history (message_id, version, type, at, by_id, from_status,
        to_status, holding_org_id, record)
      SELECT 'a-' || i, ${version}::integer, ${type}::text, ${sql.raw(at)}, 'bench', NULL, status,
        org, jsonb_build_object('type', ${type}::text, 'payload', ${sql.raw(payload)})
      FROM bench_base WHERE ${sql.raw(where)}`.execute(db);
  await line(
    'submit',
    1,
    'created',
    "jsonb_build_object('channel', channel, 'orgId', org)",
    'true',
  );
  await line(
    'moderation.accept',
    2,
    'registered',
    `jsonb_build_object('deadline', jsonb_build_object('responseDueAt', to_char(due AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))`,
    "channel <> 'operator' AND status NOT IN ('moderation', 'rejected')",
  );
  await line(
    'deadline.extension_approve',
    3,
    "registered + interval '3 days'",
    `jsonb_build_object('responseDueAt', to_char(due2 AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`,
    'extended',
  );
  await line('answer.approve', 4, 'answered_at', "'{}'::jsonb", 'answered');
  log('  history inserted');
  await sql`DROP TABLE bench_base`.execute(db);
  await sql`VACUUM ANALYZE messages`.execute(db);
  await sql`VACUUM ANALYZE message_history`.execute(db);
}
