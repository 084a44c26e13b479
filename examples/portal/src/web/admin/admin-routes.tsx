import { randomUUID } from 'node:crypto';
import type { Context, Hono } from 'hono';
import type { PageEnv } from '../../auth/session.js';
import type { WebDeps } from '../deps.js';
import type { RefusalView } from '../refusal.js';
import { problemPage, render } from '../render.js';
import { adminOrgsOf, adminRefusal } from './admin-access.js';
import type { AdminApi } from './admin-api.js';
import { describeAdminRefusal } from './admin-refusal.js';
import { autorules, type Item, notifications, type Section, templates } from './admin-sections.js';
import { AutorulePage } from './autorule-pages.js';
import { dryRun } from './dry-run.js';
import { one, readFormState } from './form-state.js';
import { UsersPage } from './users-page.js';

/** What the admin pages need: the pages' deps and the API they change settings through. */
export interface AdminWebDeps extends WebDeps {
  adminApi: AdminApi;
}

const orgBase = (orgId: string) => `/admin/${encodeURIComponent(orgId)}`;

/**
 * The organisation admin's pages under `/admin/{orgId}/…`: users and roles, autorules (with
 * the dry run on recent messages), e-mail notifications and answer templates. Plain forms,
 * POST-redirect-GET; every read and write goes through the API's admin endpoints as the
 * signed-in user, so the permission check and the validation are the API's. A refused
 * change is drawn again with what was typed and the API's reasons in Russian on top.
 */
