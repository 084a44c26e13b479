import type { MiddlewareHandler } from 'hono';

/**
 * The headers every response of the API carries unless the option says otherwise. None of
 * them depends on HTML: a JSON body is never sniffed into a script or a page
 * (`nosniff`), never framed, never given a referrer, and should a browser render one
 * anyway, it may load and run nothing (`default-src 'none'`). The HTML reference at
 * `/docs` sends a policy of its own, which is kept.
 */
export const DEFAULT_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

/**
 * Responses built with the default headers in their plain header object (`jsonResponse`):
 * the middleware leaves them alone when the app uses the defaults, since reading
 * `response.headers` would turn the plain object into a `Headers` and cost every response
 * the copy into Node's response that `jsonResponse` exists to avoid.
 */
const secured = new WeakSet<Response>();

/** Records that the response carries {@link DEFAULT_SECURITY_HEADERS} already. */
export function markSecured(response: Response): Response {
  secured.add(response);
  return response;
}

/**
 * `securityHeaders` of `createHttpApp`: `true` or left out for
 * {@link DEFAULT_SECURITY_HEADERS}; `false` for none (a host that sets its own for every
 * response); or an object whose entries replace the defaults of the same name, `false`
 * dropping one.
 */
export type SecurityHeadersOption = boolean | Readonly<Record<string, string | false>>;

/** The headers to send, lower-cased, from the option. */
export function resolveSecurityHeaders(
  option: SecurityHeadersOption | undefined,
): [string, string][] {
  if (option === false) return [];
  const chosen: Record<string, string | false> = { ...DEFAULT_SECURITY_HEADERS };
  if (option !== undefined && option !== true) {
    for (const [name, value] of Object.entries(option)) chosen[name.toLowerCase()] = value;
  }
  return Object.entries(chosen).filter((entry): entry is [string, string] => entry[1] !== false);
}

/**
 * Adds the headers to every response, problems and 404s included, where the handler did
 * not set the header itself. JSON responses carry the defaults from the start
 * (`jsonResponse`); with the default option they are left as they are.
 */
export function securityHeaders(headers: readonly [string, string][]): MiddlewareHandler {
  const defaults = Object.entries(DEFAULT_SECURITY_HEADERS);
  const usesDefaults =
    headers.length === defaults.length &&
    defaults.every(([name, value], i) => headers[i]?.[0] === name && headers[i]?.[1] === value);
  return async (c, next) => {
    await next();
    const built = secured.has(c.res);
    if (built && usesDefaults) return;
    const sent = c.res.headers;
    if (built) for (const [name] of defaults) sent.delete(name);
    for (const [name, value] of headers) if (!sent.has(name)) sent.set(name, value);
  };
}
