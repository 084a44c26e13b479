/** The three Russian plural forms: for 1, for 2–4, for 5–20, e.g. `['день', 'дня', 'дней']`. */
export type RussianPluralForms = readonly [one: string, few: string, many: string];

/**
 * The Russian plural form for `n`: «1 день, 2 дня, 5 дней, 11 дней, 21 день, 112 дней».
 * Negative numbers take the form of their absolute value; fractions take the «few» form
 * («1,5 дня»), as `Intl.PluralRules('ru')` calls them `other`.
 *
 * @example
 * pluralRu(21, ['день', 'дня', 'дней']); // 'день'
 * pluralRu(3, ['час', 'часа', 'часов']); // 'часа'
 * pluralRu(11, ['минута', 'минуты', 'минут']); // 'минут'
 */
export function pluralRu(n: number, forms: RussianPluralForms): string {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  if (!Number.isInteger(n)) return forms[1];
  const abs = Math.abs(n);
  const lastTwo = abs % 100;
  const last = abs % 10;
  if (last === 1 && lastTwo !== 11) return forms[0];
  if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) return forms[1];
  return forms[2];
}

/**
 * `n` followed by its plural form: «5 дней».
 *
 * @example
 * countRu(2, ['минута', 'минуты', 'минут']); // '2 минуты'
 */
export function countRu(n: number, forms: RussianPluralForms): string {
  return `${n} ${pluralRu(n, forms)}`;
}
