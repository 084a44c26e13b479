import { describe, expect, it } from 'vitest';
import {
  caseExportColumns,
  caseExportHeader,
  caseExportRow,
  caseStatusOf,
  FEDERAL_DISTRICTS,
  federalDistrictOf,
  REGIONS,
} from '../../src/index.js';
import { directory, drive, reach, send, start, toHeld, users } from './helpers.js';

describe('Excel export rows', () => {
  it('has Russian headers, one per column, and can pick columns', () => {
    const header = caseExportHeader();
    expect(header).toHaveLength(caseExportColumns.length);
    expect(header.slice(0, 3)).toEqual(['№ обращения', 'Дата создания', 'ФИО гражданина']);
    expect(new Set(caseExportColumns.map((c) => c.key)).size).toBe(caseExportColumns.length);
    expect(caseExportHeader(['number', 'status'])).toEqual(['№ обращения', 'Статус обращения']);
  });

  it('writes a card as people read it, in the card’s region’s local time', () => {
    const card = drive(start(), [
      ...toHeld,
      { type: 'case.comment', by: users.executor75, text: 'Позвонил заявителю' },
      { type: 'case.federal_level', by: users.executor75 },
    ]);
    const row = caseExportRow(
      { id: 'c-1', status: caseStatusOf(card), card: card.context },
      directory,
    );
    const byHeader = Object.fromEntries(caseExportHeader().map((h, i) => [h, row[i]]));
    expect(byHeader).toMatchObject({
      '№ обращения': '340820',
      'Дата создания': '15.01.2025 12:00',
      'ФИО гражданина': 'Тестов Тест',
      'Статус обращения': 'В работе',
      'Тип категории': 'НКО/волонтер',
      Категория: 'Медицина',
      Подкатегория: 'Лекарства',
      'Федеральный округ': 'Дальневосточный федеральный округ',
      Регион: 'Забайкальский край',
      Организация: 'РИК ОНФ в Забайкальском крае',
      Исполнитель: 'Ходков Андрей (исполнитель)',
      Блокировка: 'Ходков Андрей (исполнитель)',
      'Федеральный уровень': 'Да',
      Срочно: 'Нет',
      'Дней с попытками связаться': 0,
    });
    expect(byHeader['Ход решения']).toBe(
      '15.01.2025 12:03 Ходков Андрей (исполнитель): Позвонил заявителю',
    );
  });

  it('writes results: postponement, closure reason, resolution', () => {
    const row = (name: string, keys: Parameters<typeof caseExportRow>[2]) => {
      const s = reach[name]!();
      return caseExportRow(
        { id: s.context.id, status: caseStatusOf(s), card: s.context },
        directory,
        keys,
      );
    };
    expect(row('postponed', ['postponedUntil', 'postponeReason'])).toEqual([
      '01.03.2025',
      'Ждём поставку',
    ]);
    expect(row('closed', ['status', 'closeReason'])).toEqual([
      'Закрыто',
      'Заявитель отказался от помощи',
    ]);
    expect(row('done', ['status', 'resolution'])).toEqual([
      'Выполнено',
      'Лекарства доставлены 16.01',
    ]);
    expect(row('new', ['executor', 'lock', 'comments'])).toEqual([null, null, null]);
  });

  it('names a resolution’s files in one column, uploads and named files alike', () => {
    const held = drive(start(), toHeld);
    const upload = {
      id: 'f-1',
      name: 'Акт выдачи.pdf',
      size: 1200,
      contentType: 'application/pdf',
      sha256: 'a'.repeat(64),
      uploadedBy: users.executor75.id,
      uploadedAt: '2025-01-15T03:00:00.000Z',
      attachedTo: null,
    };
    const resolve = {
      type: 'case.resolve',
      by: users.executor75,
      description: 'Доставлено',
      files: [{ name: 'чек.jpg' }, { fileId: 'f-1' }],
    };
    const result = send(held, resolve, 9, { heldCardIds: [], files: { known: [upload] } });
    if (!result.ok) expect.fail(result.error.message);
    const card = result.snapshot.context;
    expect(
      caseExportRow({ id: card.id, status: 'curator_check', card }, directory, ['resolutionFiles']),
    ).toEqual(['чек.jpg, Акт выдачи.pdf']);
  });
});

describe('federal districts', () => {
  it('put every subject in exactly one district', () => {
    const all = FEDERAL_DISTRICTS.flatMap((d) => d.regionCodes);
    expect(all.sort()).toEqual(REGIONS.map((r) => r.code).sort());
    expect(federalDistrictOf('75')?.code).toBe('dfo');
    expect(federalDistrictOf('51')?.code).toBe('szfo');
    expect(federalDistrictOf('09')?.code).toBe('skfo');
    expect(federalDistrictOf('19')?.code).toBe('sfo');
  });
});
