import { type Folder, folderLabels, worksFolders } from '@reshaem/core';
import type { Hono } from 'hono';
import { authenticated } from '../../access.js';
import type { AppEnv, RouteDeps } from '../../env.js';
import { foldersForbidden } from '../../problems.js';

/**
 * GET /folders — the backoffice folders of SPEC §7 with the caller's counts; 403 for an
 * applicant or operator, who do not work folders ({@link worksFolders}).
 */
export function registerFolders(app: Hono<AppEnv>, deps: RouteDeps): void {
  app.get('/folders', authenticated(deps), async (c) => {
    const principal = c.get('principal');
    if (!worksFolders(principal)) throw foldersForbidden();
    const counts = await deps.store.folderCounts(principal);
    const folders = (Object.keys(folderLabels) as Folder[]).map((code) => ({
      code,
      label: folderLabels[code],
      count: counts[code] ?? 0,
    }));
    return c.json({ folders });
  });
}

/** GET /catalogue — categories, subcategories with their deadline rules and fast-track flag, facts. */
export function registerCatalogue(app: Hono<AppEnv>, deps: RouteDeps): void {
  app.get('/catalogue', (c) => c.json(deps.store.directory.catalogue));
}
