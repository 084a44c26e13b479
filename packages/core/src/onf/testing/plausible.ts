import { localDateIn } from '../../kernel/deadlines/instant.js';
import { addCalendarDays } from '../../kernel/deadlines/local-date.js';
import type { Directory } from '../../kernel/notifications/directory.js';
import { caseTimeZone } from '../resolve.js';
import type { CaseEventType } from '../schemas/events.js';
import { closeReasonSchema, contactOutcomeSchema } from '../schemas/parts.js';
import type { CaseSnapshot } from '../workflow.js';

/**
 * A well-formed payload for `type` on this card at instant `at`, naming real people and
 * places. `pick` chooses among the candidates so random walks vary — including close
 * requests that miss their requirement, and re-reviews that move the card to another region.
 */
export function plausibleCasePayload(
  type: CaseEventType,
  snapshot: CaseSnapshot,
  directory: Directory,
  at: string,
  pick = 0,
): Record<string, unknown> {
  const card = snapshot.context;
  const choose = <T>(items: readonly T[]): T | undefined => items[pick % Math.max(items.length, 1)];
  const today = localDateIn(at, caseTimeZone(card));
  switch (type) {
    case 'case.assign': {
      const executors = directory.users.filter(
        (u) =>
          u.id !== card.executorId &&
          u.roles.some(
            (r) =>
              r.role === 'executor' &&
              r.orgId !== undefined &&
              directory.organisation(r.orgId)?.regionCode === card.regionCode,
          ),
      );
      return { executorId: choose(executors)?.id ?? 'nobody' };
    }
    case 'case.comment':
      return { text: 'Связался с заявителем, уточнил адрес' };
    case 'case.contact_attempt':
      return { outcome: choose(contactOutcomeSchema.options.slice(1)) };
    case 'case.resolve':
      return {
        description: 'Лекарства доставлены, заявитель подтвердил',
        files: [{ name: 'фото.jpg' }],
      };
    case 'case.postpone':
      return {
        until: addCalendarDays(today, 1 + (pick % 90)),
        reason: 'Строительство до конца года',
      };
    case 'case.close_request': {
      const reason = choose(closeReasonSchema.options);
      // Every other pick leaves out what the reason needs, so returns get exercised.
      const complete = Math.floor(pick / closeReasonSchema.options.length) % 2 === 0;
      return {
        reason,
        ...(complete
          ? { comment: 'Заявитель получил помощь в другом месте', duplicateOf: '1' }
          : {}),
      };
    }
    case 'case.rereview_request':
      return { reason: pick % 2 ? 'wrong_region' : 'wrong_category' };
    case 'case.rereview_fix': {
      // Mostly a category fix; one pick in four moves the card to another region.
      const regions = directory.organisations.map((o) => o.regionCode);
      const regionCode = pick % 4 === 0 ? choose(regions) : card.regionCode;
      const categories = directory.catalogue.categories.map((c) => c.id);
      return { regionCode, categoryId: choose(categories), comment: 'Исправлено' };
    }
    case 'case.support_request':
      return { corrections: [{ field: 'phone', value: '+7(914)000-00-00' }] };
    case 'case.support_fix':
      return { changes: { phone: '+7(914)000-00-00' } };
    case 'case.return':
      return { comment: 'Заявитель не подтвердил оказание помощи' };
    case 'case.postponement_due':
      return { until: card.postponement?.until ?? today };
    default:
      return {};
  }
}
