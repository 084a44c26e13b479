import type { Context } from 'hono';
import { validationProblem } from '../problems.js';

/** What an If-Match header asks for: any current version (`*`), or one of these. */
export type IfMatch = { any: true } | { any: false; versions: number[] };

const strongTag = /^"(\d{1,15})"$/;

/**
 * Parses If-Match. Entity tags are `"<version>"`; weak tags never match (RFC 9110 requires
 * strong comparison) and unknown tags simply match nothing.
 */
export function parseIfMatch(header: string | undefined): IfMatch | undefined {
  if (header === undefined) return undefined;
  if (header.trim() === '*') return { any: true };
  const versions: number[] = [];
  for (const part of header.split(',')) {
    const match = strongTag.exec(part.trim());
    if (match?.[1] !== undefined) versions.push(Number(match[1]));
  }
  return { any: false, versions };
}

/** Does an If-None-Match header match this version (for 304 on reads)? */
export function ifNoneMatchHits(header: string | undefined, version: number): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  const tag = `"${version}"`;
  return header.split(',').some((part) => part.trim().replace(/^W\//, '') === tag);
}

export const etagOf = (version: number): string => `"${version}"`;

const keyPattern = /^[\x21-\x7E][\x20-\x7E]{0,254}$/;

/**
 * The Idempotency-Key header: a token or a quoted string (the IETF draft makes it a
 * structured-field string), 1–255 printable ASCII characters.
 */
export function idempotencyKeyOf(c: Context): string | undefined {
  const raw = c.req.header('idempotency-key');
  if (raw === undefined) return undefined;
  let key = raw.trim();
  if (key.length >= 2 && key.startsWith('"') && key.endsWith('"')) key = key.slice(1, -1);
  if (!keyPattern.test(key)) {
    throw validationProblem([
      {
        in: 'header',
        path: ['Idempotency-Key'],
        message: 'Ключ идемпотентности — от 1 до 255 печатных символов ASCII',
      },
    ]);
  }
  return key;
}
