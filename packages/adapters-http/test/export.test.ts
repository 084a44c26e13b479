import type { MessagePage, MessageQueryInput, MessageStore, StoredMessage } from '@reshaem/core';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { POS_EXPORT_COLUMNS, posExportRow } from '../src/index.js';
import {
  directory,
  drive,
  expectProblem,
  operatorBody,
  potholeBody,
  toAnswerSent,
  toApproval,
  toCoordination,
  users,
  world,
} from './support.js';

const coordinatorRow = async () => {
  const w = world();
  const id = await drive(w, toAnswerSent);
  return { w, id, stored: (await w.store.get(id)) as StoredMessage };
};

describe('the ПОС export row', () => {
  it('writes the columns of SPEC §7 in their order, in Russian', async () => {
    const { stored } = await coordinatorRow();
    const row = posExportRow(
      { status: stored.status, message: stored.snapshot.context },
      directory,
    );
    expect(Object.fromEntries(POS_EXPORT_COLUMNS.map((c, i) => [c, row[i]]))).toEqual({
      Номер: stored.snapshot.context.number,
      'Номер ЕПГУ': '-',
      Источник: 'Портал Госуслуг',
      'Верхнеуровневый ЛКО': 'Правительство Камчатского края',
      Категория: 'Дороги',
      Подкатегория: 'Ямы и выбоины на дороге',
      Факт: 'Яма на улице',
      'Организация, в которую поступило сообщение':
        'Министерство транспорта и дорожного строительства Камчатского края',
      'Организация, в которой находится сообщение':
        'Министерство транспорта и дорожного строительства Камчатского края',
      'Дата поступления': '15.01.2025',
      'Дата планируемого завершения работ': '25.01.2025',
      'Дата фактического завершения работ': '15.01.2025',
      Стадия: 'Оценка',
      Статус: 'Отправлен ответ заявителю',
      Просрочено: 'Нет',
      'Фаст-трек': 'Да',
      ФЗ: '-',
      'Заявитель выбрал подачу по 59-ФЗ': 'Нет',
      'Тип решения': 'Решено',
      'Направлено по email в ФОИВ, не подключенный к ПОС': 'Нет',
      'Оценка ответа заявителем': '-',
      'Повторное рассмотрение': 'Нет',
      'ФИО координатора': users.coordinatorRoads.name,
      'ФИО исполнителя': users.executorRoads.name,
      'ФИО руководителя': users.headRoads.name,
    });
  });

  it('shows dates on the holding organisation’s calendar, ratings and 59-ФЗ', async () => {
    const w = world();
    // 13:00 UTC on the 15th is already the 16th in Kamchatka (UTC+12).
    w.clock.now = new Date('2025-01-15T13:00:00Z');
    const id = await drive(
      w,
      [...toAnswerSent, { as: 'applicant', event: { type: 'rating.submit', score: 4 } }],
      { as: 'applicant', body: potholeBody({ lawType: 'appeal_59fz', epguNumber: 'ЕПГУ-77' }) },
    );
    const stored = (await w.store.get(id)) as StoredMessage;
    const row = posExportRow(
      { status: stored.status, message: stored.snapshot.context },
      directory,
    );
    const cell = (c: (typeof POS_EXPORT_COLUMNS)[number]) => row[POS_EXPORT_COLUMNS.indexOf(c)];
    expect(cell('Дата поступления')).toBe('16.01.2025');
    expect(cell('Номер ЕПГУ')).toBe('ЕПГУ-77');
    expect(cell('ФЗ')).toBe('59-ФЗ');
    expect(cell('Заявитель выбрал подачу по 59-ФЗ')).toBe('Да');
    expect(cell('Оценка ответа заявителем')).toBe('4');
    expect(cell('Статус')).toBe('Завершено');
    expect(cell('Стадия')).toBe('Закрыто');
  });

  it('writes «-» as «Тип решения» until an answer is approved', async () => {
    const w = world();
    const returned = await drive(w, [
      ...toApproval,
      { as: 'headRoads', event: { type: 'answer.return', comment: 'Приложите фото' } },
    ]);
    const pending = await drive(w, toApproval);
    const cell = async (id: string) => {
      const stored = (await w.store.get(id)) as StoredMessage;
      const row = posExportRow(
        { status: stored.status, message: stored.snapshot.context },
        directory,
      );
      return row[POS_EXPORT_COLUMNS.indexOf('Тип решения')];
    };
    expect((await w.store.get(returned))?.snapshot.context.answer?.type).toBe('resolved');
    expect(await cell(returned)).toBe('-');
    expect(await cell(pending)).toBe('-');
  });
});

