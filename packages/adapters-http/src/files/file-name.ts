import { isStorableText } from '@reshaem/core';

/** The longest stored name, in characters. */
export const MAX_FILE_NAME = 255;

/**
 * The name a file is stored and shown under: the last segment of whatever path the client
 * sent (both separators), without control characters (NUL included), trimmed. `null` when
 * nothing usable is left, the name is longer than {@link MAX_FILE_NAME} characters, or it
 * holds text the database cannot store (an unpaired surrogate).
 */
export function cleanFileName(raw: string): string | null {
  const base = raw.split(/[/\\]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const name = base.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim();
  if (name === '' || name === '.' || name === '..') return null;
  if ([...name].length > MAX_FILE_NAME || !isStorableText(name)) return null;
  return name;
}

/** ASCII stand-in for old clients: non-ASCII and quoting characters become `_`. */
const asciiFallback = (name: string) => name.replace(/[^\x20-\x7e]|["\\%]/g, '_');

/**
 * `Content-Disposition: attachment` (or `inline`) with the name for every client: an ASCII
 * `filename` and the exact name as RFC 8187 `filename*` (UTF-8, percent-encoded), per
 * RFC 6266.
 */
export function attachmentDisposition(
  name: string,
  type: 'attachment' | 'inline' = 'attachment',
): string {
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${asciiFallback(name)}"; filename*=UTF-8''${encoded}`;
}

/**
 * The types a download may be shown `inline` (a preview on a page): photos a browser
 * renders as an image and nothing else, so no upload ever runs as a document of the site.
 */
export const INLINE_TYPES: ReadonlySet<string> = new Set(['image/jpeg', 'image/png']);

/**
 * The disposition of a download: `inline` only when asked for (`?disposition=inline`) and
 * the stored type is one of {@link INLINE_TYPES}; `attachment` otherwise.
 */
export const dispositionOf = (
  file: { name: string; contentType: string },
  asked: string | undefined,
): string =>
  attachmentDisposition(
    file.name,
    asked === 'inline' && INLINE_TYPES.has(file.contentType) ? 'inline' : 'attachment',
  );
