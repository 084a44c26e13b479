/*
 * reshaem's hot statements on PGlite as named prepared statements. `pglite.query` parses,
 * analyses and plans its text anew on every call and crosses into the database six times
 * (parse, describe, bind, describe, execute, sync): on the write path, whose statement is
 * a CTE of a dozen parts, that was most of what a write cost the embedded database. Here a
 * statement is parsed once per PGlite, and each run is one protocol message (bind,
 * describe, execute, sync) handed to PGlite in one call.
 */
import type { PGlite } from '@electric-sql/pglite';
import { hotStatementName } from './prepared-pool.js';

/** PGlite's protocol helpers, loaded with PGlite itself (a PostgreSQL user never loads it). */
let library: typeof import('@electric-sql/pglite') | undefined;

/** The statements each PGlite has prepared (names are the same for every PGlite). */
const preparedBy = new WeakMap<PGlite, Set<string>>();

/** A value's text form, as PostgreSQL reads it for a parameter of the type it inferred. */
function textOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return arrayLiteral(value);
  return JSON.stringify(value);
}

/** A one-dimensional array literal, `{"a","b",NULL}`. */
function arrayLiteral(values: readonly unknown[]): string {
  const items = values.map((item) => {
    if (Array.isArray(item)) throw new TypeError('a hot statement takes flat arrays only');
    const text = textOf(item);
    return text === null ? 'NULL' : `"${text.replace(/[\\"]/g, '\\$&')}"`;
  });
  return `{${items.join(',')}}`;
}

function joined(parts: readonly Uint8Array[]): Uint8Array {
  const all = new Uint8Array(parts.reduce((n, part) => n + part.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.byteLength;
  }
  return all;
}

/**
 * Runs a hot statement on `pglite` as a named prepared statement (prepared on its first
 * run), in one exclusive protocol exchange; the rows come back parsed as `pglite.query`
 * parses them. A database error is thrown as `pglite.query` throws it (with its `code` and
 * `constraint`, and the statement's `query` and `params`).
 */
export async function queryPrepared(
  pglite: PGlite,
  text: string,
  parameters: ReadonlyArray<unknown>,
): Promise<{ command: string | undefined; rowCount: number; rows: unknown[] }> {
  let prepared = preparedBy.get(pglite);
  if (prepared === undefined) {
    prepared = new Set();
    preparedBy.set(pglite, prepared);
  }
  const known = prepared;
  const name = hotStatementName(text);
  library ??= await import('@electric-sql/pglite');
  const { parse, protocol } = library;
  const { serialize } = protocol;
  const message = joined([
    ...(known.has(name) ? [] : [serialize.parse({ name, text, types: [] })]),
    serialize.bind({ statement: name, values: parameters.map(textOf) }),
    serialize.describe({ type: 'P' }),
    serialize.execute({}),
    serialize.sync(),
  ]);
  const { messages } = await pglite.runExclusive(() =>
    pglite.execProtocol(message, { throwOnError: false }),
  );
  if (messages.some((m) => m.name === 'parseComplete')) known.add(name);
  const failed = messages.find((m) => m.name === 'error');
  if (failed) {
    // Someone ran DEALLOCATE (or DISCARD ALL) on this PGlite: prepare it again, once.
    if ((failed as { code?: string }).code === '26000' && known.delete(name)) {
      return queryPrepared(pglite, text, parameters);
    }
    // Described as pglite.query describes its errors, so that whoever logs them sees the same.
    throw Object.assign(failed, { query: text, params: parameters, queryOptions: undefined });
  }
  const [result] = parse.parseResults(messages, pglite.parsers);
  return {
    command: undefined,
    rowCount: result?.rowCount ?? result?.affectedRows ?? 0,
    rows: result?.rows ?? [],
  };
}