export function registerAdminPages(app: Hono<PageEnv>, deps: AdminWebDeps): void {
  const { store, adminApi: api } = deps;
  const { directory } = store;

  const base = (c: Context<PageEnv>) => ({
    user: c.get('user'),
    directory,
    orgId: c.req.param('orgId') ?? '',
  });
  const refusedPage = (c: Context<PageEnv>, status: 403 | 404) =>
    problemPage(
      c,
      {
        directory,
        user: c.get('user'),
        title: status === 404 ? 'Организация не найдена' : 'Нет доступа',
        text:
          status === 404
            ? 'Такой организации нет.'
            : 'Настройки организации меняет только её администратор.',
      },
      status,
    );

  app.get('/admin', (c) => {
    const [orgId] = adminOrgsOf(c.get('user'), directory);
    return orgId ? c.redirect(`${orgBase(orgId)}/users`, 303) : refusedPage(c, 403);
  });
  // The API's own rule, answered before any page of the organisation is drawn.
  app.use('/admin/:orgId/*', async (c, next) => {
    const refusal = adminRefusal(c.get('user'), c.req.param('orgId') ?? '', directory);
    if (refusal !== null) return refusedPage(c, refusal);
    await next();
  });
  app.get('/admin/:orgId', (c) => {
    const refusal = adminRefusal(c.get('user'), c.req.param('orgId'), directory);
    if (refusal !== null) return refusedPage(c, refusal);
    return c.redirect(`${orgBase(c.req.param('orgId'))}/users`, 303);
  });
  app.get('/admin/:orgId/users', (c) => render(c, <UsersPage {...base(c)} />));

  const registerSection = <T extends Item>(section: Section<T>) => {
    const path = `/admin/:orgId/${section.kind}`;
    const listUrl = (orgId: string) => `${orgBase(orgId)}/${section.kind}`;
    const load = async (c: Context<PageEnv>) => {
      const answer = await api.list<T>(c.get('user'), base(c).orgId, section.kind);
      return answer;
    };
    const apiRefused = (c: Context<PageEnv>, answer: { status: number; detail: string }) =>
      answer.status === 403 || answer.status === 404
        ? refusedPage(c, answer.status)
        : problemPage(
            c,
            { directory, user: c.get('user'), title: 'Ошибка', text: answer.detail },
            500,
          );

    app.get(path, async (c) => {
      const answer = await load(c);
      if (!answer.ok) return apiRefused(c, answer);
      const items = answer.body.items;
      const saved = items.find((i) => i.id === c.req.query('saved'));
      // Only what the list holds is named: a link cannot put words of its own on the page.
      const done = saved
        ? `Сохранено: «${saved.name}».`
        : c.req.query('deleted') !== undefined
          ? 'Удалено.'
          : undefined;
      return render(c, section.list({ ...base(c), items, done }));
    });
    app.get(`${path}/new`, async (c) => {
      const answer = await load(c);
      if (!answer.ok) return apiRefused(c, answer);
      return render(
        c,
        section.form({ ...base(c), state: section.blank(answer.body.items), itemId: null }),
      );
    });
    app.get(`${path}/:itemId`, async (c) => {
      const answer = await load(c);
      if (!answer.ok) return apiRefused(c, answer);
      const item = answer.body.items.find((i) => i.id === c.req.param('itemId'));
      if (!item) {
        return problemPage(
          c,
          { directory, user: c.get('user'), title: 'Не найдено', text: c.req.param('itemId') },
          404,
        );
      }
      return render(c, section.form({ ...base(c), state: section.state(item), itemId: item.id }));
    });

    /** Writes the whole list back through the API; on a refusal, the form again. */
    const write = async (
      c: Context<PageEnv>,
      items: readonly unknown[],
      onRefusal: (
        refusal: RefusalView,
        status: 403 | 404 | 413 | 422,
      ) => Response | Promise<Response>,
      doneQuery: string,
    ) => {
      const saved = await api.save(c.get('user'), base(c).orgId, section.kind, items);
      if (saved.ok) return c.redirect(`${listUrl(base(c).orgId)}?${doneQuery}`, 303);
      const status =
        saved.status === 403 || saved.status === 404 || saved.status === 413 ? saved.status : 422;
      return onRefusal(describeAdminRefusal(saved), status);
    };

    app.post(path, async (c) => {
      const state = await readFormState(c.req.raw);
      const answer = await load(c);
      if (!answer.ok) return apiRefused(c, answer);
      const current = answer.body.items;
      const editedId = one(state, 'id');
      if (editedId && !current.some((i) => i.id === editedId)) {
        return problemPage(
          c,
          { directory, user: c.get('user'), title: 'Не найдено', text: editedId },
          404,
        );
      }
      const id = editedId || `${section.prefix}-${randomUUID().slice(0, 8)}`;
      const input = section.input(state, id);
      const itemId = editedId || null;
      const formAgain = (refusal: RefusalView, status: 403 | 404 | 413 | 422, extra = {}) =>
        render(c, section.form({ ...base(c), state, itemId, refusal, ...extra }), status);

      if (section.kind === 'autorules' && one(state, 'intent') === 'dry-run') {
        const run = await dryRun(api, store, c.get('user'), base(c).orgId, input);
        if (!run.ok) return formAgain(run.refusal, 422);
        return render(
          c,
          <AutorulePage {...base(c)} state={state} ruleId={itemId} dryRun={run.rows} />,
        );
      }
      const items = editedId
        ? current.map((i) => (i.id === editedId ? input : i))
        : [...current, input];
      return write(c, items, formAgain, `saved=${encodeURIComponent(id)}`);
    });

    const { toggle } = section;
    if (toggle) {
      app.post(`${path}/:itemId/toggle`, async (c) => {
        const answer = await load(c);
        if (!answer.ok) return apiRefused(c, answer);
        const current = answer.body.items;
        const itemId = c.req.param('itemId');
        if (!current.some((i) => i.id === itemId)) {
          return problemPage(
            c,
            { directory, user: c.get('user'), title: 'Не найдено', text: itemId },
            404,
          );
        }
        const items = current.map((i) => (i.id === itemId ? toggle(i) : i));
        return write(
          c,
          items,
          (refusal, status) =>
            render(c, section.list({ ...base(c), items: current, refusal }), status),
          `saved=${encodeURIComponent(itemId)}`,
        );
      });
    }
    if (section.deletes) {
      app.post(`${path}/:itemId/delete`, async (c) => {
        const answer = await load(c);
        if (!answer.ok) return apiRefused(c, answer);
        const current = answer.body.items;
        const item = current.find((i) => i.id === c.req.param('itemId'));
        if (!item) {
          return problemPage(
            c,
            { directory, user: c.get('user'), title: 'Не найдено', text: c.req.param('itemId') },
            404,
          );
        }
        return write(
          c,
          current.filter((i) => i.id !== item.id),
          (refusal, status) =>
            render(c, section.list({ ...base(c), items: current, refusal }), status),
          'deleted',
        );
      });
    }
  };
  registerSection(autorules);
  registerSection(notifications);
  registerSection(templates);
}
