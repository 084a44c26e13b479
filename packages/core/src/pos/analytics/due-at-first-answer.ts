import type { Directory } from '../../kernel/notifications/directory.js';
import { registrationDeadline } from '../deadline.js';
import type { Message } from '../schemas/message.js';
import type { HistoryRecord } from '../workflow.js';

const deadlineIn = (value: unknown): string | null => {
  if (value === null || typeof value !== 'object') return null;
  const due = (value as { responseDueAt?: unknown }).responseDueAt;
  return typeof due === 'string' ? due : null;
};

/**
 * The response deadline in force when the message's first answer was approved, read from its
 * history (oldest first): the deadline its registration fixed — at `moderation.accept`, or at
 * the submit of an operator-entered message (counted again by the subcategory's rule, as the
 * submit did) — moved by every extension the head approved before the answer. `null` when
 * no answer was approved, or the message never had a deadline.
 *
 * @example
 * dueAtFirstAnswerOf(await store.history(id), message, directory); // '2025-02-14T11:59:00.000Z'
 */
export function dueAtFirstAnswerOf(
  history: readonly HistoryRecord[],
  message: Pick<Message, 'subcategoryId' | 'lawType'>,
  directory: Directory,
): string | null {
  let due: string | null = null;
  for (const record of history) {
    switch (record.type) {
      case 'submit': {
        const orgId = record.payload.orgId;
        if (record.payload.channel === 'operator' && typeof orgId === 'string') {
          const fixed = registrationDeadline(
            { subcategoryId: message.subcategoryId, lawType: message.lawType, holdingOrgId: orgId },
            record.at,
            directory,
          );
          due = fixed?.responseDueAt ?? null;
        }
        break;
      }
      case 'moderation.accept':
        due = deadlineIn(record.payload.deadline) ?? due;
        break;
      case 'deadline.extension_approve':
        due = deadlineIn(record.payload) ?? due;
        break;
      case 'answer.approve':
        return due;
      default:
        break;
    }
  }
  return null;
}
