import type { Principal } from '@reshaem/core';
import type { ResolvedOptions } from './options.js';

/** The Hono environment of the app: the resolved options and the authenticated caller. */
export interface AppEnv {
  Variables: {
    principal: Principal;
  };
}

/** What every route module receives. */
export type RouteDeps = ResolvedOptions;
