import {
  answerTemplateSchema,
  checkAutorule,
  checkNotificationConfig,
  hasSettingsStore,
  issuesFromZod,
  type OrganisationSettingsStore,
  type PayloadIssue,
  renderAnswerTemplate,
  russianErrors,
  type StoredMessage,
  testAutorule,
} from '@reshaem/core';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { authenticated, bodyLimited, canSee } from '../access.js';
import type { AppEnv, RouteDeps } from '../env.js';
import { HttpProblem, notFound, problem, validationProblem } from '../problems.js';
import { readJsonObject } from '../request/json-body.js';
import { refuseUnstorableQuery } from '../request/storable-input.js';

const BASE = '/admin/organisations/:orgId';
const MAX_ITEMS = 500;

/** 404 for an unknown organisation, 403 unless the caller is an admin of it. */
const orgAdmin =
  (deps: RouteDeps): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const orgId = c.req.param('orgId') ?? '';
    if (!deps.store.directory.organisation(orgId))
      throw notFound(`Организация ${orgId} не найдена`);
    const principal = c.get('principal');
    if (!principal.roles.some((r) => r.role === 'admin' && r.orgId === orgId)) {
      throw new HttpProblem(
        problem(
          'forbidden',
          `Настройками организации «${deps.store.directory.organisation(orgId)?.name ?? orgId}» управляет только её администратор`,
          { orgId },
        ),
      );
    }
    await next();
  };

/** The body's `items` array, each checked; 422 with every issue's path otherwise. */
async function readItems<T>(
  c: Context<AppEnv>,
  deps: RouteDeps,
  check: (item: unknown) => { ok: true; value: T } | { ok: false; issues: PayloadIssue[] },
): Promise<T[]> {
  const body = await readJsonObject(c, deps.limits.bodyBytes);
  const orgId = c.req.param('orgId');
  const items = body.items;
  if (!Array.isArray(items) || items.length > MAX_ITEMS) {
    throw validationProblem([
      { in: 'body', path: ['items'], message: `Массив, не больше ${MAX_ITEMS} элементов` },
    ]);
  }
  const issues: PayloadIssue[] = [];
  const values: T[] = [];
  const ids = new Set<string>();
  items.forEach((item, i) => {
    const withOrg = item && typeof item === 'object' ? { orgId, ...item } : item;
    const checked = check(withOrg);
    if (!checked.ok) {
      for (const issue of checked.issues)
        issues.push({ ...issue, path: ['items', i, ...issue.path] });
      return;
    }
    const value = checked.value as T & { id: string; orgId: string };
    if (value.orgId !== orgId) {
      issues.push({ path: ['items', i, 'orgId'], message: `Должно быть ${orgId}` });
    } else if (ids.has(value.id)) {
      issues.push({ path: ['items', i, 'id'], message: `Повторяющийся id ${value.id}` });
    }
    ids.add(value.id);
    values.push(checked.value);
  });
  if (issues.length > 0) throw validationProblem(issues.map((i) => ({ in: 'body', ...i })));
  return values;
}

/** A message the admin may try things on: visible to them, or held by their organisation. */
async function messageFor(
  c: Context<AppEnv>,
  deps: RouteDeps,
  messageId: unknown,
): Promise<StoredMessage> {
  if (typeof messageId !== 'string' || messageId === '') {
    throw validationProblem([{ in: 'body', path: ['messageId'], message: 'Укажите id сообщения' }]);
  }
  const stored = await deps.store.get(messageId);
  const orgId = c.req.param('orgId');
  if (
    !stored ||
    !(
      canSee(c.get('principal'), stored, deps.store) ||
      stored.snapshot.context.holdingOrgId === orgId
    )
  ) {
    throw notFound(`Сообщение ${messageId} не найдено`);
  }
  return stored;
}

/**
 * The organisation admin's settings (SPEC §6, §8): autorules with a dry run, e-mail
 * notifications and answer templates. Registered only when the store keeps settings.
 */
export function registerAdmin(app: Hono<AppEnv>, deps: RouteDeps): void {
  if (!hasSettingsStore(deps.store)) return;
  const settings: OrganisationSettingsStore = deps.store;
  const { directory } = deps.store;
  const guard = [authenticated(deps), orgAdmin(deps)] as const;
  const orgOf = (c: Context<AppEnv>) => c.req.param('orgId') ?? '';

  app.get(`${BASE}/autorules`, ...guard, async (c) =>
    c.json({ items: await settings.loadAutorules(orgOf(c)) }),
  );
  app.put(`${BASE}/autorules`, ...guard, bodyLimited(deps), async (c) => {
    const items = await readItems(c, deps, (item) => {
      const check = checkAutorule(item, directory);
      return check.ok ? { ok: true, value: check.rule } : check;
    });
    await settings.saveAutorules(orgOf(c), items);
    return c.json({ items: await settings.loadAutorules(orgOf(c)) });
  });
  app.post(`${BASE}/autorules/test`, ...guard, bodyLimited(deps), async (c) => {
    const body = await readJsonObject(c, deps.limits.bodyBytes);
    const stored = await messageFor(c, deps, body.messageId);
    const rule =
      body.rule && typeof body.rule === 'object' ? { orgId: orgOf(c), ...body.rule } : body.rule;
    const trial = testAutorule(rule, stored.snapshot, directory, deps.now().toISOString());
    if (trial.kind === 'invalid_rule') {
      throw validationProblem(
        trial.issues.map((i) => ({ in: 'body', ...i, path: ['rule', ...i.path] })),
      );
    }
    return c.json({ trial });
  });

  app.get(`${BASE}/notifications`, ...guard, async (c) =>
    c.json({ items: await settings.loadNotifications(orgOf(c)) }),
  );
  app.put(`${BASE}/notifications`, ...guard, bodyLimited(deps), async (c) => {
    const items = await readItems(c, deps, (item) => {
      const check = checkNotificationConfig(item, directory);
      return check.ok ? { ok: true, value: check.config } : check;
    });
    await settings.saveNotifications(orgOf(c), items);
    return c.json({ items: await settings.loadNotifications(orgOf(c)) });
  });

  app.get(`${BASE}/answer-templates`, ...guard, async (c) =>
    c.json({ items: await settings.loadAnswerTemplates(orgOf(c)) }),
  );
  app.put(`${BASE}/answer-templates`, ...guard, bodyLimited(deps), async (c) => {
    const items = await readItems(c, deps, (item) => {
      const parsed = answerTemplateSchema.safeParse(item, russianErrors);
      return parsed.success
        ? { ok: true, value: parsed.data }
        : { ok: false, issues: issuesFromZod(parsed.error) };
    });
    await settings.saveAnswerTemplates(orgOf(c), items);
    return c.json({ items: await settings.loadAnswerTemplates(orgOf(c)) });
  });
  app.post(`${BASE}/answer-templates/:templateId/render`, ...guard, async (c) => {
    const templateId = c.req.param('templateId');
    const templates = await settings.loadAnswerTemplates(orgOf(c));
    const template = templates.find((t) => t.id === templateId);
    if (!template) throw notFound(`Шаблон ответа ${templateId} не найден`);
    refuseUnstorableQuery(c.req.queries());
    const messageId = c.req.query('messageId');
    if (!messageId) {
      throw validationProblem([
        { in: 'query', path: ['messageId'], message: 'Укажите id сообщения' },
      ]);
    }
    const stored = await messageFor(c, deps, messageId);
    const principal = c.get('principal');
    const text = renderAnswerTemplate(template, stored.snapshot.context, directory, principal);
    return c.json({ templateId, messageId, text });
  });
}
