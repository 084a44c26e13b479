import { issuesFromZod, russianErrors } from '@reshaem/core';
import type { Hono } from 'hono';
import { authenticated, bodyLimited } from '../../access.js';
import type { AppEnv, RouteDeps } from '../../env.js';
import { attachFiles, fileContextOf, submitFileIds } from '../../files/file-references.js';
import { validationProblem } from '../../problems.js';
import { readJsonObject } from '../../request/json-body.js';
import { etagOf, idempotencyKeyOf } from '../../request/preconditions.js';
import { jsonResponse } from '../../responses.js';
import { submitBodySchema } from '../../schemas/bodies.js';
import { storeErrorProblem } from '../../store-errors.js';
import { messageView, viewerOf } from '../../views/message-view.js';

/**
 * A message id derived from the caller and their idempotency key, so that a retried
 * submission names the same message and the store can replay it.
 */
async function keyedMessageId(principalId: string, key: string): Promise<string> {
  const bytes = new TextEncoder().encode(`${principalId}\n${key}`);
  const hex = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)).slice(0, 16)]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** POST /messages — an applicant submits, or an operator enters a phoned-in message. */
export function registerSubmit(app: Hono<AppEnv>, deps: RouteDeps): void {
  const { store } = deps;
  app.post('/messages', authenticated(deps), bodyLimited(deps), async (c) => {
    const principal = c.get('principal');
    const body = await readJsonObject(c, deps.limits.bodyBytes);
    const parsed = submitBodySchema.safeParse(body, russianErrors);
    if (!parsed.success) {
      throw validationProblem(issuesFromZod(parsed.error).map((i) => ({ in: 'body', ...i })));
    }
    const key = idempotencyKeyOf(c);
    const at = deps.now().toISOString();
    const { messageId: chosenId, ...fields } = parsed.data;
    const messageId =
      chosenId ??
      (key === undefined ? deps.newMessageId() : await keyedMessageId(principal.id, key));
    // Without an `assignNumber` the store numbers the message (and a replay repeats it).
    // With one, a retry must repeat the first request exactly, number included, for the
    // store to recognise it: reuse the number the first attempt was given.
    const { assignNumber } = deps;
    const earlier = key === undefined || !assignNumber ? undefined : await store.get(messageId);
    const number = assignNumber
      ? (earlier?.snapshot.context.number ??
        (await assignNumber({ messageId, regionCode: fields.regionCode, at })))
      : undefined;
    const event = {
      type: 'submit',
      ...fields,
      messageId,
      ...(number === undefined ? {} : { number }),
      at,
      by: principal,
    };
    const fileIds = submitFileIds(body);
    const files = await fileContextOf(deps, fileIds);
    const result = await store.submit(
      event,
      key === undefined ? { files } : { idempotencyKey: key, files },
    );
    if (!result.ok) throw storeErrorProblem(result.error, { ifMatch: false });
    await attachFiles(deps, fileIds, result.message.id);
    const headers: Record<string, string> = {
      location: `messages/${encodeURIComponent(result.message.id)}`,
      etag: etagOf(result.message.version),
    };
    if (result.replayed) headers['idempotent-replayed'] = 'true';
    // As of the submission's instant, so that a replay repeats the first body exactly.
    const asOf = new Date(result.record.at);
    return jsonResponse(
      messageView(result.message, viewerOf(principal, store.directory, deps.basePath), store, asOf),
      201,
      headers,
    );
  });
}
