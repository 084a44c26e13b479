import type { CaseEffect } from '../../onf/effects.js';
import { viewFor } from '../../pos/field-visibility.js';
import type { Message } from '../../pos/schemas/message.js';
import type { MessageSnapshot } from '../../pos/workflow.js';
import { statusOf } from '../../pos/workflow.js';
import type { Effect, NotificationReason } from '../effects.js';
import {
  isApplicantNotice,
  type NotificationConfig,
  type NotificationType,
  notificationTypeOfReason,
} from './config.js';
import { defaultApplicantNotices, hasDefaultNotice } from './defaults.js';
import type { Directory } from './directory.js';
import type { PlaceholderValues } from './placeholders.js';
import { type CompiledTemplate, compileTemplate, renderTemplate } from './template.js';
import { placeholderValues } from './values.js';

/** An e-mail ready for the outbox: rendered, addressed, traceable to its effect. */
export interface OutgoingEmail {
  to: string[];
  /** One line: line breaks in values never reach the header. */
  subject: string;
  text: string;
  /** The same text, HTML-escaped, line breaks as `<br>`. */
  html: string;
  /** The configuration it was rendered from; `null` for a built-in applicant notice. */
  notificationId: string | null;
  type: NotificationType;
  /** The organisation whose notification it is. */
  orgId: string;
  messageId: string;
  reason: NotificationReason;
  /** `email.answer`: report the outcome with a `delivery.email_result` event. */
  effect: Effect['type'];
}

/**
 * Why an effect produced no e-mail: `in_app_only` (a reason without an e-mail type, such as
 * `executor_assigned`), `not_configured` (the organisation set up no enabled notification
 * of this type), `no_address` (nobody to send it to), `other_message` (the effect is about
 * another message than the snapshot), `invalid_template` (a stored template that no longer
 * compiles — saved around the schema), `not_rendered` (an ОНФ card's effect when the store
 * keeps no cards to render it from: delivery completes its outbox entry unsent).
 */
export interface NotificationSkip {
  effect: Effect | CaseEffect;
  reason:
    | 'in_app_only'
    | 'not_configured'
    | 'no_address'
    | 'other_message'
    | 'invalid_template'
    | 'not_rendered';
  notificationId?: string;
}

