import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Directory, Principal } from '@reshaem/core';

/** The portal's sign-in: a token per directory user, derived from a secret. */
export interface Accounts {
  /** Every user who can sign in, in directory order. */
  readonly users: readonly Principal[];
  /** The bearer token of a user: `<user id>.<signature>`. */
  tokenOf(userId: string): string;
  /** The user a token names, or `null` for a malformed or forged token. */
  principalOf(token: string | null | undefined): Principal | null;
}

const signature = (secret: string, userId: string) =>
  createHmac('sha256', secret).update(userId).digest('base64url').slice(0, 22);

/**
 * Accounts over the directory's users. The example has no identity provider: a token is
 * the user id signed with `secret`, so anyone who knows the secret can sign in as anyone —
 * fine for a demo, and the place to plug in a real one (OIDC, ЕСИА) in a portal of your own.
 *
 * @example
 * const accounts = createAccounts(directory, 'reshaem-demo');
 * accounts.principalOf(accounts.tokenOf('app-ivanov'))?.name; // 'Иванов Иван Иванович'
 */
export function createAccounts(directory: Directory, secret: string): Accounts {
  const users: Principal[] = directory.users.map(({ id, name, roles }) =>
    name === undefined ? { id, roles } : { id, name, roles },
  );
  const byId = new Map(users.map((u) => [u.id, u]));
  return {
    users,
    tokenOf: (userId) => `${userId}.${signature(secret, userId)}`,
    principalOf(token) {
      if (!token) return null;
      const dot = token.lastIndexOf('.');
      if (dot <= 0) return null;
      const userId = token.slice(0, dot);
      const user = byId.get(userId);
      if (!user) return null;
      const given = Buffer.from(token.slice(dot + 1));
      const expected = Buffer.from(signature(secret, userId));
      return given.length === expected.length && timingSafeEqual(given, expected) ? user : null;
    },
  };
}

/** The token of an `Authorization: Bearer …` header, if any. */
export function bearerToken(request: Request): string | null {
  const header = request.headers.get('authorization');
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1] ?? null;
}