describe('GET /messages/export.csv and .xlsx', () => {
  it('streams the caller’s filtered list as CSV', async () => {
    const w = world();
    await drive(w, toAnswerSent);
    await drive(w, toCoordination);
    await drive(w, [], { as: 'operator', body: operatorBody() });
    const res = await w.call(
      'GET',
      '/messages/export.csv?statuses=answer_sent&statuses=coordination',
      {
        as: 'coordinatorGov',
      },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="messages-2025-01-15.csv"',
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith('\uFEFFНомер,Номер ЕПГУ,Источник,')).toBe(true);
    const lines = text.slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]).toContain('"Организация, в которую поступило сообщение"');
    expect(lines).toHaveLength(3);
    expect(lines.slice(1).join('\n')).toContain('Отправлен ответ заявителю');
    expect(lines.slice(1).join('\n')).not.toContain('Ульяновской');
  });

  it('writes one XLSX sheet with the columns and Russian values', async () => {
    const w = world();
    await drive(w, toAnswerSent);
    const res = await w.call('GET', '/messages/export.xlsx', { as: 'coordinatorRoads' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    expect(workbook.worksheets).toHaveLength(1);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.name).toBe('Сообщения');
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual([...POS_EXPORT_COLUMNS]);
    expect(values(2)).toEqual(
      expect.arrayContaining(['Отправлен ответ заявителю', 'Решено', 'Да', '-']),
    );
    expect(sheet.rowCount).toBe(2);
  });

  it('answers HEAD with the headers and starts no writer', async () => {
    const { stored } = await coordinatorRow();
    const { store, calls } = syntheticStore(10_000, stored);
    const w = world({ store });
    for (const path of ['/messages/export.csv', '/messages/export.xlsx']) {
      const res = await w.call('HEAD', path, { as: 'coordinatorGov' });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment/);
      expect(await res.text()).toBe('');
    }
    await new Promise((r) => setTimeout(r, 50));
    expect(calls.length).toBe(2);
  });

  it('refuses paging parameters and bad filters before sending a byte (422)', async () => {
    const w = world();
    for (const query of ['?limit=10', '?cursor=x', '?statuses=nope']) {
      for (const path of ['/messages/export.csv', '/messages/export.xlsx']) {
        await expectProblem(
          await w.call('GET', `${path}${query}`, { as: 'coordinatorGov' }),
          'validation',
          422,
        );
      }
    }
  });
});

/** A store that makes up `total` messages on demand and counts the pages it was asked for. */
function syntheticStore(total: number, template: StoredMessage) {
  const calls: MessageQueryInput[] = [];
  const store = {
    directory,
    async list(_viewer: unknown, query: MessageQueryInput = {}): Promise<MessagePage> {
      calls.push(query);
      const start = query.cursor ? Number(query.cursor) : 0;
      const end = Math.min(total, start + (query.limit ?? 50));
      const items: StoredMessage[] = [];
      for (let i = start; i < end; i += 1) {
        const context = {
          ...template.snapshot.context,
          id: `s-${i}`,
          number: `41-${String(i).padStart(6, '0')}`,
        };
        items.push({ ...template, id: context.id, snapshot: { ...template.snapshot, context } });
      }
      return { items, nextCursor: end < total ? String(end) : null };
    },
  } as unknown as MessageStore;
  return { store, calls };
}

describe('streaming 100,000 rows', () => {
  const TOTAL = 100_000;

  it('CSV: produces pages only as the client reads, and all of them in the end', async () => {
    const { stored } = await coordinatorRow();
    const { store, calls } = syntheticStore(TOTAL, stored);
    const w = world({ store });
    const res = await w.call('GET', '/messages/export.csv', { as: 'coordinatorGov' });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    let bytes = 0;
    let lines = 0;
    const take = (value: Uint8Array) => {
      bytes += value.length;
      for (const b of value) if (b === 10) lines += 1;
    };
    for (let i = 0; i < 2; i += 1) take((await reader.read()).value as Uint8Array);
    await new Promise((r) => setTimeout(r, 20));
    // The header and a page or two: nothing runs ahead of the reader.
    expect(calls.length).toBeLessThanOrEqual(4);
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      take(value);
    }
    expect(lines).toBe(TOTAL + 1);
    expect(calls.length).toBe(1 + TOTAL / 200);
    expect(bytes).toBeGreaterThan(TOTAL * 100);
  });

  it('XLSX: the writer waits for the client instead of buffering the sheet', async () => {
    const { stored } = await coordinatorRow();
    const { store, calls } = syntheticStore(TOTAL, stored);
    const w = world({ store });
    const res = await w.call('GET', '/messages/export.xlsx', { as: 'coordinatorGov' });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    await new Promise((r) => setTimeout(r, 300));
    const early = calls.length;
    expect(early).toBeLessThan(40);
    let bytes = 0;
    while (bytes < 500_000) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
    }
    expect(calls.length).toBeGreaterThan(early);
    await reader.cancel();
    await new Promise((r) => setTimeout(r, 100));
    const afterCancel = calls.length;
    await new Promise((r) => setTimeout(r, 200));
    expect(calls.length).toBeLessThanOrEqual(afterCancel + 1);
    expect(calls.length).toBeLessThan(1 + TOTAL / 200);
  }, 30_000);

  it('XLSX: all 100,000 rows, in bounded memory', async () => {
    const { stored } = await coordinatorRow();
    const { store, calls } = syntheticStore(TOTAL, stored);
    const w = world({ store });
    const res = await w.call('GET', '/messages/export.xlsx', { as: 'coordinatorGov' });
    const start = process.memoryUsage().heapUsed;
    let peak = start;
    const chunks: Uint8Array[] = [];
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      chunks.push(chunk);
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    expect(calls.length).toBe(1 + TOTAL / 200);
    // 100,000 rows of 25 Russian strings held at once would be hundreds of megabytes.
    expect(peak - start).toBeLessThan(120_000_000);
    // Every page became rows, and the zip was finished: it ends with its central directory.
    const file = Buffer.concat(chunks);
    expect(file.length).toBeGreaterThan(5_000_000);
    expect(file.subarray(-22, -18)).toEqual(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  }, 60_000);
});
