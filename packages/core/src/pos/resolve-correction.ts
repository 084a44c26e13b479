import { invalidField, type WorkflowError } from '../kernel/errors.js';
import type { Directory } from '../kernel/notifications/directory.js';
import type { MessageMachineEvent } from './machine/machine.js';
import type { MessageEvent } from './schemas/events.js';
import type { Message } from './schemas/message.js';
import { checkTopic, type MessageTopic } from './topic-check.js';

type Resolution<T> = { ok: true; value: T } | { ok: false; error: WorkflowError };
type Correction = Extract<MessageEvent, { type: 'moderation.correct' }>;

const topicOf = (m: Message): MessageTopic => ({
  orgId: m.receivedOrgId,
  categoryId: m.categoryId,
  subcategoryId: m.subcategoryId,
  factId: m.factId,
});

const sameTopic = (a: MessageTopic, b: MessageTopic) =>
  a.orgId === b.orgId &&
  a.categoryId === b.categoryId &&
  a.subcategoryId === b.subcategoryId &&
  a.factId === b.factId;

/**
 * A moderator's correction of the rubric and the recipient, checked as a submission's topic
 * is (`checkTopic`), and further: the new recipient serves the message's region and stays
 * within the moderator's reach (a moderator of an organisation corrects only to that
 * organisation or one below it). A correction that changes nothing is refused.
 */
export function resolveCorrection(
  event: Correction,
  message: Message,
  directory: Directory,
): Resolution<MessageMachineEvent> {
  const fail = (error: WorkflowError) => ({ ok: false as const, error });
  const from = topicOf(message);
  const to: MessageTopic = {
    orgId: event.orgId ?? from.orgId,
    categoryId: event.categoryId ?? from.categoryId,
    subcategoryId: event.subcategoryId ?? from.subcategoryId,
    // A new subcategory without a fact given drops the old fact, which belonged to the old one.
    factId:
      event.factId !== undefined
        ? event.factId
        : event.subcategoryId !== undefined && event.subcategoryId !== from.subcategoryId
          ? null
          : from.factId,
  };
  if (sameTopic(from, to)) {
    return fail(invalidField([], 'исправление ничего не меняет: рубрика и получатель те же'));
  }
  const checked = checkTopic(to, directory);
  if (!checked.ok) return checked;
  const { org, entry } = checked.value;
  if (org.regionCode !== message.regionCode) {
    return fail(invalidField(['orgId'], `${org.name} не обслуживает регион сообщения`));
  }
  const reach = event.by.roles.flatMap((g) => (g.role === 'moderator' ? [g.orgId] : []));
  const reachable =
    reach.includes(undefined) || directory.ancestorsOf(org.id).some((o) => reach.includes(o.id));
  if (!reachable) {
    return fail(invalidField(['orgId'], `${org.name} вне организаций, которые вы модерируете`));
  }
  return {
    ok: true,
    value: {
      type: 'moderation.correct',
      at: event.at,
      by: event.by,
      from,
      to,
      fastTrack: entry.subcategory.fastTrack,
      timeZone: directory.timeZoneOf(org.id) ?? message.timeZone,
      comment: event.comment ?? null,
    },
  };
}
