import { z } from 'zod';

/**
 * Once the format is checked, 24 characters ending in `Z` can only be
 * `YYYY-MM-DDTHH:mm:ss.sssZ`, the normal form itself: no need to parse and print it again.
 */
const isCanonical = (value: string) => value.length === 24 && value.endsWith('Z');

/**
 * An instant on the timeline as an ISO 8601 string with an offset (`Z` or `+12:00`).
 * It is normalised to UTC (`2025-01-15T11:18:00.000Z`) so that equal instants compare equal.
 */
export const instantSchema = z.iso
  .datetime({ offset: true })
  .transform((value) => (isCanonical(value) ? value : new Date(value).toISOString()));

export type Instant = z.output<typeof instantSchema>;

/** A calendar date without a time, `YYYY-MM-DD`. */
export const localDateSchema = z.iso.date();
export type LocalDate = z.infer<typeof localDateSchema>;

/**
 * A NUL byte, or half of a UTF-16 surrogate pair without its other half: neither can be
 * written as UTF-8, so PostgreSQL's `text` cannot hold them (PGlite and PostgreSQL refuse
 * the statement).
 */
const UNSTORABLE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a string can be stored as text: no NUL byte and no lone surrogate. */
export const isStorableText = (value: string): boolean => !UNSTORABLE.test(value);

/**
 * A string that can be stored: every string field of the core's schemas is one, so a NUL
 * byte or a lone surrogate is refused as invalid input (422 over HTTP) before any store
 * sees it, rather than failing in the database.
 */
export const storableString = () =>
  z.string().refine(isStorableText, {
    message:
      'содержит нулевой байт или одиночный суррогат UTF-16, которые нельзя сохранить как текст',
    abort: true,
  });

/** Ids are opaque, non-empty strings chosen by the caller (UUIDs, database keys, …). */
export const idSchema = storableString().min(1).max(200);
export type Id = z.infer<typeof idSchema>;

/** Free text written by a person: trimmed, never empty. */
export const textSchema = (max = 20_000) => storableString().trim().min(1).max(max);
