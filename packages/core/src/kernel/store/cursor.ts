/** The position after which the next page starts: the sort value and the id as tie-breaker. */
export interface Cursor {
  value: string;
  id: string;
}

const toBase64Url = (text: string) => {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};
const fromBase64Url = (text: string) => {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
};

/** Encodes a keyset cursor as an opaque URL-safe string. */
export const encodeCursor = (cursor: Cursor): string =>
  toBase64Url(JSON.stringify([cursor.value, cursor.id]));

/** Decodes a cursor; `undefined` when it is malformed. */
export function decodeCursor(text: string): Cursor | undefined {
  try {
    const parsed: unknown = JSON.parse(fromBase64Url(text));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      typeof parsed[1] === 'string'
    ) {
      return { value: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through: a malformed cursor is the caller's error
  }
  return undefined;
}
