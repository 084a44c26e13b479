import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted at every level and `undefined` members left out, as a store
 * would persist the value: two values that persist alike print alike.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(JSON.parse(JSON.stringify(value ?? null))));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    out[key] = sortKeys((value as Record<string, unknown>)[key]);
  }
  return out;
}

/** The first 16 hex digits of the sha256 of the canonical JSON: enough to notice a change. */
export const digestOf = (value: unknown): string =>
  createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, 16);

/** The value as the stores persist it: a JSON round-trip. */
export const persisted = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
