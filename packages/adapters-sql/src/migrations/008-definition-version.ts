import type { Migration } from './migration.js';

/**
 * Which definition of its workflow made each stored snapshot: `definition_version`, written
 * from the snapshot's stamp with every write (`definitionVersionOf`: 1 when unstamped, which
 * is every row stored before this step, so the default is exact for them). The index pages a
 * batch migration through one version's rows in id order and counts rows by version.
 */
export const definitionVersion: Migration = {
  version: 8,
  name: '008-definition-version',
  statements: [
    'ALTER TABLE messages ADD COLUMN definition_version integer NOT NULL DEFAULT 1',
    'CREATE INDEX messages_definition ON messages (definition_version, id)',
    'ALTER TABLE cases ADD COLUMN definition_version integer NOT NULL DEFAULT 1',
    'CREATE INDEX cases_definition ON cases (definition_version, id)',
  ],
};
