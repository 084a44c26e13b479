import {
  createDirectory,
  type Directory,
  type DirectoryInput,
  directoryInputSchema,
} from '@reshaem/core';
import type { Kysely } from 'kysely';
import type { ReshaemDatabase } from './database.js';

const CHUNK = 500;
const chunks = <T>(rows: T[]): T[][] =>
  Array.from({ length: Math.ceil(rows.length / CHUNK) }, (_, i) =>
    rows.slice(i * CHUNK, (i + 1) * CHUNK),
  );
const json = (value: unknown) => JSON.stringify(value);

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/**
 * Saves a directory (organisations, users and their roles, the catalogue, settings) in the
 * database, replacing what was there, in one transaction. It is validated first, as
 * `createDirectory` would: a tree with a cycle or an unknown parent is not saved.
 *
 * @example
 * await saveDirectory(db, demoDirectoryInput);
 * const directory = await loadDirectory(db);
 * const store = await createSqlStore({ db, directory });
 */
export async function saveDirectory<DB>(db: Kysely<DB>, input: DirectoryInput): Promise<void> {
  createDirectory(input);
  const { organisations, users, catalogue, ...rest } = directoryInputSchema.parse(input);
  const kysely = db as unknown as Kysely<ReshaemDatabase>;
  await kysely.transaction().execute(async (trx) => {
    for (const table of ['facts', 'subcategories', 'categories', 'user_roles', 'users'] as const) {
      await trx.deleteFrom(table).execute();
    }
    await trx.deleteFrom('organisations').execute();
    await trx.deleteFrom('directory_settings').execute();

    const orgRows = organisations.map((o, position) => ({
      id: o.id,
      parent_id: o.parentId,
      name: o.name,
      region_code: o.regionCode,
      position,
      data: json(o),
    }));
    for (const rows of chunks(orgRows))
      await trx.insertInto('organisations').values(rows).execute();

    const userRows = users.map((u, position) => ({
      id: u.id,
      name: u.name ?? null,
      email: u.email ?? null,
      position,
      data: json(u),
    }));
    for (const rows of chunks(userRows)) await trx.insertInto('users').values(rows).execute();
    const roleRows = users.flatMap((u) =>
      u.roles.map((r, position) => ({
        user_id: u.id,
        position,
        role: r.role,
        org_id: r.orgId ?? null,
      })),
    );
    for (const rows of chunks(roleRows)) await trx.insertInto('user_roles').values(rows).execute();

    const categoryRows = catalogue.categories.map(({ subcategories: _, ...c }, position) => ({
      id: c.id,
      name: c.name,
      position,
      data: json(c),
    }));
    const subRows = catalogue.categories.flatMap((c) =>
      c.subcategories.map(({ facts: _, ...s }, position) => ({
        id: s.id,
        category_id: c.id,
        name: s.name,
        fast_track: s.fastTrack,
        position,
        data: json(s),
      })),
    );
    const factRows = catalogue.categories.flatMap((c) =>
      c.subcategories.flatMap((s) =>
        s.facts.map((f, position) => ({
          subcategory_id: s.id,
          id: f.id,
          name: f.name,
          position,
          data: json(f),
        })),
      ),
    );
    for (const rows of chunks(categoryRows))
      await trx.insertInto('categories').values(rows).execute();
    for (const rows of chunks(subRows))
      await trx.insertInto('subcategories').values(rows).execute();
    for (const rows of chunks(factRows)) await trx.insertInto('facts').values(rows).execute();

    const settingRows = Object.entries(rest).map(([key, value]) => ({ key, value: json(value) }));
    if (settingRows.length > 0)
      await trx.insertInto('directory_settings').values(settingRows).execute();
  });
}

/** Loads the directory that {@link saveDirectory} saved, ready for the rules. */
export async function loadDirectory<DB>(db: Kysely<DB>): Promise<Directory> {
  const kysely = db as unknown as Kysely<ReshaemDatabase>;
  const [orgs, users, categories, subcategories, facts, settings] = await Promise.all([
    kysely.selectFrom('organisations').select('data').orderBy('position').execute(),
    kysely.selectFrom('users').select('data').orderBy('position').execute(),
    kysely.selectFrom('categories').select(['id', 'data']).orderBy('position').execute(),
    kysely
      .selectFrom('subcategories')
      .select(['id', 'category_id', 'data'])
      .orderBy('position')
      .execute(),
    kysely
      .selectFrom('facts')
      .select(['subcategory_id', 'data'])
      .orderBy('subcategory_id')
      .orderBy('position')
      .execute(),
    kysely.selectFrom('directory_settings').select(['key', 'value']).execute(),
  ]);
  const factsOf = groupBy(facts, (f) => f.subcategory_id);
  const subcategoriesOf = groupBy(subcategories, (s) => s.category_id);
  const catalogue = {
    categories: categories.map((c) => ({
      ...(c.data as object),
      subcategories: (subcategoriesOf.get(c.id) ?? []).map((s) => ({
        ...(s.data as object),
        facts: (factsOf.get(s.id) ?? []).map((f) => f.data),
      })),
    })),
  };
  return createDirectory({
    ...Object.fromEntries(settings.map((s) => [s.key, s.value])),
    organisations: orgs.map((o) => o.data),
    users: users.map((u) => u.data),
    catalogue,
  } as DirectoryInput);
}
