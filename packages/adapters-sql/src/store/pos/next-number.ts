import { messageNumber, type NumberRequest } from '@reshaem/core';
import { CompiledQuery } from 'kysely';
import { HOT } from '../../prepared-pool.js';
import type { Db } from '../kernel/reads.js';

/** Taken on every numbered submit: a hot (prepared) statement, not built anew each time. */
const TAKE_NUMBER = `${HOT}INSERT INTO message_counters (region_code, last_value) VALUES ($1, 1)
  ON CONFLICT (region_code) DO UPDATE SET last_value = message_counters.last_value + 1
  RETURNING last_value`;

/**
 * The region's next public number, taken in the caller's transaction (`012-message-numbers`):
 * the row lock makes concurrent submits of one region wait for each other, and a rollback
 * returns the number.
 */
export async function nextNumber(trx: Db, request: NumberRequest): Promise<string> {
  const { rows } = await trx.executeQuery<{ last_value: number | string }>(
    CompiledQuery.raw(TAKE_NUMBER, [request.regionCode]),
  );
  const row = rows[0];
  if (row === undefined) throw new Error(`no number taken for region ${request.regionCode}`);
  return messageNumber(request, Number(row.last_value));
}
