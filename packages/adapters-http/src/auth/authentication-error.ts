/**
 * The error codes of RFC 6750 §3.1 that a refused bearer token is answered with:
 * `invalid_request` (the request is malformed, e.g. two tokens), `invalid_token` (expired,
 * revoked, malformed, not for this API, or naming a user the portal does not accept).
 */
export type BearerErrorCode = 'invalid_request' | 'invalid_token';

const BRAND = Symbol.for('reshaem.authentication-error');

/**
 * Thrown by an `authenticate` that wants to say why it refused a request. The app answers
 * 401 problem+json with `WWW-Authenticate: Bearer error="…", error_description="…"`
 * (RFC 6750 §3) instead of the bare challenge a `null` gets. Any other error thrown by
 * `authenticate` is unexpected: the client gets a 500 and `onUnexpectedError` is told.
 *
 * @example
 * const authenticate: Authenticate = (request) => {
 *   const token = request.headers.get('authorization');
 *   if (token === null) return null; // 401, plain `WWW-Authenticate: Bearer`
 *   if (!tokens.has(token)) throw new AuthenticationError('invalid_token', 'Unknown token');
 *   return tokens.get(token);
 * };
 */
export class AuthenticationError extends Error {
  override readonly name = 'AuthenticationError';
  /** Marks instances across copies of this module (the main entry and `/oidc` in CJS). */
  readonly [BRAND] = true;

  constructor(
    readonly code: BearerErrorCode,
    /** Said to the client: in `error_description` and the problem's `detail`. */
    readonly description: string,
    options?: { cause?: unknown },
  ) {
    super(description, options);
  }
}

/** Is `error` an {@link AuthenticationError}, from whichever copy of this module? */
export const isAuthenticationError = (error: unknown): error is AuthenticationError =>
  typeof error === 'object' && error !== null && (error as { [BRAND]?: unknown })[BRAND] === true;

/**
 * RFC 6750 quoted-string values carry no `"` or `\` and only printable ASCII
 * (§3: "MUST NOT include characters outside the set %x20-21 / %x23-5B / %x5D-7E").
 */
const quotable = (text: string): string =>
  text.replace(/[^\x20-\x21\x23-\x5B\x5D-\x7E]/g, '?').slice(0, 200);

/**
 * The `WWW-Authenticate` value of a 401: the bare `Bearer` challenge when the request
 * carried no credentials (RFC 6750 §3.1 says to give no error code then), or the error and
 * its description when it carried a bad one.
 */
export function bearerChallenge(error?: AuthenticationError): string {
  if (error === undefined) return 'Bearer';
  return `Bearer error="${error.code}", error_description="${quotable(error.description)}"`;
}
