import type { Directory } from '@reshaem/core';
import type { Env, Hono } from 'hono';
import type { Accounts } from '../auth/accounts.js';

/**
 * GET /demo/users (demo mode only): every demo user with roles and a fresh bearer token for
 * the API, so that a newcomer can try `curl -H "Authorization: Bearer …" /api/messages`.
 * The tokens expire like any other (`accounts.ttlSeconds`); ask again for new ones.
 */
export function registerDemoRoutes<E extends Env>(
  app: Hono<E>,
  accounts: Accounts,
  directory: Directory,
): void {
  app.get('/demo/users', (c) =>
    c.json({
      note: `Demo mode: sign in at /sign-in, or call the API at /api with the header "Authorization: Bearer <token>". The tokens are valid for ${accounts.ttlSeconds / 3600} h from now. API reference: /api/docs.`,
      expiresInSeconds: accounts.ttlSeconds,
      users: accounts.users.map((user) => {
        const token = accounts.tokenOf(user.id);
        return {
          id: user.id,
          name: user.name ?? null,
          roles: user.roles.map((r) => ({
            role: r.role,
            orgId: r.orgId ?? null,
            orgName: r.orgId ? (directory.organisation(r.orgId)?.name ?? null) : null,
          })),
          token,
          authorization: `Bearer ${token}`,
        };
      }),
    }),
  );
}
