/**
 * A message's point in the SQL store: written to the two location columns with every write,
 * filtered by box in SQL, and a row stored before points (its snapshot without `location`,
 * its columns null, as migration 011 leaves it) still loads and moves on.
 */

import { SYSTEM_PRINCIPAL } from '@reshaem/core';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directory, potholeSubmit, users } from '../../core/test/helpers.js';
import { createSqlStore, type ReshaemDatabase } from '../src/index.js';
import { migratedPglite } from './databases.js';

let db: Kysely<ReshaemDatabase>;
beforeAll(async () => {
  db = await migratedPglite();
});
afterAll(() => db?.destroy());

describe('a point on a message in the SQL store', () => {
  it('keeps the point in its columns, filters by box, and loads a row stored before points', async () => {
    const store = await createSqlStore({ directory, db });
    const location = { lat: 53.0245, lon: 158.6433 };
    expect((await store.submit(potholeSubmit({ messageId: 'p-1', location }))).ok).toBe(true);
    expect((await store.submit(potholeSubmit({ messageId: 'p-old', number: '41-9' }))).ok).toBe(
      true,
    );
    const columns = await db
      .selectFrom('messages')
      .select(['id', 'location_lat', 'location_lon'])
      .orderBy('id')
      .execute();
    expect(columns).toEqual([
      { id: 'p-1', location_lat: 53.0245, location_lon: 158.6433 },
      { id: 'p-old', location_lat: null, location_lon: null },
    ]);

    // As a release before points wrote it: no `location` key at all.
    await sql`UPDATE messages SET snapshot = snapshot #- '{context,location}' WHERE id = 'p-old'`.execute(
      db,
    );
    const old = await store.get('p-old');
    expect(old && 'location' in old.snapshot.context).toBe(false);
    const accepted = await store.send('p-old', {
      type: 'moderation.accept',
      at: '2025-01-15T12:00:00.000Z',
      by: users.moderator,
    });
    expect(accepted.ok).toBe(true);
    expect((await store.get('p-old'))?.snapshot.context.location).toBeNull();

    const inBox = await store.list(SYSTEM_PRINCIPAL, { bbox: '158.6,53,158.7,53.1' });
    expect(inBox.items.map((m) => m.id)).toEqual(['p-1']);
    const outside = await store.list(SYSTEM_PRINCIPAL, { bbox: '158.65,53,158.7,53.1' });
    expect(outside.items).toEqual([]);
    await store.close();
  });
});
