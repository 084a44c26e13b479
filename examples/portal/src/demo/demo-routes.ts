import type { Directory } from '@reshaem/core';
import type { Env, Hono } from 'hono';
import type { Accounts } from '../auth/accounts.js';

/**
 * GET /demo/users (demo mode only): every demo user with roles and the bearer token for
 * the API, so that a newcomer can try `curl -H "Authorization: Bearer …" /api/messages`.
 */
export function registerDemoRoutes<E extends Env>(
  app: Hono<E>,
  accounts: Accounts,
  directory: Directory,
): void {
  app.get('/demo/users', (c) =>
    c.json({
      note: 'Demo mode: sign in at /sign-in, or call the API at /api with the header "Authorization: Bearer <token>". API reference: /api/docs.',
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
