import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, migrations } from '../src/index.js';
import { databaseUrl, testSchema } from './databases.js';
import { expectedTables, latest, names, tablesOf } from './schema.js';

describe.skipIf(!databaseUrl)('migrations on PostgreSQL', () => {
  let schema: Awaited<ReturnType<typeof testSchema>>;
  beforeAll(async () => {
    schema = await testSchema('migrations');
  });
  afterAll(() => schema?.drop());

  it('run once from several processes at once, and again as a no-op', async () => {
    const processes = Array.from({ length: 4 }, () => schema.connect(1));
    const reports = await Promise.all(processes.map((db) => migrate(db)));
    expect(reports.filter((r) => r.applied.length > 0)).toEqual([
      { applied: names, version: latest },
    ]);
    expect(reports.every((r) => r.version === latest)).toBe(true);
    const db = processes[0]!;
    expect(await tablesOf(db)).toEqual(expectedTables);
    expect(await db.selectFrom('reshaem_migrations').select('version').execute()).toHaveLength(
      migrations.length,
    );
    expect(await migrate(db)).toEqual({ applied: [], version: latest });
  });
});
