import type { SendOptions, StoreError } from '@reshaem/core';
import type { Hono } from 'hono';
import { authenticated, bodyLimited, visibleMessage } from '../../access.js';
import type { AppEnv, RouteDeps } from '../../env.js';
import { attachFiles, eventFileIds, fileContextOf } from '../../files/file-references.js';
import { notFound } from '../../problems.js';
import { readJsonObject, stampedEvent } from '../../request/json-body.js';
import { etagOf, idempotencyKeyOf, parseIfMatch } from '../../request/preconditions.js';
import { jsonResponse } from '../../responses.js';
import { storeErrorProblem } from '../../store-errors.js';
import { messageView, viewerOf } from '../../views/message-view.js';

/** No version is ever 0: expecting it refuses the write (unless the key replays). */
const NO_VERSION = 0;

/**
 * POST /messages/{id}/events — applies one event, `{ type, ...payload }`. The server stamps
 * `at` from its clock and `by` from `authenticate`, whatever the body says. If-Match makes
 * the write conditional (412); Idempotency-Key replays the first success.
 *
 * The event goes to the store first: the core applies it only if the caller's roles permit
 * it, and whoever the permission table lets act on a message is inside that message's view
 * scope (the role × event × organisation matrix test holds the two tables together). Only
 * a refusal looks the message up, to answer 404 — never 403 or 409 — to a caller who cannot
 * see it, so that existence does not leak. A replay needs no look-up either: it is the
 * caller's own earlier success, even if that event took the message out of their sight.
 */
export function registerEvents(app: Hono<AppEnv>, deps: RouteDeps): void {
  const { store } = deps;
  app.post('/messages/:id/events', authenticated(deps), bodyLimited(deps), async (c) => {
    const principal = c.get('principal');
    const id = c.req.param('id');
    const body = await readJsonObject(c, deps.limits.bodyBytes);
    const key = idempotencyKeyOf(c);
    const ifMatch = parseIfMatch(c.req.header('if-match'));
    const event = stampedEvent(body, deps.now().toISOString(), principal);

    const fileIds = eventFileIds(body);
    const options: SendOptions = { files: await fileContextOf(deps, fileIds) };
    if (key !== undefined) options.idempotencyKey = key;
    if (ifMatch !== undefined && !ifMatch.any) {
      const { versions } = ifMatch;
      if (versions.length <= 1) options.expectedVersion = versions[0] ?? NO_VERSION;
      else {
        const current = await store.get(id);
        options.expectedVersion =
          current && versions.includes(current.version) ? current.version : (versions[0] as number);
      }
    }
    const result = await store.send(id, event, options);
    if (!result.ok) throw await refusal(result.error, ifMatch !== undefined);
    await attachFiles(deps, fileIds, id);
    const headers: Record<string, string> = { etag: etagOf(result.message.version) };
    if (result.replayed) headers['idempotent-replayed'] = 'true';
    // The view is as of the event's own instant, so a replay repeats the first body exactly.
    const asOf = new Date(result.record.at);
    return jsonResponse(
      messageView(result.message, viewerOf(principal, store.directory, deps.basePath), store, asOf),
      200,
      headers,
    );

    async function refusal(error: StoreError, withIfMatch: boolean) {
      if (error.kind === 'not_found' || !(await visibleMessage(store, principal, id))) {
        return notFound(`Сообщение ${id} не найдено`);
      }
      return storeErrorProblem(error, { ifMatch: withIfMatch });
    }
  });
}
