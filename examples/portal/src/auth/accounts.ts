import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Directory, Principal } from '@reshaem/core';

/** The portal's sign-in: a token per directory user, signed with a secret, that expires. */
export interface Accounts {
  /** Every user who can sign in, in directory order. */
  readonly users: readonly Principal[];
  /** How long a token is valid from the moment it is issued, in seconds. */
  readonly ttlSeconds: number;
  /** A new bearer token of a user, valid for `ttlSeconds`: `<user id>.<expiry>.<signature>`. */
  tokenOf(userId: string): string;
  /** The user a token names, or `null` for a malformed, forged or expired token. */
  principalOf(token: string | null | undefined): Principal | null;
}

export interface AccountsOptions {
  /** The clock tokens are issued and checked by. Default: the system clock. */
  now?: () => Date;
  /** How long a token is valid, in seconds. Default 12 hours. */
  ttlSeconds?: number;
  /**
   * Users the directory does not know are applicants (an OpenID provider in front of ЕСИА
   * with `RESHAEM_OIDC_UNKNOWN_USERS=applicant`). Default off: only directory users.
   * Tokens are signed, so nobody without the secret can mint one for an id of their choosing.
   */
  applicants?: boolean;
}

/** Twelve hours: a working day, after which the user signs in again. */
export const DEFAULT_TOKEN_TTL_SECONDS = 12 * 60 * 60;

const signature = (secret: string, payload: string) =>
  createHmac('sha256', secret).update(payload).digest('base64url').slice(0, 22);

const EXPIRY = /^\d{1,12}$/;

/**
 * Accounts over the directory's users. The example has no identity provider: a token is
 * the user id and an expiry instant (Unix seconds) signed with `secret`, so anyone who knows
 * the secret can sign in as anyone — fine for a demo, and the place to plug in a real one
 * (OIDC, ЕСИА) in a portal of your own. A token is refused once its expiry has passed,
 * so a token copied from `/demo/users` or a stolen cookie does not work forever.
 *
 * @example
 * const accounts = createAccounts(directory, process.env.RESHAEM_TOKEN_SECRET, { ttlSeconds: 3600 });
 * accounts.principalOf(accounts.tokenOf('app-ivanov'))?.name; // 'Иванов Иван Иванович'
 */
export function createAccounts(
  directory: Directory,
  secret: string,
  options: AccountsOptions = {},
): Accounts {
  const now = options.now ?? (() => new Date());
  const ttlSeconds = options.ttlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS;
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1) {
    throw new RangeError('ttlSeconds must be a positive integer');
  }
  const users: Principal[] = directory.users.map(({ id, name, roles }) =>
    name === undefined ? { id, roles } : { id, name, roles },
  );
  const byId = new Map(users.map((u) => [u.id, u]));
  const seconds = () => Math.floor(now().getTime() / 1000);
  return {
    users,
    ttlSeconds,
    tokenOf(userId) {
      const payload = `${userId}.${seconds() + ttlSeconds}`;
      return `${payload}.${signature(secret, payload)}`;
    },
    principalOf(token) {
      if (!token) return null;
      const last = token.lastIndexOf('.');
      const middle = token.lastIndexOf('.', last - 1);
      if (middle <= 0) return null;
      const id = token.slice(0, middle);
      const user =
        byId.get(id) ??
        (options.applicants ? { id, roles: [{ role: 'applicant' as const }] } : undefined);
      const expiry = token.slice(middle + 1, last);
      if (!user || !EXPIRY.test(expiry)) return null;
      const given = Buffer.from(token.slice(last + 1));
      const expected = Buffer.from(signature(secret, token.slice(0, last)));
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      return Number(expiry) > seconds() ? user : null;
    },
  };
}

/**
 * The user a token claims to be, without checking it: what sign-in attempts are counted
 * against (so that guessing one user's token from many addresses is limited too).
 */
export function claimedUserId(token: string): string | null {
  const middle = token.lastIndexOf('.', token.lastIndexOf('.') - 1);
  return middle > 0 ? token.slice(0, middle) : null;
}

/** The token of an `Authorization: Bearer …` header, if any. */
export function bearerToken(request: Request): string | null {
  const header = request.headers.get('authorization');
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1] ?? null;
}
