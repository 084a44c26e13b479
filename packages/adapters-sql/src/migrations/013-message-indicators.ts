import { SHIPPED_CALENDAR_YEARS } from '@reshaem/core';
import type { Migration } from './migration.js';

const dateList = (dates: readonly string[]) =>
  dates.length === 0 ? "'-infinity'::date" : dates.map((d) => `'${d}'::date`).join(', ');

const offDays = dateList(SHIPPED_CALENDAR_YEARS.flatMap((y) => y.nonWorkingDays));
const workingWeekends = dateList(SHIPPED_CALENDAR_YEARS.flatMap((y) => y.workingWeekendDays));

/**
 * Fills `message_indicators` for every message that has none, from the snapshot and the
 * history, as the core's `messageFactsOf` and `dueAtFirstAnswerOf` compute them: the deadline
 * in force at the first approval is the last registration (`moderation.accept`) or approved
 * extension before it; working days are counted on the production calendar shipped with
 * this release (a directory's own calendar years take effect from a message's next write).
 * An operator-entered message carries its registration deadline in no history record: when
 * no extension came before its first answer and it was never re-reviewed or resumed, its
 * current deadline is that one; otherwise (older operator messages re-reviewed since) it is
 * counted on time. Exported for the bench, which fills its rows the same way.
 */
export const backfillMessageIndicators = `INSERT INTO message_indicators (message_id, received_on,
    holding_org_id, region_code, category_id, channel, fast_track, rejected, answered_at,
    due_at_answer, answered_on_time, answer_ms, answer_working_days, awaiting, response_due_at,
    due_soon_at, extensions_granted, rating_1, rating_2, rating_3, rating_4, rating_5,
    re_reviews, operator_delivered, delivery_lag_ms, autorouted)
  SELECT x.id, x.received_on, x.holding_org_id, x.region_code, x.category_id, x.channel,
    x.fast_track, x.status = 'rejected', x.answered_at, x.due,
    CASE WHEN x.answered_at IS NOT NULL THEN x.due IS NULL OR x.answered_at <= x.due END,
    round(extract(epoch FROM x.answered_at - x.created_at) * 1000)::bigint,
    CASE WHEN x.answered_at IS NOT NULL THEN (
      SELECT count(*) FROM generate_series((x.received_on + 1)::timestamp,
        (x.answered_at AT TIME ZONE x.zone)::date::timestamp, interval '1 day') AS g (d)
      WHERE (extract(isodow FROM g.d) < 6 AND g.d::date NOT IN (${offDays}))
        OR g.d::date IN (${workingWeekends}))::integer END,
    x.status IN ('coordination', 'executor_assigned', 'in_work', 'on_approval')
      AND x.response_due_at IS NOT NULL,
    x.response_due_at, (x.ctx ->> 'dueSoonAt')::timestamptz,
    coalesce((x.ctx ->> 'extensionsGranted')::integer, 0),
    r.s1, r.s2, r.s3, r.s4, r.s5,
    coalesce((x.ctx ->> 'reReviewRound')::integer, 0),
    x.delivered,
    CASE WHEN x.delivered THEN round(extract(epoch FROM
      (x.ctx -> 'delivery' ->> 'confirmedAt')::timestamptz
      - (x.ctx -> 'answer' ->> 'approvedAt')::timestamptz) * 1000)::bigint END,
    jsonb_typeof(x.ctx -> 'delegatedByAutorule') = 'object'
  FROM (
    SELECT m.id, m.status, m.holding_org_id, m.region_code, m.category_id, m.channel,
      m.fast_track, m.created_at, m.response_due_at, m.snapshot -> 'context' AS ctx, z.zone,
      (m.created_at AT TIME ZONE z.zone)::date AS received_on, fa.at AS answered_at,
      CASE WHEN fa.at IS NULL THEN NULL
        WHEN d.due IS NOT NULL THEN d.due
        WHEN m.channel = 'operator'
          AND coalesce((m.snapshot -> 'context' ->> 'reReviewRound')::integer, 0) = 0
          AND jsonb_array_length(coalesce(m.snapshot -> 'context' -> 'previousAnswers', '[]')) = 0
          THEN m.response_due_at
      END AS due,
      m.channel = 'operator'
        AND jsonb_typeof(m.snapshot -> 'context' -> 'delivery') = 'object'
        AND jsonb_typeof(m.snapshot -> 'context' -> 'answer' -> 'approvedAt') = 'string'
        AS delivered
    FROM messages m
    CROSS JOIN LATERAL (SELECT coalesce(m.snapshot -> 'context' ->> 'timeZone', 'Europe/Moscow') AS zone) z
    LEFT JOIN LATERAL (
      SELECT h.version, h.at FROM message_history h
      WHERE h.message_id = m.id COLLATE "default" AND h.type = 'answer.approve'
      ORDER BY h.version LIMIT 1) fa ON true
    LEFT JOIN LATERAL (
      SELECT CASE h.type WHEN 'moderation.accept'
          THEN h.record -> 'payload' -> 'deadline' ->> 'responseDueAt'
          ELSE h.record -> 'payload' ->> 'responseDueAt' END::timestamptz AS due
      FROM message_history h
      WHERE h.message_id = m.id COLLATE "default" AND fa.version IS NOT NULL
        AND h.version < fa.version
        AND h.type IN ('moderation.accept', 'deadline.extension_approve')
      ORDER BY h.version DESC LIMIT 1) d ON true
    WHERE NOT EXISTS (SELECT 1 FROM message_indicators i WHERE i.message_id = m.id)
  ) x
  CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE s.score = 1)::integer AS s1,
      count(*) FILTER (WHERE s.score = 2)::integer AS s2,
      count(*) FILTER (WHERE s.score = 3)::integer AS s3,
      count(*) FILTER (WHERE s.score = 4)::integer AS s4,
      count(*) FILTER (WHERE s.score = 5)::integer AS s5
    FROM jsonb_array_elements(coalesce(x.ctx -> 'ratings', '[]')) AS e (rating)
    CROSS JOIN LATERAL (SELECT (e.rating ->> 'score')::integer AS score) s) r`;

