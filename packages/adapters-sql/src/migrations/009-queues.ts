import type { Migration } from './migration.js';

/**
 * The backoffice queues and the filters SPEC §7 added (see the core's `inQueue`): the
 * deadline region's state (`deadline_state`: «Скоро срок», «Просрочено»), a return for
 * rework (`rework`), a pending extension request (`extension_pending`), 59-ФЗ (`law_type`)
 * and the applicant's name for the text search (`applicant_search`, in lower case).
 * Existing rows are filled from their snapshots; their names are folded by `lower()`, which
 * in a database with the C locale folds ASCII only, until the message's next write stores
 * the JavaScript fold.
 *
 * The counts read the queues through partial indexes: an executor's messages by status, and
 * per holding organisation the messages due soon or overdue and those with a request.
 */
export const queues: Migration = {
  version: 9,
  name: '009-queues',
  statements: [
    'ALTER TABLE messages ADD COLUMN deadline_state text',
    'ALTER TABLE messages ADD COLUMN rework boolean NOT NULL DEFAULT false',
    'ALTER TABLE messages ADD COLUMN extension_pending boolean NOT NULL DEFAULT false',
    "ALTER TABLE messages ADD COLUMN law_type text NOT NULL DEFAULT 'message'",
    "ALTER TABLE messages ADD COLUMN applicant_search text NOT NULL DEFAULT ''",
    `UPDATE messages SET
      deadline_state = CASE WHEN jsonb_typeof(snapshot -> 'value' -> 'deadline') = 'object'
        THEN snapshot -> 'value' -> 'deadline' ->> 'running' END,
      rework = status = 'in_work'
        AND jsonb_typeof(snapshot -> 'context' -> 'answer') = 'object'
        AND jsonb_typeof(snapshot -> 'context' -> 'answer' -> 'approvedAt') IS DISTINCT FROM 'string',
      extension_pending = jsonb_typeof(snapshot -> 'context' -> 'pendingExtension') = 'object',
      law_type = coalesce(snapshot -> 'context' ->> 'lawType', 'message'),
      applicant_search = lower(coalesce(snapshot -> 'context' -> 'applicant' ->> 'name', ''))`,
    `CREATE INDEX messages_executor_queue ON messages (executor_id, status)
      WHERE executor_id IS NOT NULL`,
    `CREATE INDEX messages_deadline_queue ON messages (holding_org_id, deadline_state)
      WHERE deadline_state IN ('due_soon', 'overdue')`,
    `CREATE INDEX messages_extension_queue ON messages (holding_org_id)
      WHERE extension_pending`,
  ],
};
