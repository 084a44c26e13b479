import { DEFAULT_SECURITY_HEADERS, markSecured } from './security-headers.js';

/**
 * A JSON response with its headers as a plain object, for handlers that send headers of
 * their own (ETag, Location …). Hono's `c.json(body, status, headers)` builds a `Headers`
 * object once there is more than one header, and @hono/node-server then copies it entry by
 * entry into Node's response; a plain object goes to Node's `writeHead` as it is. Served
 * under load, that copy was a measurable share of a write's cost.
 *
 * Headers a middleware set through `c.res` before the handler ran are still merged in by
 * Hono, as for any Response a handler returns. Problems (RFC 9457) go out the same way, with
 * their own media type. The default security headers are part of the plain object.
 */
export function jsonResponse(
  body: unknown,
  status: number,
  headers: Record<string, string>,
  contentType = 'application/json',
): Response {
  const response = new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': contentType, ...DEFAULT_SECURITY_HEADERS, ...headers },
  });
  return markSecured(response);
}
