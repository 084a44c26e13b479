import { type CaseEmail, renderCaseNotifications } from '../../onf/notifications.js';
import type { CaseStore } from '../../onf/store-port.js';
import type { MessageStore, OutboxEntry } from '../../pos/store-port.js';
import { SYSTEM_PRINCIPAL } from '../schemas/principal.js';
import type { NotificationConfig } from './config.js';
import {
  type NotificationSkip,
  type OutgoingEmail,
  renderNotifications,
} from './render-notifications.js';

/** An e-mail about a ПОС message or an ОНФ card (`workflow: 'onf'`). */
export type Email = OutgoingEmail | CaseEmail;

/** The e-mail sender port: an SMTP implementation in the HTTP adapter, a test double here. */
export interface EmailSender {
  /** Sends one e-mail; rejects when the server refused it (the entry is retried). */
  send(email: Email): Promise<void>;
}

/** A sender that keeps what it was given: for tests and for trying templates out. */
export interface RecordingSender extends EmailSender {
  readonly sent: Email[];
  /** Makes the next `count` sends reject with `error` (to test retries). */
  failNext(count: number, error?: string): void;
}

/**
 * A test double of {@link EmailSender}.
 *
 * @example
 * const sender = createRecordingSender();
 * await deliverNotifications({ store, sender, configs, now });
 * sender.sent[0]?.subject; // «Поступило сообщение 41-000001»
 */
export function createRecordingSender(): RecordingSender {
  const sent: Email[] = [];
  let failures = 0;
  let failure = 'send failed';
  return {
    sent,
    failNext(count, error = 'send failed') {
      failures = count;
      failure = error;
    },
    async send(email) {
      if (failures > 0) {
        failures -= 1;
        throw new Error(failure);
      }
      sent.push(structuredClone(email));
    },
  };
}

export interface DeliverNotificationsOptions {
  store: Pick<
    MessageStore,
    'directory' | 'get' | 'send' | 'claimOutbox' | 'completeOutbox' | 'failOutbox'
  > &
    /** A store that also keeps ОНФ cards: their notices are rendered and sent too. */
    Partial<Pick<CaseStore, 'getCase'>>;
  sender: EmailSender;
  /** Every organisation's notification settings (see `checkNotificationConfig`). */
  configs: readonly NotificationConfig[];
  /** The deployment's map link for notices that show the point (see `renderNotifications`). */
  mapUrlTemplate?: string | undefined;
  /** The worker's clock (ISO instant): claims, retry times and «Время исполнения». */
  now: string;
  /** At most this many outbox entries per call; 100 by default. */
  limit?: number;
  /** How long a claim hides an entry from other workers; 60 000 ms by default. */
  leaseMs?: number;
  workerId?: string;
  /** Attempts before an entry is given up (`failed`); 5 by default. */
  maxAttempts?: number;
  /** The wait before attempt `attempts + 1`; one minute doubled each time by default. */
  retryDelayMs?: (attempts: number) => number;
}

/** What one delivery round did. */
export interface NotificationDelivery {
  claimed: number;
  /** Entries completed (sent, or with nothing to send). */
  completed: number;
  sent: Email[];
  /** Effects that produce no e-mail (in-app only, not configured …), for the log. */
  skipped: NotificationSkip[];
  /** Entries whose sending failed: retried from `retryAt`, or given up when it is null. */
  failed: { entryId: string; error: string; retryAt: string | null }[];
  /**
   * Entries whose claim went stale before this round settled them (the lease ended and
   * another worker claimed them, or the claim was released): nothing was recorded for them,
   * and no outcome reported to the workflow; the claim's holder does that. `sent` says
   * whether this round's e-mails for the entry went out all the same (they are in `sent`).
   */
  stale: { entryId: string; sent: boolean }[];
}

const defaultDelay = (attempts: number) => 60_000 * 2 ** Math.max(0, attempts - 1);

/**
 * Delivers the outbox's notifications: claims due entries, renders each effect — a
 * message's with the organisations' settings (`renderNotifications`, from the message as
 * stored now), an ОНФ card's with the built-in card notices (`renderCaseNotifications`, when
 * the store keeps cards) — sends the e-mails and completes the entry, or records the
 * failure for a retry with backoff, giving up after `maxAttempts`. At-least-once: a worker
 * that dies mid-entry leaves the claim to expire, and the entry's e-mails may be sent
 * again. Every completion and failure is made under the entry's claim: when the claim went
 * stale (a slow round whose lease ended), nothing is recorded and the entry is listed in
 * `stale`, never as failed. No I/O of its own: it only calls the store and the sender ports.
 *
 * @example
 * const sender = createSmtpSender({ host: 'smtp.example.org', port: 587, from: 'pos@example.org' });
 * setInterval(() => deliverNotifications({ store, sender, configs, now: clock() }), 10_000);
 */
