import { computeDeadline, dueSoonAt } from '../kernel/deadlines/deadline.js';
import { checkExtension } from '../kernel/deadlines/extension.js';
import { localDateIn } from '../kernel/deadlines/instant.js';
import type { Directory } from '../kernel/notifications/directory.js';
import type { DeadlineRule } from '../kernel/schemas/catalogue.js';
import type { LawType, Message } from './schemas/message.js';

/** The deadline fields a message gets when it is registered. */
export interface RegistrationDeadline {
  responseDueAt: string;
  dueSoonAt: string;
  timeZone: string;
}

/**
 * The rule that counts a message's response deadline: its subcategory's (fast-track ≤ 10
 * days, calendar or working), and for a 59-ФЗ appeal never longer than the appeal limit
 * (30 calendar days by default).
 */
export function deadlineRuleFor(
  subcategoryRule: DeadlineRule,
  lawType: LawType,
  directory: Directory,
): DeadlineRule {
  if (lawType !== 'appeal_59fz') return subcategoryRule;
  const limit: DeadlineRule = { days: directory.settings.appealDays, unit: 'calendar' };
  if (subcategoryRule.unit === 'calendar') {
    return subcategoryRule.days <= limit.days ? subcategoryRule : limit;
  }
  // Working days are at least as long as calendar days, so only a short rule can stay.
  return subcategoryRule.days <= Math.floor((limit.days * 5) / 7) ? subcategoryRule : limit;
}

/**
 * The response deadline fixed at registration («Срок ответа»): counted from the registration
 * instant by the subcategory's rule, ending at 23:59 local time of the holding organisation's
 * region, with the instant it becomes due soon.
 */
export function registrationDeadline(
  message: Pick<Message, 'subcategoryId' | 'lawType' | 'holdingOrgId'>,
  registeredAt: string,
  directory: Directory,
): RegistrationDeadline | undefined {
  const entry = directory.subcategory(message.subcategoryId);
  const timeZone = directory.timeZoneOf(message.holdingOrgId);
  if (!entry || !timeZone) return undefined;
  const rule = deadlineRuleFor(entry.subcategory.deadline, message.lawType, directory);
  const { dueAt } = computeDeadline({
    registeredAt,
    rule,
    timeZone,
    calendar: directory.calendar,
  });
  return {
    responseDueAt: dueAt,
    dueSoonAt: dueSoonAt(registeredAt, dueAt, directory.settings.dueSoonShare),
    timeZone,
  };
}

export type ExtensionVerdict = { ok: true; responseDueAt: string } | { ok: false; message: string };

/**
 * Whether a message may have its deadline moved to `until` (a local date): later than now,
 * within the longest extension, and for a 59-ФЗ appeal only as often as the law allows.
 */
export function checkMessageExtension(
  message: Message,
  until: string,
  directory: Directory,
): ExtensionVerdict {
  const { responseDueAt, timeZone } = message;
  if (responseDueAt === null || timeZone === null) {
    return { ok: false, message: 'у сообщения ещё нет срока ответа' };
  }
  const appeal = message.lawType === 'appeal_59fz';
  const { settings } = directory;
  if (appeal && message.extensionsGranted >= settings.appealExtensions) {
    return {
      ok: false,
      message: 'срок ответа на обращение по 59-ФЗ можно перенести только один раз',
    };
  }
  const maxDays = appeal ? settings.appealExtensionDays : settings.messageExtensionDays;
  const check = checkExtension(responseDueAt, until, timeZone, maxDays);
  if (check.ok) return { ok: true, responseDueAt: check.dueAt };
  return {
    ok: false,
    message:
      check.reason === 'not_later'
        ? 'новый срок должен быть позже текущего'
        : `срок можно перенести не больше чем на ${maxDays} дн.: не позже ${localDateIn(check.limit, timeZone).split('-').reverse().join('.')}`,
  };
}
