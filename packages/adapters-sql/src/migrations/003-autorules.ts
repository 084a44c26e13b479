import type { Migration } from './migration.js';

/**
 * The organisations' autorules (SPEC §6), as their admins save them: one row per rule, the
 * zod-validated rule as JSON. The write path reads the rules of the holding organisation.
 * And the other settings an admin keeps (`notifications`, `answer_templates`): one JSON
 * list per organisation and kind.
 */
export const autorules: Migration = {
  version: 3,
  name: 'autorules',
  statements: [
    `CREATE TABLE autorules (
      org_id text NOT NULL,
      id text NOT NULL,
      position integer NOT NULL,
      rule jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_id, id)
    )`,
    `CREATE TABLE organisation_settings (
      org_id text NOT NULL,
      kind text NOT NULL,
      items jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_id, kind)
    )`,
  ],
};
