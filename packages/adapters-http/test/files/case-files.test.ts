import {
  caseFileOwner,
  createMemoryFileStore,
  createMemoryStore,
  type Principal,
  SYSTEM_PRINCIPAL,
} from '@reshaem/core';
import { createOnfDemoDirectory, onfDemoUsers } from '@reshaem/core/testing';
import { describe, expect, it } from 'vitest';
import { createHttpApp } from '../../src/index.js';
import { expectProblem, handleAppOptions, json } from '../support.js';
import { exeBytes, jpegBytes, multipart, type Part, pdfBytes, pngBytes } from './fixtures.js';

const directory = createOnfDemoDirectory();
const users: Record<string, Principal> = { ...onfDemoUsers, system: SYSTEM_PRINCIPAL };
type Handle = keyof typeof onfDemoUsers | 'system';

type CardView = {
  version: number;
  card: { resolution: { files: { fileId?: string; name: string }[] } | null };
  files: { id: string; name: string; field: string; downloadUrl: string; contentType: string }[];
};

/** The ОНФ demo world over HTTP, with a memory file store (small limits where asked). */
function onfFileWorld(limits: { filesPerItem?: number } = {}) {
  const files = createMemoryFileStore();
  const store = createMemoryStore({ directory, files });
  const app = createHttpApp({
    store,
    files: { store: files, rules: { limits } },
    ...handleAppOptions(users),
  });
  const call = (method: string, path: string, as: Handle | null, body?: unknown) =>
    app.request(path, {
      method,
      headers: {
        ...(as ? { authorization: `Bearer ${as}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const uploadOne = async (as: Handle, part: Part) => {
    const { body, contentType } = multipart([part]);
    const response = await app.request('/files', {
      method: 'POST',
      headers: { authorization: `Bearer ${as}`, 'content-type': contentType },
      body,
    });
    const id = (await json<{ files?: { id: string }[] }>(response)).files?.[0]?.id;
    if (response.status !== 201 || id === undefined) throw new Error(`upload: ${response.status}`);
    return id;
  };
  const send = (id: string, as: Handle, body: Record<string, unknown>) =>
    call('POST', `/cases/${id}/events`, as, body);
  /** A card of region 75 assigned to exec-75 and taken by them. */
  const heldCard = async (id: string) => {
    const create = {
      caseId: id,
      number: `N-${id}`,
      applicant: { name: 'Тестов Тест', phone: '+7(917)561-89-18' },
      text: 'Прошу помочь с доставкой лекарств',
      regionCode: '75',
      categoryType: 'nko',
      categoryId: 'medicine',
    };
    expect((await call('POST', '/cases', 'system', create)).status).toBe(201);
    const assign = { type: 'case.assign', executorId: 'exec-75' };
    expect((await send(id, 'supervisor75', assign)).status).toBe(200);
    expect((await send(id, 'executor75', { type: 'case.lock' })).status).toBe(200);
  };
  const resolve = (id: string, fileIds: string[]) =>
    send(id, 'executor75', {
      type: 'case.resolve',
      description: 'Лекарства доставлены, акт приложен',
      files: fileIds.map((fileId) => ({ fileId })),
    });
  return { app, call, files, store, uploadOne, send, heldCard, resolve };
}

describe('ОНФ resolve with uploads', () => {
  it('attaches the PDF to the card and lists it in the card view with its download URL', async () => {
    const w = onfFileWorld();
    await w.heldCard('c-1');
    const pdf = await w.uploadOne('executor75', { filename: 'Акт выдачи.pdf', bytes: pdfBytes() });
    const response = await w.resolve('c-1', [pdf]);
    expect(response.status).toBe(200);
    const view = await json<CardView>(response);
    expect(view.card.resolution?.files.map((f) => [f.fileId, f.name])).toEqual([
      [pdf, 'Акт выдачи.pdf'],
    ]);
    expect(view.files).toEqual([
      expect.objectContaining({
        id: pdf,
        name: 'Акт выдачи.pdf',
        contentType: 'application/pdf',
        field: 'resolution',
        downloadUrl: `/files/${pdf}`,
      }),
    ]);
    expect((await w.files.describe([pdf]))[0]?.attachedTo).toBe(caseFileOwner('c-1'));
    // The card page lists the files too; those who do not see the resolution get none.
    const curator = await json<CardView>(await w.call('GET', '/cases/c-1', 'curator75'));
    expect(curator.files.map((f) => f.id)).toEqual([pdf]);
    const moderator = await json<CardView>(await w.call('GET', '/cases/c-1', 'moderator'));
    expect(moderator.files).toEqual([]);
    expect(moderator.card.resolution).toBeNull();
  });

  it('refuses (422) a foreign upload, a wrong type, too many and an unknown id — attaching nothing', async () => {
    const w = onfFileWorld({ filesPerItem: 2 });
    await w.heldCard('c-1');
    const mine = await w.uploadOne('executor75', { filename: 'акт.pdf', bytes: pdfBytes() });
    const theirs = await w.uploadOne('executor75b', { filename: 'чужой.pdf', bytes: pdfBytes() });
    const png = await w.uploadOne('executor75', { filename: 'фото.png', bytes: pngBytes() });
    const jpeg = await w.uploadOne('executor75', { filename: 'фото.jpg', bytes: jpegBytes() });
    const before = await json<CardView>(await w.call('GET', '/cases/c-1', 'executor75'));
    const cases: Array<[string[], string]> = [
      [[mine, theirs], `загруженный файл ${theirs} не найден`],
      [[mine, png], 'файл «фото.png» имеет тип image/png; здесь можно:'],
      [[mine, jpeg, mine], 'не больше 2 файлов'],
      [[mine, 'no-such-upload'], 'загруженный файл no-such-upload не найден'],
    ];
    for (const [ids, message] of cases) {
      const problem = await expectProblem(await w.resolve('c-1', ids), 'validation', 422);
      const [issue] = problem.errors as { message: string; path: (string | number)[] }[];
      expect(issue?.message).toContain(message);
      expect(issue?.path[0]).toBe('files');
    }
    expect((await w.files.describe([mine, theirs, png, jpeg])).map((f) => f.attachedTo)).toEqual([
      null,
      null,
      null,
      null,
    ]);
    const after = await json<CardView>(await w.call('GET', '/cases/c-1', 'executor75'));
    expect(after.version).toBe(before.version);
    expect(after.card.resolution).toBeNull();
    // An executable is no file of any field: refused at the upload already.
    const { body, contentType } = multipart([{ filename: 'акт.pdf', bytes: exeBytes() }]);
    const exe = await w.app.request('/files', {
      method: 'POST',
      headers: { authorization: 'Bearer executor75', 'content-type': contentType },
      body,
    });
    expect(exe.status).toBe(415);
    // The right files still go through afterwards.
    expect((await w.resolve('c-1', [mine, jpeg])).status).toBe(200);
  });
});

/**
 * Who may download a card's file: whoever sees its resolution (the assignee, the region's
 * supervisors and curators, platform-wide curators, the system); everyone else 404.
 */
const mayDownload: Record<Handle, boolean> = {
  system: true,
  executor75: true,
  supervisor75: true,
  curator75: true,
  curatorHq: true,
  multi75: true,
  executor75b: false,
  executorNko75: false,
  supervisor51: false,
  executor51: false,
  curator51: false,
  moderator: false,
  support: false,
  operator: false,
};

describe('downloading a card’s files', () => {
  it('follows the resolution’s visibility for every ОНФ role, before and after a return', async () => {
    const w = onfFileWorld();
    await w.heldCard('c-1');
    const bytes = pdfBytes(5000);
    const pdf = await w.uploadOne('executor75', { filename: 'Акт.pdf', bytes });
    expect((await w.resolve('c-1', [pdf])).status).toBe(200);
    const check = async (stage: string) => {
      for (const [who, may] of Object.entries(mayDownload) as [Handle, boolean][]) {
        const response = await w.call('GET', `/files/${pdf}`, who);
        expect(response.status, `${stage}: ${who}`).toBe(may ? 200 : 404);
        if (may) {
          expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
          expect(response.headers.get('content-type')).toBe('application/pdf');
        } else {
          expect(response.headers.get('content-type')).toBe('application/problem+json');
        }
      }
      expect((await w.call('GET', `/files/${pdf}`, null)).status).toBe(401);
    };
    await check('resolved');
    // Returned for rework, the resolution is gone from the card but stays in its history:
    // the same people keep the file.
    expect(
      (await w.send('c-1', 'curator75', { type: 'case.return', comment: 'Нужна подпись' })).status,
    ).toBe(200);
    await check('returned');
  });

  it('keeps a fresh upload to its uploader, even for staff who may see the card', async () => {
    const w = onfFileWorld();
    await w.heldCard('c-1');
    const pdf = await w.uploadOne('executor75', { filename: 'черновик.pdf', bytes: pdfBytes() });
    expect((await w.call('GET', `/files/${pdf}`, 'executor75')).status).toBe(200);
    for (const who of ['curator75', 'supervisor75', 'system'] as const) {
      expect((await w.call('GET', `/files/${pdf}`, who)).status, who).toBe(404);
    }
  });
});
