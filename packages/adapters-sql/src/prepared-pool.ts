import type { PostgresPool, PostgresPoolClient } from 'kysely';

/**
 * Statements that start with this comment run on every write; on a pool that prepares
 * (see {@link preparingPool}) they are parsed and planned once per connection.
 */
export const HOT = '/* reshaem:hot */ ';

/** A node-postgres client: `query` also takes `{ name, text, values }` (a prepared statement). */
interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<unknown>;
  query(text: string, values: unknown[]): Promise<unknown>;
  release(error?: Error): void;
}

const names = new Map<string, string>();

/** The prepared statement name of a hot statement's text (the same in every session). */
export const hotStatementName = (text: string) => {
  let name = names.get(text);
  if (name === undefined) {
    name = `reshaem_${names.size + 1}`;
    names.set(text, name);
  }
  return name;
};

/**
 * Wraps a `pg.Pool` so that reshaem's hot statements become named prepared statements:
 * node-postgres parses each once per connection and PostgreSQL can reuse its plan. The
 * write statement has a few dozen shapes at most, so few statements are ever prepared.
 * (Behind PgBouncer in transaction mode, prepared statements need PgBouncer ≥ 1.21 with
 * `max_prepared_statements` set; otherwise turn this off.)
 */
export function preparingPool(pool: PostgresPool): PostgresPool {
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = (await pool.connect()) as unknown as PgClient;
      return {
        query: ((text: string, values: ReadonlyArray<unknown>) =>
          text.startsWith(HOT)
            ? client.query({ name: hotStatementName(text), text, values: [...values] })
            : client.query(text, [...values])) as PostgresPoolClient['query'],
        release: () => client.release(),
      };
    },
    end: () => pool.end(),
  };
}
