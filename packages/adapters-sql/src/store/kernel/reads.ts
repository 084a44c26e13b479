import type {
  CaseEffect,
  Effect,
  MessageSnapshot,
  MessageStatus,
  OutboxEntry,
  StoredHistoryRecord,
  StoredMessage,
  StoredTimer,
  Timer,
  TimerLogEntry,
  TimerOutcome,
} from '@reshaem/core';
import type { Kysely, Selectable } from 'kysely';
import type { OutboxTable, ReshaemDatabase, TimersTable } from '../../database.js';

export type Db = Kysely<ReshaemDatabase>;

const iso = (value: Date | string): string => new Date(value).toISOString();

export const toStoredMessage = (row: {
  id: string;
  version: number;
  status: string;
  snapshot: unknown;
}): StoredMessage => ({
  id: row.id,
  version: row.version,
  status: row.status as MessageStatus,
  snapshot: row.snapshot as MessageSnapshot,
});

export const toStoredTimer = (row: Selectable<TimersTable>): StoredTimer => ({
  ...(row.timer as Timer),
  attempts: row.attempts,
  lockedBy: row.locked_by,
  availableAt: iso(row.available_at),
});

export const toOutboxEntry = (row: Selectable<OutboxTable>): OutboxEntry => {
  const state = {
    id: String(row.id),
    messageId: row.message_id,
    version: row.version,
    state: row.state as OutboxEntry['state'],
    attempts: row.attempts,
    dueAt: iso(row.due_at),
    availableAt: iso(row.available_at),
    lockedBy: row.locked_by,
    lastError: row.last_error,
  };
  return row.workflow === 'onf'
    ? { ...state, workflow: 'onf', effect: row.effect as CaseEffect }
    : { ...state, workflow: 'pos', effect: row.effect as Effect };
};

export async function getMessage(db: Db, messageId: string) {
  const row = await db
    .selectFrom('messages')
    .select(['id', 'version', 'status', 'snapshot'])
    .where('id', '=', messageId)
    .executeTakeFirst();
  return row && toStoredMessage(row);
}

export async function messageHistory(db: Db, messageId: string): Promise<StoredHistoryRecord[]> {
  const rows = await db
    .selectFrom('message_history')
    .select(['version', 'record'])
    .where('message_id', '=', messageId)
    .orderBy('version')
    .execute();
  return rows.map((r) => ({ ...(r.record as StoredHistoryRecord), version: r.version }));
}

export async function messageTimers(db: Db, messageId: string) {
  const rows = await db
    .selectFrom('timers')
    .selectAll()
    .where('workflow', '=', 'pos')
    .where('message_id', '=', messageId)
    .orderBy('fire_at')
    .orderBy('id')
    .execute();
  return rows.map(toStoredTimer);
}

/** How a message's due timers ended, oldest first. */
export async function messageTimerLog(db: Db, messageId: string): Promise<TimerLogEntry[]> {
  const rows = await db
    .selectFrom('timer_log')
    .select(['outcome', 'version', 'at', 'timer'])
    .where('workflow', '=', 'pos')
    .where('message_id', '=', messageId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    timer: r.timer as Timer,
    outcome: r.outcome as TimerOutcome,
    version: r.version,
    at: iso(r.at),
  }));
}

export async function messageOutbox(db: Db, messageId: string) {
  const rows = await db
    .selectFrom('outbox')
    .selectAll()
    .where('workflow', '=', 'pos')
    .where('message_id', '=', messageId)
    .orderBy('id')
    .execute();
  return rows.map(toOutboxEntry);
}
