import { afterEach, describe, expect, it } from 'vitest';
import {
  type CaseStore,
  type CaseWriteResult,
  type CaseWritten,
  caseFileOwner,
  type Directory,
  type FileRulesInput,
  type FileStore,
  type Principal,
  SYSTEM_PRINCIPAL,
} from '../src/index.js';
import { createOnfDemoDirectory, onfDemoUsers as users } from '../src/testing/index.js';

/** A case store and the file store whose uploads its resolutions attach, over empty data. */
export type MakeCaseFileStores = (options: { directory: Directory }) => Promise<{
  store: CaseStore;
  files: FileStore;
  close(): Promise<void>;
}>;

const T0 = '2025-01-15T03:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();
const FAR_FUTURE = '2100-01-01T00:00:00.000Z';
const PDF = new TextEncoder().encode('%PDF-1.4\n% Акт выполненных работ\n%%EOF\n');

function written(result: CaseWriteResult): CaseWritten {
  if (!result.ok)
    expect.fail(`expected a write, got ${result.error.kind}: ${result.error.message}`);
  return result;
}

async function* bytesOf(data: Uint8Array) {
  yield data;
}

/**
 * The card side of files, for every store with the case methods and its file store
 * (memory, PGlite, PostgreSQL): a resolution's uploads are checked by the core's file rule
 * and attached to the card by the store with the write; a refused resolve attaches nothing.
 *
 * @example
 * describeCaseFilesContract('memory', async ({ directory }) => {
 *   const files = createMemoryFileStore();
 *   return { store: createMemoryStore({ directory, files }), files, async close() {} };
 * });
 */