/**
 * The SLA indicators' summary rows (docs/analytics.md, docs/sql.md): one row per message
 * with what the indicators count — the local date of receipt, the dimensions, the first
 * answer and the deadline in force then, the time to answer, the ratings, the delivery lag —
 * written by every write in its own part of the write's statement, so a dashboard reads
 * these narrow rows by organisation and date instead of the snapshots and the history.
 * Existing messages are filled from their snapshots and histories.
 */
export const messageIndicators: Migration = {
  version: 13,
  name: '013-message-indicators',
  statements: [
    `CREATE TABLE message_indicators (
      message_id text COLLATE "C" PRIMARY KEY,
      received_on date NOT NULL,
      holding_org_id text NOT NULL,
      region_code text NOT NULL,
      category_id text NOT NULL,
      channel text NOT NULL,
      fast_track boolean NOT NULL,
      rejected boolean NOT NULL,
      answered_at timestamptz,
      due_at_answer timestamptz,
      answered_on_time boolean,
      answer_ms bigint,
      answer_working_days integer,
      awaiting boolean NOT NULL,
      response_due_at timestamptz,
      due_soon_at timestamptz,
      extensions_granted integer NOT NULL,
      rating_1 integer NOT NULL,
      rating_2 integer NOT NULL,
      rating_3 integer NOT NULL,
      rating_4 integer NOT NULL,
      rating_5 integer NOT NULL,
      re_reviews integer NOT NULL,
      operator_delivered boolean NOT NULL,
      delivery_lag_ms bigint,
      autorouted boolean NOT NULL
    )`,
    // A scoped dashboard (a head's subtree, a curator's region) reads its organisations'
    // ranges; the whole country reads the period's range.
    'CREATE INDEX message_indicators_org ON message_indicators (holding_org_id, received_on)',
    'CREATE INDEX message_indicators_period ON message_indicators (received_on)',
    backfillMessageIndicators,
  ],
};
