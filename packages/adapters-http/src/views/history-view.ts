import { type Directory, messageStatuses, type StoredHistoryRecord } from '@reshaem/core';
import type { HistoryItem } from '../schemas/views.js';

/** One line of the ход работ with the Russian status labels and the organisation's name. */
export function historyItem(record: StoredHistoryRecord, directory: Directory): HistoryItem {
  return {
    version: record.version,
    type: record.type,
    at: record.at,
    by: record.by,
    fromStatus: record.fromStatus,
    fromStatusLabel: record.fromStatus === null ? null : messageStatuses[record.fromStatus].label,
    toStatus: record.toStatus,
    toStatusLabel: messageStatuses[record.toStatus].label,
    holdingOrgId: record.holdingOrgId,
    holdingOrgName: directory.organisation(record.holdingOrgId)?.name ?? null,
    payload: record.payload,
  };
}
