import { SYSTEM_PRINCIPAL } from '../kernel/schemas/principal.js';
import type { MessageStatus } from './schemas/message.js';
import type { HistoryRecord, MessageSnapshot } from './workflow.js';

/**
 * The history line of a stored snapshot migrated to a newer definition: type
 * `definition.migrate`, payload `{ from, to }`, by the `system` principal, the status before
 * and after (a migration may rename states, not statuses, so they are usually equal). Only
 * officials see it (see `historyLineFor`).
 *
 * @example
 * const up = workflow.upgrade(stored.snapshot);
 * if (up.ok && up.migrated) {
 *   const record = definitionMigrateRecord(stored, up.snapshot, workflow.statusOf(up.snapshot), at, up.from);
 * }
 */
export function definitionMigrateRecord(
  stored: { id: string; status: MessageStatus },
  migrated: MessageSnapshot,
  toStatus: MessageStatus,
  at: string,
  from: number,
): HistoryRecord {
  const to = migrated.definition?.version ?? 1;
  return {
    messageId: stored.id,
    type: 'definition.migrate',
    at,
    by: {
      id: SYSTEM_PRINCIPAL.id,
      ...(SYSTEM_PRINCIPAL.name === undefined ? {} : { name: SYSTEM_PRINCIPAL.name }),
    },
    fromStatus: stored.status,
    toStatus,
    holdingOrgId: migrated.context.holdingOrgId,
    payload: { from, to },
  };
}