export async function deliverNotifications(
  options: DeliverNotificationsOptions,
): Promise<NotificationDelivery> {
  const { store, sender, configs, now } = options;
  const maxAttempts = options.maxAttempts ?? 5;
  const delay = options.retryDelayMs ?? defaultDelay;
  const entries = await store.claimOutbox({
    now,
    ...(options.limit === undefined ? {} : { limit: options.limit }),
    ...(options.leaseMs === undefined ? {} : { leaseMs: options.leaseMs }),
    ...(options.workerId === undefined ? {} : { workerId: options.workerId }),
  });
  const round: NotificationDelivery = {
    claimed: entries.length,
    completed: 0,
    sent: [],
    skipped: [],
    failed: [],
    stale: [],
  };
  /**
   * Completes an entry under this round's claim; `false` (and the entry listed as stale)
   * when the claim is no longer this round's.
   */
  const complete = async (entry: OutboxEntry, sent: boolean) => {
    if (await store.completeOutbox(entry)) {
      round.completed += 1;
      return true;
    }
    round.stale.push({ entryId: entry.id, sent });
    return false;
  };
  /**
   * Sends an entry's e-mails and completes it: `true` when this round completed it, `false`
   * when a send failed or the claim went stale meanwhile.
   */
  const sendAll = async (
    entry: OutboxEntry,
    emails: Email[],
    fail: (e: string) => Promise<void>,
  ) => {
    try {
      for (const email of emails) {
        await sender.send(email);
        round.sent.push(email);
      }
    } catch (error) {
      await fail(error instanceof Error ? error.message : String(error));
      return false;
    }
    return complete(entry, emails.length > 0);
  };
  const failure =
    (entry: OutboxEntry, onGiveUp?: (e: string) => Promise<void>) =>
    async (error: string, giveUp = false) => {
      const retryAt =
        giveUp || entry.attempts >= maxAttempts
          ? null
          : new Date(Date.parse(now) + delay(entry.attempts)).toISOString();
      // A stale claim records nothing: the entry is another worker's now, and it may well
      // have delivered it. Only the holder's own failure is a failure.
      if (!(await store.failOutbox(entry, error, retryAt))) {
        round.stale.push({ entryId: entry.id, sent: false });
        return;
      }
      round.failed.push({ entryId: entry.id, error, retryAt });
      if (retryAt === null) await onGiveUp?.(error);
    };

  for (const entry of entries) {
    if (entry.workflow === 'onf') {
      if (!store.getCase) {
        // A message-only store: nothing renders a card's notice here.
        await complete(entry, false);
        round.skipped.push({ effect: entry.effect, reason: 'not_rendered' });
        continue;
      }
      const fail = failure(entry);
      const card = await store.getCase(entry.messageId);
      if (!card) {
        await fail(`no card ${entry.messageId}`, true);
        continue;
      }
      const rendered = renderCaseNotifications(
        [entry.effect],
        card.snapshot.context,
        card.status,
        store.directory,
      );
      for (const skip of rendered.skipped) {
        round.skipped.push({
          effect: skip.effect,
          reason: skip.reason === 'other_card' ? 'other_message' : 'no_address',
        });
      }
      await sendAll(entry, rendered.emails, fail);
      continue;
    }
    // The automatic answer e-mail's outcome goes back into the workflow (SPEC §6): sent,
    // or failed for good. A failure that will be retried is not an outcome yet.
    const report = async (sent: boolean, error: string | null) => {
      if (entry.effect.type !== 'email.answer') return;
      const event = { type: 'delivery.email_result', sent, at: now, by: SYSTEM_PRINCIPAL };
      await store.send(entry.messageId, error === null ? event : { ...event, error });
    };
    const fail = failure(entry, (error) => report(false, error));
    const stored = await store.get(entry.messageId);
    if (!stored) {
      await fail(`no message ${entry.messageId}`, true);
      continue;
    }
    const { emails, skipped } = renderNotifications(
      [entry.effect],
      stored.snapshot,
      configs,
      store.directory,
      now,
      { mapUrlTemplate: options.mapUrlTemplate },
    );
    round.skipped.push(...skipped);
    // Reported only under a claim still held: a stale one's outcome is the holder's to tell.
    if ((await sendAll(entry, emails, fail)) && emails.length > 0) await report(true, null);
  }
  return round;
}
