import { describe, expect, it } from 'vitest';
import { findRegion, REGIONS, regionTimeZone } from '../../../src/kernel/deadlines/index.js';

/** UTC offsets in hours, written out independently of the zone names in `regions.ts`. */
const EXPECTED_OFFSET: Record<number, string[]> = {
  2: ['39'],
  3: [
    ...['01', '05', '06', '07', '08', '09', '10', '11', '12', '13', '15', '16', '20', '21'],
    ...['23', '26', '29', '31', '32', '33', '34', '35', '36', '37', '40', '43', '44', '46'],
    ...['47', '48', '50', '51', '52', '53', '57', '58', '60', '61', '62', '67', '68', '69'],
    ...['71', '76', '77', '78', '83', '90', '91', '92', '93', '94', '95'],
  ],
  4: ['18', '30', '63', '64', '73'],
  5: ['02', '45', '56', '59', '66', '72', '74', '86', '89'],
  6: ['55'],
  7: ['04', '17', '19', '22', '24', '42', '54', '70'],
  8: ['03', '38'],
  9: ['14', '28', '75'],
  10: ['25', '27', '79'],
  11: ['49', '65'],
  12: ['41', '87'],
};
const expectedOffset = new Map(
  Object.entries(EXPECTED_OFFSET).flatMap(([hours, codes]) =>
    codes.map((code) => [code, Number(hours)] as const),
  ),
);

/** The zone's UTC offset at an instant, in hours, straight from Node's ICU time-zone data. */
function offsetHours(timeZone: string, instant: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
  const name = parts.formatToParts(new Date(instant)).find((p) => p.type === 'timeZoneName');
  const match = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name?.value ?? '');
  if (!match) throw new Error(`unexpected offset ${name?.value}`);
  if (!match[1]) return 0;
  const hours = Number(match[2]) + Number(match[3]) / 60;
  return match[1] === '-' ? -hours : hours;
}

describe('regions', () => {
  it('lists the 89 subjects once each, ordered by code', () => {
    expect(REGIONS).toHaveLength(89);
    const codes = REGIONS.map((r) => r.code);
    expect(new Set(codes).size).toBe(89);
    expect([...codes].sort()).toEqual(codes);
    for (const code of codes) expect(code).toMatch(/^\d{2}$/);
    expect(expectedOffset.size).toBe(89);
    expect([...expectedOffset.keys()].sort()).toEqual(codes);
  });

  it.each(REGIONS.map((r) => [r.code, r.name, r.timeZone] as const))(
    '%s %s: %s is a zone Node knows, with the expected offset',
    (code, _name, timeZone) => {
      expect(() => new Intl.DateTimeFormat(undefined, { timeZone })).not.toThrow();
      const expected = expectedOffset.get(code);
      expect(offsetHours(timeZone, '2025-01-15T00:00:00Z')).toBe(expected);
      // Russia keeps no summer time: the same offset in July.
      expect(offsetHours(timeZone, '2025-07-15T00:00:00Z')).toBe(expected);
    },
  );

  it.each([
    ['41', 'Камчатский край', 'Asia/Kamchatka'],
    ['87', 'Чукотский автономный округ', 'Asia/Anadyr'],
    ['39', 'Калининградская область', 'Europe/Kaliningrad'],
    ['14', 'Республика Саха (Якутия)', 'Asia/Yakutsk'],
    ['25', 'Приморский край', 'Asia/Vladivostok'],
    ['73', 'Ульяновская область', 'Europe/Ulyanovsk'],
    ['63', 'Самарская область', 'Europe/Samara'],
    ['18', 'Удмуртская Республика', 'Europe/Samara'],
    ['30', 'Астраханская область', 'Europe/Astrakhan'],
    ['64', 'Саратовская область', 'Europe/Saratov'],
    ['34', 'Волгоградская область', 'Europe/Volgograd'],
    ['43', 'Кировская область', 'Europe/Kirov'],
    ['77', 'Москва', 'Europe/Moscow'],
    ['78', 'Санкт-Петербург', 'Europe/Moscow'],
    ['91', 'Республика Крым', 'Europe/Simferopol'],
    ['92', 'Севастополь', 'Europe/Simferopol'],
    ['93', 'Донецкая Народная Республика', 'Europe/Moscow'],
    ['94', 'Луганская Народная Республика', 'Europe/Moscow'],
    ['90', 'Запорожская область', 'Europe/Moscow'],
    ['95', 'Херсонская область', 'Europe/Moscow'],
  ])('%s is %s in %s', (code, name, timeZone) => {
    expect(findRegion(code)?.name).toBe(name);
    expect(regionTimeZone(code)).toBe(timeZone);
  });

  it('pads one-digit codes and refuses unknown ones', () => {
    expect(regionTimeZone(7)).toBe('Europe/Moscow');
    expect(regionTimeZone('2')).toBe('Asia/Yekaterinburg');
    expect(findRegion('82')).toBeUndefined(); // a plate series for Crimea, not a subject code
    expect(() => regionTimeZone('99')).toThrow(RangeError);
  });

  it('is frozen', () => {
    const first = REGIONS[0]!;
    expect(Object.isFrozen(first)).toBe(true);
  });
});
