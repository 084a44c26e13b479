import { AuthenticationError } from './authentication-error.js';

/**
 * The token of an `Authorization: Bearer <token>` header (RFC 6750 §2.1), or `null` when the
 * request carries no bearer credentials at all (the app then answers with the bare
 * challenge). A Bearer header that is not one token is `invalid_request`.
 */
export function bearerTokenOf(request: Request): string | null {
  const header = request.headers.get('authorization');
  if (header === null) return null;
  const [scheme, ...rest] = header.trim().split(/\s+/);
  if (scheme?.toLowerCase() !== 'bearer') return null;
  if (rest.length !== 1 || !TOKEN68.test(rest[0] as string)) {
    throw new AuthenticationError(
      'invalid_request',
      'The Authorization header carries no single bearer token',
    );
  }
  return rest[0] as string;
}

/** RFC 6750 §2.1 `b64token`. */
const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*$/;
