import { createDirectory } from '@reshaem/core';
import { demoDirectoryInput, demoUsers } from '@reshaem/core/testing';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { potholeSubmit } from '../../core/test/helpers.js';
import {
  createPgliteKysely,
  createSqlStore,
  loadDirectory,
  migrate,
  migrations,
  type ReshaemDatabase,
  saveDirectory,
} from '../src/index.js';
import { expectedTables, latest, names, tablesOf } from './schema.js';

const comparable = (d: ReturnType<typeof createDirectory>) => ({
  organisations: d.organisations,
  users: d.users,
  catalogue: d.catalogue,
  settings: d.settings,
});

describe('PGlite schema', () => {
  let db: Kysely<ReshaemDatabase>;
  beforeAll(() => {
    db = createPgliteKysely();
  });
  afterAll(() => db?.destroy());

  it('migrations build it from empty, then find nothing to do', async () => {
    expect(await tablesOf(db)).toEqual([]);
    expect(await migrate(db)).toEqual({ applied: names, version: latest });
    expect(await tablesOf(db)).toEqual(expectedTables);
    expect(await migrate(db)).toEqual({ applied: [], version: latest });
    const rows = await db.selectFrom('reshaem_migrations').select(['version', 'name']).execute();
    expect(rows).toEqual(migrations.map((m) => ({ version: m.version, name: m.name })));
  });

  it('directory: save one and load the same one back and load the same one back', async () => {
    await saveDirectory(db, demoDirectoryInput);
    const loaded = await loadDirectory(db);
    expect(comparable(loaded)).toEqual(comparable(createDirectory(demoDirectoryInput)));
    expect(loaded.subtreeOf('kam-gov').sort()).toEqual(
      ['kam-edu', 'kam-gov', 'kam-roads', 'kam-school-1'].sort(),
    );
    const roles = await db
      .selectFrom('user_roles')
      .select(['user_id', 'role'])
      .where('org_id', '=', 'kam-roads')
      .orderBy('user_id')
      .orderBy('role')
      .execute();
    expect(roles).toContainEqual({ user_id: demoUsers.multiRoads.id, role: 'executor' });
  });

  it('directory: gives a store the rules it needs', async () => {
    await saveDirectory(db, demoDirectoryInput);
    const store = await createSqlStore({ db, directory: await loadDirectory(db) });
    const created = await store.submit(potholeSubmit({ messageId: 'm-dir' }));
    expect(created.ok && created.message.status).toBe('moderation');
  });

  it('directory: replaces what was saved, and refuse a broken tree', async () => {
    await saveDirectory(db, demoDirectoryInput);
    const smaller = {
      ...demoDirectoryInput,
      organisations: demoDirectoryInput.organisations.slice(0, 2),
      users: [demoUsers.coordinatorRoads],
      settings: { dueSoonShare: 0.5 },
    };
    await saveDirectory(db, smaller);
    const loaded = await loadDirectory(db);
    expect(loaded.organisations.map((o) => o.id)).toEqual(['kam-gov', 'kam-roads']);
    expect(loaded.users.map((u) => u.id)).toEqual([demoUsers.coordinatorRoads.id]);
    expect(loaded.settings.dueSoonShare).toBe(0.5);

    const orphan = {
      ...smaller,
      organisations: [{ id: 'x', name: 'X', parentId: 'nope', regionCode: '41' }],
    };
    await expect(saveDirectory(db, orphan)).rejects.toThrow(/неизвестная вышестоящая/);
    expect((await loadDirectory(db)).organisations.map((o) => o.id)).toEqual([
      'kam-gov',
      'kam-roads',
    ]);
  });
});