export interface RenderedNotifications {
  emails: OutgoingEmail[];
  skipped: NotificationSkip[];
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Addresses in order, each once (compared case-insensitively). */
function uniqueAddresses(addresses: readonly string[]): string[] {
  const seen = new Set<string>();
  return addresses.filter((a) => {
    const key = a.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

interface Templates {
  subject: CompiledTemplate;
  body: CompiledTemplate;
}

function templatesOf(config: NotificationConfig): Templates | undefined {
  const subject = compileTemplate(config.subject ?? config.name, 'notification');
  const body = compileTemplate(config.body, 'notification');
  return subject.ok && body.ok ? { subject: subject.template, body: body.template } : undefined;
}

/** Whom an effect's e-mail is for, and whose notification settings render it. */
type Target = { type: NotificationType; reason: NotificationReason; orgId: string } & (
  | { audience: 'applicant'; address: string | null }
  | { audience: 'staff' }
);

function targetOf(effect: Effect, message: Message): Target | undefined {
  const orgId = message.holdingOrgId;
  if (effect.type === 'email.answer') {
    const address = effect.to === '' ? null : effect.to;
    return { type: 'answer_sent', reason: 'answer_sent', orgId, audience: 'applicant', address };
  }
  const { reason, to } = effect;
  const type = notificationTypeOfReason[reason];
  if (type === undefined) return undefined;
  if (to.kind === 'applicant' && isApplicantNotice(type)) {
    return { type, reason, orgId, audience: 'applicant', address: message.applicant.email };
  }
  if (to.kind === 'organisation' && !isApplicantNotice(type)) {
    return { type, reason, orgId: to.orgId, audience: 'staff' };
  }
  return undefined;
}

function memoByAudience(
  compute: (audience: Target['audience']) => PlaceholderValues,
): (audience: Target['audience']) => PlaceholderValues {
  const memo = new Map<Target['audience'], PlaceholderValues>();
  return (audience) => {
    let values = memo.get(audience);
    if (values === undefined) {
      values = compute(audience);
      memo.set(audience, values);
    }
    return values;
  };
}

/** What a deployment adds to every notification it renders. */
export interface RenderNotificationsOptions {
  /**
   * The deployment's map (`mapUrlTemplateSchema`: an `http(s)` address with `{lat}` and
   * `{lon}`): notices that show the point link to it. None by default, so no notice links
   * to a third-party map unless the deployment chose one.
   */
  mapUrlTemplate?: string | undefined;
}

const byId = (a: NotificationConfig, b: NotificationConfig) =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * Turns the effects of one applied event into e-mails, from the organisations' notification
 * settings. `snapshot` is the message after the event; `at` is the event's instant (it
 * counts the time left in «Время исполнения сообщения»).
 *
 * - Staff notifications (`message_received`, `deadline_due_soon`, `deadline_overdue`,
 *   `re_review`): one e-mail per enabled notification of that type of the notified
 *   organisation, to its addresses and its users' addresses.
 * - Applicant notices (`message_rejected`, `answer_sent`, `deadline_extended`, and the
 *   `email.answer` of operator-entered messages, rendered as `answer_sent`): exactly one
 *   e-mail to the applicant, from the holding organisation's first enabled notification of
 *   the type (by id), or the built-in notice when it set up none — the applicant is told
 *   either way. None without an address.
 * - Every other reason is in-app only.
 *
 * Pure and total: it never throws; what it cannot send is in `skipped`.
 *
 * @example
 * const { emails } = renderNotifications(result.effects, result.snapshot, configs, directory, event.at);
 * // Notices that show the point link to the deployment's map:
 * renderNotifications(effects, snapshot, configs, directory, at, {
 *   mapUrlTemplate: 'https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}',
 * });
 * for (const email of emails) outbox.add(email);
 */
export function renderNotifications(
  effects: readonly Effect[],
  snapshot: MessageSnapshot,
  configs: readonly NotificationConfig[],
  directory: Directory,
  at: string,
  options: RenderNotificationsOptions = {},
): RenderedNotifications {
  const message = snapshot.context;
  const emails: OutgoingEmail[] = [];
  const skipped: NotificationSkip[] = [];
  // What each audience may read of the message (SPEC §11): staff the whole of it, the
  // applicant their view — never an executor's deadline, a draft or an official's name.
  const valuesOf = memoByAudience((audience) =>
    placeholderValues(
      audience === 'staff'
        ? message
        : viewFor({ kinds: ['applicant'], userId: message.applicant.userId }, message),
      statusOf(snapshot),
      directory,
      { now: at, mapUrlTemplate: options.mapUrlTemplate },
    ),
  );

  for (const effect of effects) {
    if (effect.messageId !== message.id) {
      skipped.push({ effect, reason: 'other_message' });
      continue;
    }
    const target = targetOf(effect, message);
    if (!target) {
      skipped.push({ effect, reason: 'in_app_only' });
      continue;
    }
    const send = (to: string[], templates: Templates, notificationId: string | null) => {
      const values = valuesOf(target.audience);
      emails.push({
        to,
        subject: oneLine(renderTemplate(templates.subject, values, { html: false })),
        text: renderTemplate(templates.body, values, { html: false }),
        html: renderTemplate(templates.body, values, { html: true }),
        notificationId,
        type: target.type,
        orgId: target.orgId,
        messageId: message.id,
        reason: target.reason,
        effect: effect.type,
      });
    };
    const chosen = configs
      .filter((c) => c.enabled && c.orgId === target.orgId && c.type === target.type)
      .sort(byId);

    if (target.audience === 'applicant') {
      // Exactly one notice: the organisation's first, or the built-in one.
      const config = chosen[0];
      const templates = config ? templatesOf(config) : undefined;
      if (target.address === null) skipped.push({ effect, reason: 'no_address' });
      else if (config && !templates) {
        skipped.push({ effect, reason: 'invalid_template', notificationId: config.id });
      } else if (config && templates) send([target.address], templates, config.id);
      else if (hasDefaultNotice(target.type)) {
        send([target.address], defaultApplicantNotices[target.type], null);
      }
      continue;
    }

    if (chosen.length === 0) skipped.push({ effect, reason: 'not_configured' });
    for (const config of chosen) {
      const to = uniqueAddresses([
        ...config.emails.map((e) => e.address),
        ...config.userIds.flatMap((id) => directory.user(id)?.email ?? []),
      ]);
      const templates = templatesOf(config);
      const notificationId = config.id;
      if (!templates) skipped.push({ effect, reason: 'invalid_template', notificationId });
      else if (to.length === 0) skipped.push({ effect, reason: 'no_address', notificationId });
      else send(to, templates, notificationId);
    }
  }
  return { emails, skipped };
}
