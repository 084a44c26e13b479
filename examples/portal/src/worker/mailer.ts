import {
  type CaseStore,
  type MessageStore,
  type OutboxEntry,
  renderCaseEmails,
  renderNotifications,
  SYSTEM_PRINCIPAL,
} from '@reshaem/core';
import { notificationReasonLabels, recipientLabel } from './labels.js';
import { maskAddress } from './mask-address.js';

export type Log = (line: string) => void;

/**
 * The demo «mailer»: performs one outbox entry by logging what a real one would send — the
 * message number and masked addresses, never an applicant's address. An
 * applicant's notice is rendered with the core's built-in templates; the automatic answer
 * e-mail of a phoned-in message is reported back with `delivery.email_result`, as a real
 * mailer must.
 */
export async function deliver(
  store: MessageStore,
  entry: OutboxEntry,
  now: string,
  log: Log,
): Promise<void> {
  if (entry.workflow === 'onf') {
    await deliverCaseNotice(store, entry, log);
    return;
  }
  const stored = await store.get(entry.messageId);
  const number = stored?.snapshot.context.number ?? entry.messageId;
  const { effect } = entry;
  const emails = stored
    ? renderNotifications([effect], stored.snapshot, [], store.directory, now).emails
    : [];
  for (const email of emails) {
    log(
      `[почта] ${email.to.map(maskAddress).join(', ')}: «${email.subject}» (сообщение ${number})`,
    );
  }
  if (effect.type === 'email.answer') {
    const result = await store.send(entry.messageId, {
      type: 'delivery.email_result',
      at: now,
      by: SYSTEM_PRINCIPAL,
      sent: effect.to !== '',
    });
    if (result.ok) {
      log(`[почта] ответ по сообщению ${number} отправлен на ${maskAddress(effect.to)}`);
    }
    return;
  }
  if (emails.length === 0) {
    const to = recipientLabel(effect.to, store.directory);
    log(`[уведомление] ${notificationReasonLabels[effect.reason]} → ${to} · ${number}`);
  }
}

/**
 * An ОНФ card's notice, rendered with the core's card e-mail templates
 * (`renderCaseEmails`) when the store keeps cards.
 */
async function deliverCaseNotice(
  store: MessageStore & Partial<Pick<CaseStore, 'getCase'>>,
  entry: Extract<OutboxEntry, { workflow: 'onf' }>,
  log: Log,
): Promise<void> {
  const card = await store.getCase?.(entry.messageId);
  const rendered = card
    ? renderCaseEmails([entry.effect], card.snapshot.context, card.status, store.directory)
    : { emails: [] };
  for (const email of rendered.emails) {
    log(
      `[почта] ${email.to.map(maskAddress).join(', ')}: «${email.subject}» (карточка ${entry.messageId})`,
    );
  }
  if (rendered.emails.length === 0) {
    log(`[уведомление] ОНФ ${entry.effect.reason} → карточка ${entry.messageId}`);
  }
}
