/**
 * The eight federal districts (федеральные округа) and their subjects, as the ОНФ card and
 * its export show them («Федеральный округ»). Бурятия and Забайкальский край moved to the
 * Far East in 2018; Крым and Севастополь joined the South in 2016; the four subjects of 2022
 * joined the South in 2023.
 */
export interface FederalDistrict {
  /** Short code: `cfo`, `szfo`, `yufo`, `skfo`, `pfo`, `ufo`, `sfo`, `dfo`. */
  readonly code: FederalDistrictCode;
  readonly name: string;
  readonly regionCodes: readonly string[];
}

export type FederalDistrictCode = 'cfo' | 'szfo' | 'yufo' | 'skfo' | 'pfo' | 'ufo' | 'sfo' | 'dfo';

const district = (code: FederalDistrictCode, name: string, regionCodes: string): FederalDistrict =>
  Object.freeze({ code, name, regionCodes: Object.freeze(regionCodes.split(' ')) });

/** All eight districts; every subject of `REGIONS` is in exactly one. */
export const FEDERAL_DISTRICTS: readonly FederalDistrict[] = Object.freeze([
  district(
    'cfo',
    'Центральный федеральный округ',
    '31 32 33 36 37 40 44 46 48 50 57 62 67 68 69 71 76 77',
  ),
  district('szfo', 'Северо-Западный федеральный округ', '10 11 29 35 39 47 51 53 60 78 83'),
  district('yufo', 'Южный федеральный округ', '01 08 23 30 34 61 90 91 92 93 94 95'),
  district('skfo', 'Северо-Кавказский федеральный округ', '05 06 07 09 15 20 26'),
  district('pfo', 'Приволжский федеральный округ', '02 12 13 16 18 21 43 52 56 58 59 63 64 73'),
  district('ufo', 'Уральский федеральный округ', '45 66 72 74 86 89'),
  district('sfo', 'Сибирский федеральный округ', '04 17 19 22 24 38 42 54 55 70'),
  district('dfo', 'Дальневосточный федеральный округ', '03 14 25 27 28 41 49 65 75 79 87'),
]);

export const federalDistrictCodes = FEDERAL_DISTRICTS.map((d) => d.code) as [
  FederalDistrictCode,
  ...FederalDistrictCode[],
];

const byRegion = new Map(FEDERAL_DISTRICTS.flatMap((d) => d.regionCodes.map((r) => [r, d])));

/**
 * The federal district of a subject, or `undefined` for an unknown code.
 *
 * @example
 * federalDistrictOf('75')?.name; // 'Дальневосточный федеральный округ'
 */
export function federalDistrictOf(regionCode: string): FederalDistrict | undefined {
  return byRegion.get(regionCode);
}
