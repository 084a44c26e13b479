import { describe, expect, it } from 'vitest';
import { autoruleSchema, checkAutorule } from '../../../src/index.js';
import { directory } from '../../helpers.js';
import { rule } from './fixtures.js';

const pathsOf = (input: unknown) => {
  const check = checkAutorule(input, directory);
  return check.ok ? [] : check.issues.map((i) => i.path.join('.'));
};

describe('checkAutorule (save time)', () => {
  it('accepts a sound rule and fills defaults', () => {
    const check = checkAutorule(
      {
        id: 'r1',
        orgId: 'kam-gov',
        name: 'Ямы — в минтранс',
        position: 0,
        match: { subcategoryIds: ['potholes'], words: { terms: ['ям'] } },
        action: { kind: 'forward', orgId: 'kam-roads' },
      },
      directory,
    );
    expect(check.ok).toBe(true);
    if (check.ok) expect(check.rule.enabled).toBe(true);
    if (check.ok) expect(check.rule.match.words?.mode).toBe('any');
  });

  it('names every field that points nowhere', () => {
    expect(
      pathsOf(
        rule({
          match: {
            categoryIds: ['roads', 'nope'],
            subcategoryIds: ['school-food'],
            factIds: ['pothole-yard'],
            regionCodes: ['99'],
          },
          action: { kind: 'assign', executorId: 'exec-uly-roads' },
        }),
      ),
    ).toEqual([
      'match.categoryIds.1',
      'match.subcategoryIds.0',
      'match.factIds.0',
      'match.regionCodes.0',
      'action.executorId',
    ]);
  });

  it('says in Russian what is wrong, naming the directory’s entries by name', () => {
    const check = checkAutorule(
      rule({
        match: {
          categoryIds: ['roads', 'nope'],
          subcategoryIds: ['school-food'],
          factIds: ['pothole-yard'],
          regionCodes: ['99'],
        },
        action: { kind: 'assign', executorId: 'exec-uly-roads' },
      }),
      directory,
    );
    expect(check.ok ? [] : check.issues.map((i) => i.message)).toEqual([
      'Неизвестная категория nope',
      'Подкатегория «Питание в школах» не входит ни в одну из категорий правила: правило с ней не сработает',
      'Факт «Яма во дворе» не входит ни в одну из подкатегорий правила: правило с ним не сработает',
      'Неизвестный регион 99',
      'Павлов Максим (исполнитель) — не исполнитель организации «Министерство транспорта и дорожного строительства Камчатского края»',
    ]);
    const forward = checkAutorule(
      rule({
        match: { subcategoryIds: ['potholes'] },
        action: { kind: 'forward', orgId: 'uly-health' },
      }),
      directory,
    );
    expect(forward.ok ? [] : forward.issues.map((i) => i.message)).toEqual([
      'Организация «Министерство здравоохранения Ульяновской области» не подчинена организации «Министерство транспорта и дорожного строительства Камчатского края» и не отвечает за подкатегорию «Ямы и выбоины на дороге»',
    ]);
    const blank = checkAutorule(
      { ...rule(), name: '', match: { categoryIds: [], words: { mode: 'any', terms: [' ... '] } } },
      directory,
    );
    expect(blank.ok ? [] : blank.issues.map((i) => i.message)).toEqual([
      'Заполните поле',
      'Не меньше 1 элемента',
      'В слове нужна хотя бы одна буква или цифра',
    ]);
  });

  it('refuses a forward the workflow would always refuse', () => {
    expect(
      pathsOf(
        rule({
          match: { subcategoryIds: ['potholes'] },
          action: { kind: 'forward', orgId: 'uly-health' },
        }),
      ),
    ).toEqual(['action.orgId']);
    expect(
      pathsOf({ ...rule(), action: { kind: 'forward', orgId: 'kam-roads' } }), // its own
    ).toEqual(['action.orgId']);
  });

  it('refuses empty criteria lists and blank words', () => {
    const result = autoruleSchema.safeParse({
      ...rule(),
      match: { categoryIds: [], words: { mode: 'any', terms: [' ... '] } },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual([
      'match.categoryIds',
      'match.words.terms.0',
    ]);
  });
});
