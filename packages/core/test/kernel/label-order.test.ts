import { describe, expect, it } from 'vitest';
import { byLabel, sortedByLabel } from '../../src/kernel/analytics/label-order.js';
import { createDirectory } from '../../src/kernel/notifications/directory.js';

// The same name composed and decomposed: two strings the collator holds equal.
const composed = 'Школа №1 посёлка Новый'.normalize('NFC');
const decomposed = composed.normalize('NFD');
const names = [
  composed,
  `${composed} `.trim(),
  'Ясли',
  'ясли',
  'Елка',
  'Ёлка',
  'Apple',
  'яблоко',
  ...Array.from({ length: 80 }, (_, i) => `Учреждение ${(i * 37) % 80} района ${i % 7}`),
];
const directory = createDirectory({
  organisations: [
    { id: 'root', name: 'Правительство', regionCode: '41' },
    ...names.map((name, i) => ({ id: `o${i}`, name, parentId: 'root', regionCode: '41' })),
    // Two organisations of one name: the key decides.
    { id: 'twin', name: 'Ясли', parentId: 'root', regionCode: '41' },
    // Listed last, named as o0 but decomposed, and first by key.
    { id: 'a-nfd', name: decomposed, parentId: 'root', regionCode: '41' },
  ],
  users: [],
});
const rowsOf = (ids: string[]) =>
  ids.map((key) => ({ key, label: directory.organisation(key)?.name ?? key }));
const oldOrder = <R extends { key: string; label: string }>(rows: R[]) =>
  [...rows].sort((a, b) => a.label.localeCompare(b.label, 'ru') || (a.key < b.key ? -1 : 1));

describe('sortedByLabel', () => {
  const ids = directory.organisations.map((o) => o.id).reverse();

  it('orders organisations by name as localeCompare(…, "ru") does, then by key', () => {
    const rows = rowsOf(ids);
    expect(sortedByLabel([...rows], directory.organisations)).toEqual(oldOrder(rows));
    // Equal to the collator, the composed and decomposed names fall to their keys.
    const equal = sortedByLabel([...rows], directory.organisations)
      .filter((r) => r.label.normalize('NFC') === composed)
      .map((r) => r.key);
    expect(equal).toEqual(['a-nfd', 'o0', 'o1']);
  });

  it('orders labels the directory does not know by the collator', () => {
    const rows = [...rowsOf(ids), { key: 'gone', label: 'Ликвидированное учреждение' }];
    expect(sortedByLabel([...rows], directory.organisations)).toEqual(oldOrder(rows));
  });

  it('orders a few rows with byLabel', () => {
    const rows = rowsOf(['o2', 'o3', 'twin', 'o6', 'o4', 'o5']);
    expect(sortedByLabel([...rows], directory.organisations)).toEqual(oldOrder(rows));
    expect([...rows].sort(byLabel)).toEqual(oldOrder(rows));
  });
});
