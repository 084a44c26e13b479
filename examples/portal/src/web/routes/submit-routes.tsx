import {
  hasRole,
  type OperatorFolder,
  type Organisation,
  operatorFolderLabels,
  operatorFolderOf,
  type Principal,
} from '@reshaem/core';
import type { Context, Hono } from 'hono';
import type { PageEnv } from '../../auth/session.js';
import type { WebDeps } from '../deps.js';
import type { FormValues } from '../forms/parse-form.js';
import { ApplicantPage } from '../pages/applicant.js';
import { OperatorPage } from '../pages/operator.js';
import { describeRefusal, type RefusalView } from '../refusal.js';
import { problemPage, render } from '../render.js';
import { submitEvent } from '../submission.js';
import { attachmentOf, fileContextOf, readPageForm, settleUploads } from '../uploads.js';

const forbidden = (c: Context<PageEnv>, deps: WebDeps, role: string) =>
  problemPage(
    c,
    {
      directory: deps.store.directory,
      user: c.get('user'),
      title: 'Нет доступа',
      text: `Эта страница — для роли «${role}». Войдите другим пользователем.`,
    },
    403,
  );

/** The operator's organisation: its marker («Центр мониторинга 112») starts every text. */
function operatorOrgOf(user: Principal, deps: WebDeps): Organisation | undefined {
  for (const grant of user.roles) {
    if (grant.role !== 'operator' || !grant.orgId) continue;
    const org = deps.store.directory.organisation(grant.orgId);
    if (org) return org;
  }
  return undefined;
}

async function applicantPage(
  c: Context<PageEnv>,
  deps: WebDeps,
  values: FormValues,
  refusal?: RefusalView,
) {
  const user = c.get('user');
  const { items } = await deps.store.list(user, { limit: 100 });
  const page = (
    <ApplicantPage
      map={deps.map}
      user={user}
      directory={deps.store.directory}
      now={deps.now()}
      items={items}
      values={values}
      {...(refusal ? { refusal } : {})}
    />
  );
  return render(c, page, refusal ? 422 : 200);
}

async function operatorPage(
  c: Context<PageEnv>,
  deps: WebDeps,
  values: FormValues,
  refusal?: RefusalView,
) {
  const user = c.get('user');
  const { items } = await deps.store.list(user, { channels: ['operator'], limit: 200 });
  const folders = Object.keys(operatorFolderLabels) as OperatorFolder[];
  const chosen = folders.find((f) => f === c.req.query('folder')) ?? 'in_progress';
  const folderOf = (s: (typeof items)[number]) => operatorFolderOf(s.status, s.snapshot.context);
  const counts = Object.fromEntries(
    folders.map((f) => [f, items.filter((s) => folderOf(s) === f).length]),
  ) as Record<OperatorFolder, number>;
  const page = (
    <OperatorPage
      map={deps.map}
      user={user}
      directory={deps.store.directory}
      now={deps.now()}
      folder={chosen}
      counts={counts}
      items={items.filter((s) => folderOf(s) === chosen)}
      values={values}
      {...(refusal ? { refusal } : {})}
    />
  );
  return render(c, page, refusal ? 422 : 200);
}

/** «Мои сообщения» (GET /my, POST /my/messages) and the operator's desk (/operator). */
export function registerSubmitPages(app: Hono<PageEnv>, deps: WebDeps): void {
  const { store } = deps;

  app.get('/my', (c) =>
    hasRole(c.get('user'), 'applicant')
      ? applicantPage(c, deps, {})
      : forbidden(c, deps, 'Заявитель'),
  );
  app.post('/my/messages', async (c) => {
    const user = c.get('user');
    if (!hasRole(user, 'applicant')) return forbidden(c, deps, 'Заявитель');
    const form = await readPageForm(c, deps.uploads, user, deps.now());
    if (!form.ok) return applicantPage(c, deps, form.values, form.refusal);
    const event = {
      ...submitEvent(form.values, user, 'epgu_form', store.directory, deps.now()),
      isPublic: form.values.isPublic === 'on',
      attachments: form.files.map((f) => attachmentOf(f, form.values.photosPublic === 'on')),
    };
    const result = await store.submit(event, { files: fileContextOf(form.files) });
    await settleUploads(deps.uploads, form.files, result.ok ? result.message.id : null);
    if (!result.ok)
      return applicantPage(
        c,
        deps,
        form.values,
        describeRefusal(result.error, deps.store.directory),
      );
    return c.redirect(`/messages/${encodeURIComponent(result.message.id)}?done=submit`, 303);
  });

  app.get('/operator', (c) => {
    const user = c.get('user');
    if (!hasRole(user, 'operator')) return forbidden(c, deps, 'Оператор');
    // Prefilled: the centre's marker, and the region's coordinating organisation (SPEC §6).
    const own = operatorOrgOf(user, deps);
    const marker = own?.operatorMarker;
    const orgId = store.directory.organisations.find(
      (o) => o.coordinatesRegion && o.regionCode === own?.regionCode,
    )?.id;
    return operatorPage(c, deps, {
      text: marker ? `${marker}: ` : '',
      ...(orgId ? { orgId } : {}),
    });
  });
  app.post('/operator/messages', async (c) => {
    const user = c.get('user');
    if (!hasRole(user, 'operator')) return forbidden(c, deps, 'Оператор');
    // The caller's photos, as the applicant's form takes them: the operator uploads them.
    const read = await readPageForm(c, deps.uploads, user, deps.now());
    if (!read.ok) return operatorPage(c, deps, read.values, read.refusal);
    const form = read.values;
    const event = {
      ...submitEvent(form, user, 'operator', store.directory, deps.now()),
      attachments: read.files.map((f) => ({ fileId: f.id })),
    };
    const result = await store.submit(event, { files: fileContextOf(read.files) });
    await settleUploads(deps.uploads, read.files, result.ok ? result.message.id : null);
    if (!result.ok)
      return operatorPage(c, deps, form, describeRefusal(result.error, deps.store.directory));
    return c.redirect(`/messages/${encodeURIComponent(result.message.id)}?done=submit`, 303);
  });
}
