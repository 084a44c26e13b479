import type { OutboxEntry } from '@reshaem/core';

/** How long the worker waits for the webhook's answer before it fails the entry. */
const TIMEOUT_MS = 10_000;

/**
 * POSTs one outbox entry to a notification service of your own: `{ id, workflow, messageId,
 * version, effect }` as JSON, with `Idempotency-Key: outbox-<id>` so that the receiver can
 * drop a second delivery (the outbox is at-least-once: an entry whose lease ran out while
 * its worker was stalled is claimed again). Throws on a network error or a non-2xx answer,
 * which fails the entry for a later retry.
 *
 * @example
 * await postToWebhook('http://127.0.0.1:8025/outbox', entry);
 */
export async function postToWebhook(url: string, entry: OutboxEntry): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': `outbox-${entry.id}` },
    body: JSON.stringify({
      id: entry.id,
      workflow: entry.workflow,
      messageId: entry.messageId,
      version: entry.version,
      effect: entry.effect,
    }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`webhook ${url}: ${response.status}`);
}
