import {
  type Directory,
  type MessageFacts,
  type MessageSnapshot,
  type MessageStatus,
  messageFactsOf,
} from '@reshaem/core';

/**
 * The facts a write keeps in `message_indicators`: the core's `messageFactsOf` with the
 * current deadline standing in for the one at the first answer — right on the write that
 * approves the first answer, and kept by the upsert on every later one.
 */
export const indicatorFactsOf = (
  snapshot: MessageSnapshot,
  status: MessageStatus,
  directory: Directory,
): MessageFacts =>
  messageFactsOf(snapshot.context, status, directory, snapshot.context.responseDueAt);

const columns = (f: MessageFacts) =>
  [
    ['message_id', f.messageId, 'text'],
    ['received_on', f.receivedOn, 'date'],
    ['holding_org_id', f.holdingOrgId, 'text'],
    ['region_code', f.regionCode, 'text'],
    ['category_id', f.categoryId, 'text'],
    ['channel', f.channel, 'text'],
    ['fast_track', f.fastTrack, 'boolean'],
    ['rejected', f.rejected, 'boolean'],
    ['answered_at', f.answeredAt, 'timestamptz'],
    ['due_at_answer', f.dueAtAnswer, 'timestamptz'],
    ['answered_on_time', f.answeredOnTime, 'boolean'],
    ['answer_ms', f.answerMs, 'bigint'],
    ['answer_working_days', f.answerWorkingDays, 'integer'],
    ['awaiting', f.awaiting, 'boolean'],
    ['response_due_at', f.responseDueAt, 'timestamptz'],
    ['due_soon_at', f.dueSoonAt, 'timestamptz'],
    ['extensions_granted', f.extensionsGranted, 'integer'],
    ['rating_1', f.ratings[0], 'integer'],
    ['rating_2', f.ratings[1], 'integer'],
    ['rating_3', f.ratings[2], 'integer'],
    ['rating_4', f.ratings[3], 'integer'],
    ['rating_5', f.ratings[4], 'integer'],
    ['re_reviews', f.reReviews, 'integer'],
    ['operator_delivered', f.operatorDelivered, 'boolean'],
    ['delivery_lag_ms', f.deliveryLagMs, 'bigint'],
    ['autorouted', f.autorouted, 'boolean'],
  ] as const;

/** Columns the upsert does not simply overwrite: the first answer's deadline is kept. */
const kept = new Set(['message_id', 'due_at_answer', 'answered_on_time']);

/**
 * The write statement's part that upserts the message's summary row (`x`), read from `m` so
 * that it is written exactly when the message is. The deadline in force at the first answer
 * is the one the row already holds, once it holds one; the on-time flag is judged against it.
 */
export function indicatorFactsPart(facts: MessageFacts, add: (value: unknown) => string): string {
  const cols = columns(facts);
  const names = cols.map(([name]) => name);
  const values = cols.map(([, value, type]) => `${add(value)}::${type}`);
  const due = 'coalesce(mi.due_at_answer, excluded.due_at_answer)';
  const updates = names
    .filter((name) => !kept.has(name))
    .map((name) => `${name} = excluded.${name}`);
  updates.push(`due_at_answer = CASE WHEN excluded.answered_at IS NULL THEN NULL ELSE ${due} END`);
  updates.push(`answered_on_time = CASE WHEN excluded.answered_at IS NULL THEN NULL
      ELSE ${due} IS NULL OR excluded.answered_at <= ${due} END`);
  return `x AS (INSERT INTO message_indicators AS mi (${names.join(', ')})
    SELECT ${values.join(', ')} FROM m
    ON CONFLICT (message_id) DO UPDATE SET ${updates.join(', ')})`;
}
