import { type Folder, type Queue, workedFoldersOf, worksFolders } from '@reshaem/core';
import type { Hono } from 'hono';
import { authenticated } from '../../access.js';
import type { AppEnv, RouteDeps } from '../../env.js';
import { foldersForbidden } from '../../problems.js';

/**
 * GET /folders — the backoffice folders and queues of SPEC §7 the caller works
 * (`workedFoldersOf`: a coordinator's status folders, an executor's and a head's queues,
 * «Скоро срок» and «Просрочено»), each with the caller's count and the query parameter that
 * lists it (`folder` or `queue`); 403 for an applicant or operator, who do not work folders
 * ({@link worksFolders}).
 */
export function registerFolders(app: Hono<AppEnv>, deps: RouteDeps): void {
  app.get('/folders', authenticated(deps), async (c) => {
    const principal = c.get('principal');
    if (!worksFolders(principal)) throw foldersForbidden();
    const [folderCounts, queueCounts] = await Promise.all([
      deps.store.folderCounts(principal),
      deps.store.queueCounts(principal),
    ]);
    const folders = workedFoldersOf(principal).map((f) => ({
      code: f.code,
      kind: f.kind,
      role: f.role,
      label: f.label,
      count:
        (f.kind === 'folder' ? folderCounts[f.code as Folder] : queueCounts[f.code as Queue]) ?? 0,
    }));
    return c.json({ folders });
  });
}

/** GET /catalogue — categories, subcategories with their deadline rules and fast-track flag, facts. */
export function registerCatalogue(app: Hono<AppEnv>, deps: RouteDeps): void {
  app.get('/catalogue', (c) => c.json(deps.store.directory.catalogue));
}
