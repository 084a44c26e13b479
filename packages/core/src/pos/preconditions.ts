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
        : 'у организации, в которой находится сообщение, нет вышестоящей организации';
    case 'deadline.extension_request': {
      if (message.pendingExtension) return 'запрос на перенос срока уже ждёт решения руководителя';
      const { appealExtensions } = directory.settings;
      return message.lawType === 'appeal_59fz' && message.extensionsGranted >= appealExtensions
        ? 'срок ответа на обращение по 59-ФЗ можно перенести только один раз'
        : null;
    }
    case 'deadline.extension_approve':
    case 'deadline.extension_deny':
      return message.pendingExtension ? null : 'нет запроса на перенос срока';
    case 'rating.submit':
      return message.answer?.type === 'postponed'
        ? 'отложенное решение оценивается, когда придёт окончательный ответ'
        : null;
    default:
      return null;
  }
}
