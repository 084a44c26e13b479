import {
  folderLabels,
  folderOf,
  type Message,
  type MessageStatus,
  type MessageViewer,
  messageStatuses,
  seesFolder,
} from '@reshaem/core';
import type { StatusView } from '../schemas/views.js';

/**
 * A status as people and clients need it: code, Russian label, stage and, for the
 * organisations' staff, the backoffice folder ({@link seesFolder}); `null` for the others.
 */
export function statusView(
  code: MessageStatus,
  message: Pick<Message, 'arrivedBy'>,
  viewer: MessageViewer,
): StatusView {
  const info = messageStatuses[code];
  const folder = seesFolder(viewer) ? folderOf(code, message) : null;
  return {
    code,
    label: info.label,
    stage: info.stage,
    stageLabel: info.stageLabel,
    final: info.final,
    folder,
    folderLabel: folder === null ? null : folderLabels[folder],
  };
}
