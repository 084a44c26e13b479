import type { Directory } from '../kernel/notifications/directory.js';
import type { MessageEventType } from './schemas/events.js';
import type { Message } from './schemas/message.js';

/**
 * Why an event cannot succeed on this message whatever its payload says, or `null` when it
 * may. `availableEvents` leaves such events out, so a portal never draws a button that can
 * only fail; `applyEvent` refuses them with this reason.
 */
export function unmetPrecondition(
  type: MessageEventType,
  message: Message,
  directory: Directory,
): string | null {
  switch (type) {
    case 'coordination.return':
      return directory.parentOf(message.holdingOrgId)
        ? null
        : 'the organisation holding the message has no parent to return it to';
    case 'deadline.extension_request': {
      if (message.pendingExtension) return 'an extension request is already waiting for the head';
      const { appealExtensions } = directory.settings;
      return message.lawType === 'appeal_59fz' && message.extensionsGranted >= appealExtensions
        ? 'a 59-ФЗ appeal is extended at most once'
        : null;
    }
    case 'deadline.extension_approve':
    case 'deadline.extension_deny':
      return message.pendingExtension ? null : 'no extension request is waiting';
    case 'rating.submit':
      return message.answer?.type === 'postponed'
        ? 'a postponed answer is rated when the final answer comes'
        : null;
    default:
      return null;
  }
}
