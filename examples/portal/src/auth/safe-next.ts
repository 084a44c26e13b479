/** A path of this site: one slash, then anything but another slash or a backslash. */
const PLAIN_PATH = /^\/[^/\\]/;
/**
 * Control characters (browsers drop tabs and newlines inside URLs) and backslashes (read as
 * `/`), raw or percent-encoded: a path of this site needs none of them, and a proxy or a
 * later redirect that decodes once more would turn `%2F%2F` into `//`.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const UNSAFE = /[\u0000-\u001f\u007f\\]|%(?:[01][0-9a-f]|7f|2f|5c)/i;
/** A base that no real request has, to resolve `next` the way a browser would. */
const BASE = 'http://portal.invalid';

/**
 * Where to go after signing in, if `next` is a path of this site; otherwise `''` (the
 * caller sends the user home). `next` comes from the query string or a form, so it is the
 * attacker's choice: an open redirect would send a freshly signed-in user to a look-alike
 * site. Kept are only paths that start with a single `/` followed by something other
 * than `/` or `\`, with no control characters, backslashes or encoded slashes anywhere
 * (raw or percent-encoded); the path is then
 * resolved as a browser would resolve it (dot segments, percent-encoded dots) and kept
 * only if the result still is such a path on this origin, so `/..//evil.example` (which a
 * browser turns into `//evil.example`) goes home too. What is returned is the resolved,
 * percent-encoded form.
 *
 * @example
 * safeNext('/messages/demo-101'); // '/messages/demo-101'
 * safeNext('/\\evil.example');     // ''
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !PLAIN_PATH.test(next) || UNSAFE.test(next)) return '';
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return '';
  }
  if (url.origin !== BASE) return '';
  const path = `${url.pathname}${url.search}${url.hash}`;
  return PLAIN_PATH.test(path) && !UNSAFE.test(path) ? path : '';
}
