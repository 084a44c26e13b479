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
 * `Content-Disposition: attachment` with the name for every client: an ASCII `filename`
 * and the exact name as RFC 8187 `filename*` (UTF-8, percent-encoded), per RFC 6266.
 */
export function attachmentDisposition(name: string): string {
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiFallback(name)}"; filename*=UTF-8''${encoded}`;
}
