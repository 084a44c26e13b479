import {
  folderLabels,
  folderOf,
  type Message,
  type MessageStatus,
  messageStatuses,
} from '@reshaem/core';
import type { StatusView } from '../schemas/views.js';

/** A status as people and clients need it: code, Russian label, stage and folder. */
export function statusView(code: MessageStatus, message: Pick<Message, 'arrivedBy'>): StatusView {
  const info = messageStatuses[code];
  const folder = folderOf(code, message);
  return {
    code,
    label: info.label,
    stage: info.stage,
    stageLabel: info.stageLabel,
    final: info.final,
    folder,
    folderLabel: folderLabels[folder],
  };
}