export function describeCaseFilesContract(name: string, make: MakeCaseFileStores): void {
  describe(`card files contract: ${name}`, () => {
    const directory = createOnfDemoDirectory();
    const open: Array<{ close(): Promise<void> }> = [];
    afterEach(async () => {
      for (const s of open.splice(0)) await s.close();
    });
    const fresh = async () => {
      const made = await make({ directory });
      open.push(made);
      return made;
    };

    let uploads = 0;
    const upload = async (
      files: FileStore,
      by: Principal,
      contentType = 'application/pdf',
      name = 'Акт.pdf',
    ) => {
      uploads += 1;
      const id = `${name}-${uploads}-${Math.random().toString(36).slice(2)}`;
      const newFile = { id, name, contentType, uploadedBy: by.id, uploadedAt: at(0) };
      return files.put(newFile, bytesOf(PDF));
    };

    /** A card assigned to exec-75 and locked by them (version 3). */
    const heldCard = async (store: CaseStore, caseId: string) => {
      written(
        await store.submitCase({
          type: 'case.create',
          at: T0,
          by: SYSTEM_PRINCIPAL,
          caseId,
          number: `N-${caseId}`,
          applicant: { name: 'Тестов Тест', phone: '+7(917)561-89-18' },
          text: 'Прошу помочь с доставкой лекарств',
          regionCode: '75',
          categoryType: 'nko',
          categoryId: 'medicine',
        }),
      );
      const assign = { type: 'case.assign', by: users.supervisor75, executorId: 'exec-75' };
      written(await store.sendCase(caseId, { ...assign, at: at(1) }));
      return written(
        await store.sendCase(caseId, { type: 'case.lock', at: at(2), by: users.executor75 }),
      );
    };

    /** `case.resolve` naming `fileIds`, with the file context a route would look up. */
    const resolve = async (
      store: CaseStore,
      files: FileStore,
      caseId: string,
      fileIds: string[],
      rules?: FileRulesInput,
      minute = 3,
    ) => {
      const known = await files.describe(fileIds);
      const event = {
        type: 'case.resolve',
        at: at(minute),
        by: users.executor75,
        description: 'Лекарства доставлены',
        files: fileIds.map((fileId) => ({ fileId })),
      };
      return store.sendCase(caseId, event, { files: rules ? { known, rules } : { known } });
    };

    const attachedTo = async (files: FileStore, ids: string[]) =>
      (await files.describe(ids)).map((f) => f.attachedTo);

    it("attaches the executor's own upload to the card with the resolve, keeping its descriptor", async () => {
      const { store, files } = await fresh();
      await heldCard(store, 'cf-1');
      const pdf = await upload(files, users.executor75);
      const done = written(await resolve(store, files, 'cf-1', [pdf.id]));
      expect(done.case.snapshot.context.resolution?.files).toEqual([
        {
          fileId: pdf.id,
          name: 'Акт.pdf',
          size: PDF.byteLength,
          contentType: 'application/pdf',
          sha256: pdf.sha256,
          uploadedAt: pdf.uploadedAt,
        },
      ]);
      // The store attached it, nobody else: the cleanup never lists it.
      expect(await attachedTo(files, [pdf.id])).toEqual([caseFileOwner('cf-1')]);
      const stale = await files.unattachedBefore(FAR_FUTURE, 100);
      expect(stale.map((f) => f.id)).not.toContain(pdf.id);
      expect((await store.getCase('cf-1'))?.snapshot.context.resolution?.files[0]?.fileId).toBe(
        pdf.id,
      );
    });

    it("refuses another person's upload, a wrong type, too many and unknown ids, attaching nothing", async () => {
      const { store, files } = await fresh();
      const held = await heldCard(store, 'cf-2');
      const own = await upload(files, users.executor75);
      const foreign = await upload(files, users.executor75b);
      const exe = await upload(files, users.executor75, 'application/x-msdownload', 'Акт.exe');
      const refusals: Array<[string[], FileRulesInput | undefined, string]> = [
        [[own.id, foreign.id], undefined, `загруженный файл ${foreign.id} не найден`],
        [[own.id, exe.id], undefined, 'application/x-msdownload'],
        [[own.id, 'no-such-file'], undefined, 'загруженный файл no-such-file не найден'],
        [[own.id, own.id], undefined, 'указан дважды'],
        [[own.id, exe.id], { limits: { filesPerItem: 1 } }, 'не больше 1 файлов'],
      ];
      for (const [ids, rules, message] of refusals) {
        const result = await resolve(store, files, 'cf-2', ids, rules);
        expect(result.ok ? 'written' : result.error.kind).toBe('invalid_payload');
        if (!result.ok && result.error.kind === 'invalid_payload') {
          expect(result.error.issues[0]?.message).toContain(message);
          expect(result.error.issues[0]?.path[0]).toBe('files');
        }
      }
      expect(await attachedTo(files, [own.id, foreign.id, exe.id])).toEqual([null, null, null]);
      const card = await store.getCase('cf-2');
      expect(card?.version).toBe(held.case.version);
      expect(card?.snapshot.context.resolution).toBeNull();
    });

    it("reuses the card's own files after a return, never another card's", async () => {
      const { store, files } = await fresh();
      await heldCard(store, 'cf-3');
      const pdf = await upload(files, users.executor75);
      written(await resolve(store, files, 'cf-3', [pdf.id]));
      const back = { type: 'case.return', at: at(4), by: users.curator75, comment: 'Нужен акт' };
      written(await store.sendCase('cf-3', back));
      written(await store.sendCase('cf-3', { type: 'case.lock', at: at(5), by: users.executor75 }));
      const again = written(await resolve(store, files, 'cf-3', [pdf.id], undefined, 6));
      expect(again.case.snapshot.context.resolution?.files.map((f) => f.fileId)).toEqual([pdf.id]);
      written(
        await store.sendCase('cf-3', { type: 'case.accept', at: at(7), by: users.curator75 }),
      );

      // The same executor on another card cannot take the first card's file.
      await heldCard(store, 'cf-4');
      const result = await resolve(store, files, 'cf-4', [pdf.id], undefined, 8);
      expect(result.ok ? 'written' : result.error.kind).toBe('invalid_payload');
      expect(await attachedTo(files, [pdf.id])).toEqual([caseFileOwner('cf-3')]);
    });

    it('still takes files named only, as cards resolved before uploads have', async () => {
      const { store } = await fresh();
      await heldCard(store, 'cf-5');
      const event = {
        type: 'case.resolve',
        at: at(3),
        by: users.executor75,
        description: 'Сделано',
        files: [{ name: 'фото.jpg' }],
      };
      const done = written(await store.sendCase('cf-5', event));
      expect(done.case.snapshot.context.resolution?.files).toEqual([{ name: 'фото.jpg' }]);
      const bad = await store.sendCase('cf-5', { ...event, files: [{ name: 'вирус.exe' }] });
      expect(bad.ok).toBe(false);
    });
  });
}
