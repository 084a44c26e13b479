import { localDateIn } from '../../kernel/deadlines/instant.js';
import { addCalendarDays } from '../../kernel/deadlines/local-date.js';
import type { Directory } from '../../kernel/notifications/directory.js';
import type { MessageEventType } from '../schemas/events.js';
import type { MessageSnapshot } from '../workflow.js';

/**
 * A well-formed payload for `type` on this message that names real people and places:
 * an executor of the holding organisation, a competent or subordinate organisation to
 * forward to. `pick` chooses among the candidates, so random walks vary.
 */
export function plausiblePayload(
  type: MessageEventType,
  snapshot: MessageSnapshot,
  directory: Directory,
  pick = 0,
): Record<string, unknown> {
  const m = snapshot.context;
  const choose = <T>(items: T[]): T | undefined => items[pick % Math.max(items.length, 1)];
  switch (type) {
    case 'moderation.reject':
      return { reason: 'Сообщение не содержит сути обращения' };
    case 'moderation.correct': {
      // Another recipient of the region that answers for the subcategory or coordinates it.
      const recipients = directory.organisations.filter(
        (o) =>
          o.id !== m.receivedOrgId &&
          o.regionCode === m.regionCode &&
          (o.coordinatesRegion || directory.isCompetent(o.id, m.subcategoryId)),
      );
      return { orgId: choose(recipients)?.id ?? m.receivedOrgId };
    }
    case 'executor.assign':
    case 'executor.reassign': {
      const executors = directory.users.filter(
        (u) =>
          u.id !== m.executorId &&
          u.roles.some((r) => r.role === 'executor' && r.orgId === m.holdingOrgId),
      );
      return { executorId: choose(executors)?.id ?? 'nobody' };
    }
    case 'coordination.forward': {
      const targets = directory.organisations.filter(
        (o) =>
          o.id !== m.holdingOrgId &&
          (directory.isBelow(o.id, m.holdingOrgId) || directory.isCompetent(o.id, m.subcategoryId)),
      );
      return { orgId: choose(targets)?.id ?? m.holdingOrgId };
    }
    case 'coordination.return':
      return { comment: 'Поступило не по компетенции' };
    case 'answer.return':
      return { comment: 'Приложите фотографии выполненных работ' };
    case 'answer.submit': {
      const types = ['resolved', 'not_resolved', 'postponed', 'declined'] as const;
      const answerType = types[pick % types.length] ?? 'resolved';
      return {
        answer: {
          type: answerType,
          text: 'Работы выполнены, акт приложен.',
          files: [{ name: 'акт.pdf' }],
          ...(answerType === 'postponed' ? { postponedUntil: '2031-06-01' } : {}),
        },
      };
    }
    case 'registration.update':
      return { registrationNumber: `РН-${pick % 1000}` };
    case 'deadline.extension_request': {
      const until =
        m.responseDueAt && m.timeZone
          ? addCalendarDays(localDateIn(m.responseDueAt, m.timeZone), 1 + (pick % 20))
          : '2031-01-01';
      return { until, reason: 'Требуется выезд комиссии' };
    }
    case 'deadline.extension_approve':
      return {};
    case 'deadline.extension_deny':
      return { comment: 'Оснований для переноса нет' };
    case 'deadline.due_soon':
      return { dueAt: m.dueSoonAt ?? '2031-01-01T00:00:00.000Z' };
    case 'deadline.overdue':
      return { dueAt: m.responseDueAt ?? '2031-01-01T00:00:00.000Z' };
    case 'rating.submit':
      return { score: 1 + (pick % 5), comment: pick % 2 ? 'Проблема не решена' : undefined };
    case 'delivery.confirm': {
      const channels = ['phone', 'email', 'post', 'courier'] as const;
      return { channel: channels[pick % 4], note: 'Ответ зачитан заявителю по телефону' };
    }
    case 'delivery.email_result':
      return pick % 3 ? { sent: true } : { sent: false, error: 'mailbox unavailable' };
    case 'rating.window_closed':
      return { dueAt: m.ratingDueAt ?? '2031-01-01T00:00:00.000Z' };
    case 'delivery.overdue':
      return { dueAt: m.deliveryDueAt ?? '2031-01-01T00:00:00.000Z' };
    case 'postponement.due':
      return { until: m.answer?.postponedUntil ?? '2031-01-01' };
    default:
      return {};
  }
}
