import { messageNumber, type NumberRequest } from '@reshaem/core';
import { sql } from 'kysely';
import type { Db } from '../kernel/reads.js';

/**
 * The region's next public number, taken in the caller's transaction (`012-message-numbers`):
 * the row lock makes concurrent submits of one region wait for each other, and a rollback
 * returns the number.
 */
export async function nextNumber(trx: Db, request: NumberRequest): Promise<string> {
  const row = await trx
    .insertInto('message_counters')
    .values({ region_code: request.regionCode, last_value: 1 })
    .onConflict((oc) =>
      oc.column('region_code').doUpdateSet({ last_value: sql`message_counters.last_value + 1` }),
    )
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return messageNumber(request, Number(row.last_value));
}
