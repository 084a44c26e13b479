import type { MessageStore } from '@reshaem/core';
import type { Accounts } from '../auth/accounts.js';
import type { MapSettings } from './map/map-settings.js';
import type { PageUploads } from './uploads.js';

/** What the pages need: the store (with its directory), who may sign in, and a clock. */
export interface WebDeps {
  store: MessageStore;
  accounts: Accounts;
  now: () => Date;
  /** Demo mode: the sign-in page lists the users. */
  demo: boolean;
  /** Mark the session cookie `Secure`: sent over HTTPS only. */
  secureCookies?: boolean;
  /** The sign-in page offers «Войти через <this>» (`GET /sign-in/oidc`). */
  oidcProviderName?: string;
  /** File fields on the submit and answer forms; absent: none. */
  uploads?: PageUploads;
  /** The maps of the submit forms and the message page (tiles); absent: no tiles. */
  map?: MapSettings;
}
