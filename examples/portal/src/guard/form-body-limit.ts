import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/** The default largest form post: 256 KiB, room for a 20 000-character text in Cyrillic. */
export const DEFAULT_FORM_BODY_BYTES = 256 * 1024;

/**
 * Caps the body of the pages' form posts (413) before anything parses it: a declared
 * Content-Length beyond the limit is refused without reading a byte; a body without one
 * (chunked) is counted as it streams in and refused at the first byte past the limit. The
 * refusal closes the connection, since the rest of the body is never read.
 *
 * @example
 * app.use('/my/*', formBodyLimit(64 * 1024, (c) => c.text('too large', 413)));
 */
export function formBodyLimit(
  maxBytes: number,
  tooLarge: (c: Context) => Response | Promise<Response>,
): MiddlewareHandler {
  if (!Number.isInteger(maxBytes) || maxBytes < 1) {
    throw new RangeError('the form body limit must be a positive integer');
  }
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: async (c) => {
      const response = await tooLarge(c);
      response.headers.set('connection', 'close');
      return response;
    },
  });
  return (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limit(c, next));
}
