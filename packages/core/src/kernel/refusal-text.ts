import type { ForbiddenError, RefusalSubject } from './errors.js';
import {
  namingGrant,
  roleNames,
  shortPersonName,
  subjectNoun,
  subjectPhrase,
} from './refusal-words.js';
import type { RoleGrant } from './schemas/principal.js';

/** What a refusal's text looks people and organisations up in: a `Directory` will do. */
export interface NameLookup {
  user(id: string): { name?: string | undefined; roles: readonly RoleGrant[] } | undefined;
  organisation(id: string): { name: string } | undefined;
}

/** A workflow's words: what its events do and what its statuses are called, in Russian. */
export interface RefusalWords {
  /** «утвердить ответ» for `answer.approve`: completes «… не может». */
  action(eventType: string): string;
  /** «На модерации» for `moderation`. */
  status(status: string): string;
}

/** A refusal because of the status: the shape both workflows share. */
export interface StatusRefusal {
  kind: 'not_allowed_in_status';
  eventType: string;
  status: string;
  subject?: RefusalSubject | undefined;
}

/**
 * «Исполнитель Иванов И. И. (Министерство …)»: who a principal is, by role, name and
 * organisation; «Пользователь <id>» for someone the directory does not know.
 *
 * @example
 * personPhrase('exec-kam-roads', directory);
 * // 'Исполнитель Петров П. (Министерство транспорта и дорожного строительства Камчатского края)'
 */
export function personPhrase(principalId: string, lookup: NameLookup): string {
  const user = lookup.user(principalId);
  if (!user) return `Пользователь ${principalId}`;
  const grant = namingGrant(user.roles);
  const role = grant ? roleNames[grant.role] : 'Пользователь';
  const name = user.name ? shortPersonName(user.name) : principalId;
  const org = grant?.orgId ? lookup.organisation(grant.orgId)?.name : undefined;
  return `${role} ${name}${org ? ` (${org})` : ''}`;
}

/** A `forbidden` refusal as a Russian sentence naming the person (and organisation). */
export function forbiddenText(
  error: DistributiveOmit<ForbiddenError, 'message'>,
  lookup: NameLookup,
  words: RefusalWords,
): string {
  const who = personPhrase(error.principalId, lookup);
  if (error.rule === 'operator_region' && error.orgId !== undefined) {
    const org = lookup.organisation(error.orgId)?.name ?? error.orgId;
    return `${who} не может направить сообщение в организацию «${org}»: оператор направляет сообщения только в организации своего региона`;
  }
  return `${who} не может ${words.action(error.eventType)}${subjectPhrase(error.subject)}`;
}

/** A `not_allowed_in_status` refusal as a Russian sentence naming the status. */
export function statusText(error: StatusRefusal, words: RefusalWords): string {
  const what = subjectNoun(error.subject, 'Сообщение');
  return `${what} в статусе «${words.status(error.status)}»: сейчас нельзя ${words.action(error.eventType)}`;
}

export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A refusal that `refusalText` completes with its Russian `message`. */
export type NamedRefusal = DistributiveOmit<ForbiddenError, 'message'> | StatusRefusal;

/**
 * A workflow's forbidden or not-in-status refusal completed with its Russian `message`,
 * in that workflow's `words`, naming people and organisations from `lookup`.
 *
 * @example
 * withRefusalText({ kind: 'not_allowed_in_status', eventType, status }, directory, posRefusalWords);
 */
export function withRefusalText<E extends NamedRefusal>(
  error: E,
  lookup: NameLookup,
  words: RefusalWords,
): E & { message: string } {
  const refusal: NamedRefusal = error;
  const message =
    refusal.kind === 'forbidden'
      ? forbiddenText(refusal, lookup, words)
      : statusText(refusal, words);
  return { ...error, message };
}
