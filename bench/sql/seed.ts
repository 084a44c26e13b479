import type { SqlStore } from '@reshaem/adapters-sql';
import { startMessage } from '@reshaem/core';
import { sql } from 'kysely';
import { applicant, directory, log, orgIds, phrases, subcategories } from './world.js';

/** ISO instants as the core writes them, for the seeded snapshots. */
export const isoFunction = sql`CREATE FUNCTION iso(t timestamptz) RETURNS text IMMUTABLE LANGUAGE sql
  AS $$ SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') $$`;

export async function seedMessages(db: SqlStore['db'], total: number) {
  const template = startMessage(
    {
      type: 'submit',
      at: '2025-01-01T00:00:00Z',
      by: applicant,
      messageId: 'template',
      number: '0',
      channel: 'epgu_form',
      orgId: 'r01',
      regionCode: '01',
      applicant: { name: 'Иванов Иван Иванович', email: 'ivanov@example.ru' },
      text: phrases[0] as string,
      categoryId: 'roads',
      subcategoryId: 'potholes',
    },
    directory,
  );
  if (!template.ok) throw new Error(template.error.message);
  await sql`DROP FUNCTION IF EXISTS iso(timestamptz)`.execute(db);
  await isoFunction.execute(db);
  const subs = subcategories.map((s) => s.map((v) => v ?? '').join('|'));
  const lowered = phrases.map((p) => p.toLocaleLowerCase('ru'));
  // The newest fifth is still being worked on; older messages are closed.
  const active = Math.floor(total / 5);
  const chunk = 100_000;
  for (let from = 1; from <= total; from += chunk) {
    const to = Math.min(total, from + chunk - 1);
    await sql`
      WITH base AS (
        SELECT i, random() AS r1, random() AS r2, random() AS r3,
          (${orgIds}::text[])[1 + (i::bigint * 7919) % ${orgIds.length}] AS received,
          string_to_array((${subs}::text[])[1 + i % ${subs.length}], '|') AS sub,
          CASE WHEN i % 100 < 6 THEN 'operator' WHEN i % 100 < 46 THEN 'epgu_form'
            WHEN i % 100 < 66 THEN 'mobile_app' WHEN i % 100 < 76 THEN 'org_widget'
            WHEN i % 100 < 91 THEN 'epgu_widget' ELSE 'reshaem_app' END AS channel,
          timestamptz '2025-06-01T00:00:00Z' - i * interval '150 seconds' AS created
        FROM generate_series(${from}::integer, ${to}::integer) AS i
      ), shaped AS (
        SELECT *, substr(received, 2, 2) AS region,
          CASE WHEN r3 < 0.2 AND position('-' IN received) = 0
            THEN received || '-m' || (i % 10) ELSE received END AS holding,
          CASE
            WHEN i > ${active} THEN CASE WHEN r1 < 0.05 THEN 'rejected' ELSE 'completed' END
            WHEN r1 < 0.06 THEN 'moderation' WHEN r1 < 0.22 THEN 'coordination'
            WHEN r1 < 0.32 THEN 'executor_assigned' WHEN r1 < 0.52 THEN 'in_work'
            WHEN r1 < 0.58 THEN 'on_approval'
            WHEN channel = 'operator' THEN 'answer_ready' ELSE 'answer_sent' END AS status
        FROM base
      ), rows AS (
        SELECT *, 'b-' || i AS id, lpad(i::text, 10, '0') AS number,
          (${phrases}::text[])[1 + i % ${phrases.length}] || ' № ' || i AS text,
          (${lowered}::text[])[1 + i % ${phrases.length}] || ' № ' || i AS lower_text,
          CASE WHEN status = 'moderation' THEN 'new'
            WHEN status = 'coordination' AND r3 < 0.15 THEN 'returned_to_coordination'
            WHEN status = 'coordination' AND r3 < 0.2 THEN 'returned'
            WHEN status = 'coordination' THEN 'new'
            WHEN status IN ('executor_assigned', 'in_work') THEN 'in_work'
            WHEN status = 'on_approval' THEN 'on_approval' ELSE 'processed' END AS folder,
          CASE WHEN status IN ('moderation', 'coordination', 'rejected') THEN NULL
            ELSE holding || '-e' || (i % 5) END AS executor,
          CASE WHEN channel = 'operator' THEN NULL ELSE 'app-' || (i % 200000) END AS applicant,
          CASE WHEN status = 'moderation' THEN '-infinity'::timestamptz
            ELSE created + interval '1 hour' END AS registered,
          CASE WHEN status = 'moderation' THEN NULL ELSE created + interval '30 days' END AS due,
          created + r2 * interval '20 days' AS updated
        FROM shaped
      )
      INSERT INTO messages (id, version, status, folder, number, holding_org_id, received_org_id,
        executor_id, applicant_user_id, channel, category_id, subcategory_id, fact_id,
        region_code, fast_track, overdue, created_at, updated_at, registered_at,
        response_due_at, search_text, snapshot)
      SELECT id, 3, status, folder, number, holding, received, executor, applicant, channel,
        sub[1], sub[2], NULLIF(sub[3], ''), region, sub[4]::boolean, r1 < 0.05, created, updated,
        registered, due, lower_text, jsonb_build_object(
          'value', jsonb_build_object('status', status),
          'context', ${JSON.stringify(template.snapshot.context)}::jsonb || jsonb_build_object(
            'id', id, 'number', number, 'holdingOrgId', holding, 'receivedOrgId', received,
            'executorId', executor, 'channel', channel, 'text', text, 'categoryId', sub[1],
            'subcategoryId', sub[2], 'factId', NULLIF(sub[3], ''), 'fastTrack', sub[4]::boolean,
            'overdue', r1 < 0.05, 'regionCode', region,
            'arrivedBy', CASE folder WHEN 'returned_to_coordination' THEN 'returned'
              WHEN 'returned' THEN 're_review' ELSE 'submitted' END,
            'applicant', jsonb_build_object('kind', 'person', 'userId', applicant,
              'name', 'Заявитель ' || i, 'email', NULL, 'phone', NULL, 'residenceAddress', NULL),
            'createdAt', iso(created), 'updatedAt', iso(updated),
            'registeredAt', CASE WHEN status = 'moderation' THEN NULL ELSE iso(registered) END,
            'responseDueAt', CASE WHEN due IS NULL THEN NULL ELSE iso(due) END))
      FROM rows`.execute(db);
    process.stdout.write(`\r  seeded ${to.toLocaleString('en')} messages`);
  }
  log();
  await sql`INSERT INTO folder_counts (holding_org_id, received_org_id, operator_entered, folder, n)
    SELECT holding_org_id, received_org_id, channel = 'operator', folder, count(*)
    FROM messages GROUP BY 1, 2, 3, 4
    ON CONFLICT (holding_org_id, received_org_id, operator_entered, folder)
    DO UPDATE SET n = folder_counts.n + excluded.n`.execute(db);
  await sql`VACUUM ANALYZE messages`.execute(db);
  await sql`VACUUM ANALYZE folder_counts`.execute(db);
}

// ---------------------------------------------------------------- 1. writes
