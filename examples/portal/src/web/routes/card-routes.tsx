import {
  availableEvents,
  isVisible,
  localDateIn,
  type MessageEventType,
  messageEventTypes,
  messageStatuses,
  type Principal,
  type StoredMessage,
  viewScopeOf,
} from '@reshaem/core';
import type { Context, Hono } from 'hono';
import type { PageEnv } from '../../auth/session.js';
import type { WebDeps } from '../deps.js';
import { createFlashStore } from '../flash.js';
import { zoneOf } from '../format.js';
import { answerFormData, keptUploadIds } from '../forms/answer-draft.js';
import { formOptions } from '../forms/options.js';
import { eventPayload, type FormValues } from '../forms/parse-form.js';
import { topicFormData } from '../forms/topic-form-data.js';
import { eventLabels } from '../labels.js';
import { MessageCardPage } from '../pages/message-card.js';
import { describeRefusal, type RefusalView } from '../refusal.js';
import { problemPage, render } from '../render.js';
import { fileContextOf, readPageForm, settleUploads } from '../uploads.js';

interface CardState {
  done?: string;
  /** `?template=<id>`: the answer template to fill the answer form with. */
  templateId?: string;
  refusal?: RefusalView;
  refused?: { type: MessageEventType; values: FormValues };
}

/** The message if it exists and the user may see it — the same scope the store lists by. */
async function visible(deps: WebDeps, user: Principal, id: string) {
  const stored = await deps.store.get(id);
  const scope = viewScopeOf(user, deps.store.directory);
  return stored && isVisible(scope, stored.snapshot.context, stored.status) ? stored : undefined;
}

async function renderCard(
  c: Context<PageEnv>,
  deps: WebDeps,
  stored: StoredMessage,
  state: CardState,
) {
  const { store } = deps;
  const user = c.get('user');
  const now = deps.now();
  const available = availableEvents(stored.snapshot, user, store.directory);
  const forms = {
    messageId: stored.id,
    version: stored.version,
    options: formOptions(stored, user, available, store.directory, now.toISOString()),
    today: localDateIn(now, zoneOf(stored.snapshot.context, store.directory)),
    ...(available.includes('answer.submit') && {
      answer: await answerFormData(store, stored, user, state.templateId),
    }),
    ...(state.refused ? { refused: state.refused } : {}),
    ...(available.includes('moderation.correct') && {
      topic: topicFormData(stored.snapshot.context, store.directory),
    }),
  };
  return render(
    c,
    <MessageCardPage
      map={deps.map}
      user={user}
      directory={store.directory}
      now={now}
      stored={stored}
      history={await store.history(stored.id)}
      available={available}
      forms={forms}
      {...(state.done === undefined ? {} : { done: state.done })}
      {...(state.refusal === undefined ? {} : { refusal: state.refusal })}
    />,
  );
}

const notFound = (c: Context<PageEnv>, deps: WebDeps) =>
  problemPage(
    c,
    {
      directory: deps.store.directory,
      user: c.get('user'),
      title: 'Сообщение не найдено',
      text: 'Такого сообщения нет, или оно вам не видно.',
    },
    404,
  );

const isEventType = (type: string): type is MessageEventType =>
  (messageEventTypes as string[]).includes(type);

/** GET /messages/:id (the card) and POST /messages/:id/events/:type (a button). */
export function registerCard(app: Hono<PageEnv>, deps: WebDeps): void {
  const { store } = deps;
  // A refused form redirects to the card (Post/Redirect/Get): the refusal and what was
  // typed wait here, so the URL the person lands on reloads like any other.
  const refusals = createFlashStore<Required<Pick<CardState, 'refusal' | 'refused'>>>({
    now: deps.now,
  });
  const refusedRedirect = (c: Context<PageEnv>, id: string, state: CardState) => {
    if (!state.refusal || !state.refused) return notFound(c, deps);
    const key = refusals.put(c.get('user').id, { refusal: state.refusal, refused: state.refused });
    return c.redirect(`/messages/${encodeURIComponent(id)}?refusal=${key}`, 303);
  };

  app.get('/messages/:id', async (c) => {
    const user = c.get('user');
    const stored = await visible(deps, user, c.req.param('id'));
    if (!stored) return notFound(c, deps);
    const refused = refusals.get(c.req.query('refusal') ?? '', user.id);
    if (refused) return renderCard(c, deps, stored, refused);
    const done = c.req.query('done') ?? '';
    const label = isEventType(done) ? eventLabels[done] : done === 'submit' ? 'Отправить' : null;
    const status = messageStatuses[stored.status].label;
    const templateId = c.req.query('template');
    const state = {
      ...(label && { done: `«${label}» — выполнено. Статус: ${status}.` }),
      ...(templateId && { templateId }),
    };
    return renderCard(c, deps, stored, state);
  });

  app.post('/messages/:id/events/:type', async (c) => {
    const user = c.get('user');
    const id = c.req.param('id');
    const type = c.req.param('type');
    const stored = await visible(deps, user, id);
    if (!stored || !isEventType(type)) return notFound(c, deps);
    // Only the answer's form carries files; any other form is read as before.
    const read = await readPageForm(
      c,
      type === 'answer.submit' ? deps.uploads : undefined,
      user,
      deps.now(),
    );
    if (!read.ok) {
      return refusedRedirect(c, id, {
        refusal: read.refusal,
        refused: { type, values: read.values },
      });
    }
    const form = read.values;
    const payload = eventPayload(type, form, stored.snapshot.context, store.directory);
    const answer = payload.answer as { files?: unknown[] } | undefined;
    if (answer && read.files.length > 0) {
      answer.files = [...(answer.files ?? []), ...read.files.map((f) => ({ fileId: f.id }))];
    }
    const event = { type, at: deps.now().toISOString(), by: user, ...payload };
    const version = Number(form.version);
    // The draft's files the executor kept are already attached: the core checks them too.
    const kept = type === 'answer.submit' && deps.uploads ? keptUploadIds(form) : [];
    const keptFiles =
      kept.length > 0 && deps.uploads ? await deps.uploads.files.describe(kept) : [];
    const result = await store.send(id, event, {
      ...(Number.isInteger(version) ? { expectedVersion: version } : {}),
      files: fileContextOf([...read.files, ...keptFiles]),
    });
    await settleUploads(deps.uploads, read.files, result.ok ? id : null);
    if (result.ok) return c.redirect(`/messages/${encodeURIComponent(id)}?done=${type}`, 303);
    return refusedRedirect(c, id, {
      refusal: describeRefusal(result.error, store.directory),
      refused: { type, values: form },
    });
  });
}
