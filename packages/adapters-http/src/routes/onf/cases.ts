import {
  type CaseStore,
  type CaseStoreError,
  caseFileOwner,
  type Directory,
  hasCaseStore,
  type MessageStore,
  type SendOptions,
} from '@reshaem/core';
import type { Hono } from 'hono';
import { authenticated, bodyLimited } from '../../access.js';
import { caseErrorProblem } from '../../case-errors.js';
import type { AppEnv, RouteDeps } from '../../env.js';
import { attachFiles, caseEventFileIds, fileContextOf } from '../../files/file-references.js';
import { notFound } from '../../problems.js';
import { readJsonObject, stampedEvent } from '../../request/json-body.js';
import { etagOf, idempotencyKeyOf, parseIfMatch } from '../../request/preconditions.js';
import { jsonResponse } from '../../responses.js';
import { caseView, visibleCase } from '../../views/case-view.js';
import { registerCaseReads } from './reads.js';

/** A store that serves ОНФ cards as well as messages. */
export type CaseCapableStore = MessageStore & CaseStore & { directory: Directory };

/** A card id derived from the caller and their idempotency key, so a retry names the same card. */
async function keyedCaseId(principalId: string, key: string): Promise<string> {
  const bytes = new TextEncoder().encode(`case\n${principalId}\n${key}`);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return `case-${[...digest.slice(0, 12)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** What a client may not say: the server stamps the instant and the principal, the store the facts. */
function withoutServerFields(body: Record<string, unknown>) {
  const { at: _at, by: _by, facts: _facts, heldCardIds: _held, ...rest } = body;
  return rest;
}

/**
 * The ОНФ routes under /cases (SPEC §9), registered only when the store has the case
 * methods (`hasCaseStore`): POST /cases, GET /cases, GET /cases/export.xlsx,
 * GET /cases/{id}, POST /cases/{id}/events, GET /cases/{id}/history. A `case.resolve`
 * names uploads by id (`files: [{ fileId }]`): the route looks them up in the file store
 * and the core judges them, as for a ПОС answer.
 */
export function registerCases(app: Hono<AppEnv>, deps: RouteDeps): void {
  if (!hasCaseStore(deps.store)) return;
  const store: CaseCapableStore = deps.store;
  const auth = authenticated(deps);

  app.post('/cases', auth, bodyLimited(deps), async (c) => {
    const principal = c.get('principal');
    const body = withoutServerFields(await readJsonObject(c, deps.limits.bodyBytes));
    const key = idempotencyKeyOf(c);
    const caseId =
      typeof body.caseId === 'string'
        ? body.caseId
        : key === undefined
          ? deps.newMessageId()
          : await keyedCaseId(principal.id, key);
    const event = {
      ...body,
      type: 'case.create',
      caseId,
      at: deps.now().toISOString(),
      by: principal,
    };
    const result = await store.submitCase(event, key === undefined ? {} : { idempotencyKey: key });
    if (!result.ok) throw caseErrorProblem(result.error, { ifMatch: false });
    const headers: Record<string, string> = {
      location: `cases/${encodeURIComponent(result.case.id)}`,
      etag: etagOf(result.case.version),
    };
    if (result.replayed) headers['idempotent-replayed'] = 'true';
    return jsonResponse(await caseView(result.case, principal, store, deps.basePath), 201, headers);
  });

  registerCaseReads(app, deps, store);

  app.post('/cases/:id/events', auth, bodyLimited(deps), async (c) => {
    const principal = c.get('principal');
    const id = c.req.param('id');
    const body = withoutServerFields(await readJsonObject(c, deps.limits.bodyBytes));
    const key = idempotencyKeyOf(c);
    const ifMatch = parseIfMatch(c.req.header('if-match'));
    const event = stampedEvent(body, deps.now().toISOString(), principal);
    const fileIds = caseEventFileIds(body);
    const options: SendOptions = { files: await fileContextOf(deps, fileIds) };
    if (key !== undefined) options.idempotencyKey = key;
    if (ifMatch !== undefined && !ifMatch.any) {
      const current = ifMatch.versions.length > 1 ? await store.getCase(id) : undefined;
      options.expectedVersion =
        current && ifMatch.versions.includes(current.version)
          ? current.version
          : (ifMatch.versions[0] ?? 0);
    }
    const result = await store.sendCase(id, event, options);
    if (!result.ok) throw await refusal(result.error, ifMatch !== undefined);
    // The store attached them with the write when it keeps files beside the cards (SQL);
    // again here for a file store of its own (S3), idempotently.
    await attachFiles(deps, fileIds, caseFileOwner(id));
    const headers: Record<string, string> = { etag: etagOf(result.case.version) };
    if (result.replayed) headers['idempotent-replayed'] = 'true';
    return jsonResponse(await caseView(result.case, principal, store, deps.basePath), 200, headers);

    /** A refusal on a card the caller cannot see is a 404, so existence does not leak. */
    async function refusal(error: CaseStoreError, withIfMatch: boolean) {
      if (error.kind === 'not_found' || !(await visibleCase(store, principal, id))) {
        return notFound(`Карточка ${id} не найдена`);
      }
      return caseErrorProblem(error, { ifMatch: withIfMatch });
    }
  });
}
