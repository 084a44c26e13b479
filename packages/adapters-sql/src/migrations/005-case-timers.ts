import type { Migration } from './migration.js';

/**
 * ОНФ card timers and outbox entries beside the ПОС ones: `workflow` says whose row it is
 * (`'pos'` for a message, `'onf'` for a card). Card ids and message ids live in different
 * tables and may coincide, so the timers' key includes the workflow.
 */
export const caseTimers: Migration = {
  version: 5,
  name: '005-case-timers',
  statements: [
    `ALTER TABLE timers ADD COLUMN workflow text NOT NULL DEFAULT 'pos'
      CHECK (workflow IN ('pos', 'onf'))`,
    'ALTER TABLE timers DROP CONSTRAINT timers_pkey',
    'ALTER TABLE timers ADD PRIMARY KEY (workflow, message_id, id)',
    `ALTER TABLE outbox ADD COLUMN workflow text NOT NULL DEFAULT 'pos'
      CHECK (workflow IN ('pos', 'onf'))`,
  ],
};
