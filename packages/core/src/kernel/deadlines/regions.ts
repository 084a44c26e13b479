/**
 * The subjects of the Russian Federation with their IANA time zones.
 *
 * Codes are the two-digit subject codes used in ПОС and in federal registers (ФНС, ГИБДД's
 * base codes for the older subjects): 01–79, 83, 86, 87, 89 and, for the subjects admitted in
 * 2014 and 2022, 90 Запорожская, 91 Крым, 92 Севастополь, 93 ДНР, 94 ЛНР, 95 Херсонская.
 * Codes 80–82, 84, 85 and 88 belonged to autonomous okrugs merged away in 2005–2008 and
 * are not subject codes today. (On number plates ГИБДД also uses 82 for Crimea, 80 ДНР,
 * 81 ЛНР, 84 Херсонская and 85 Запорожская; those are plate series, not subject codes.)
 *
 * One zone per subject, the capital's, since a deadline is fixed in «the holding
 * organisation's region». Only Yakutia spans several zones (Asia/Yakutsk UTC+9 in Yakutsk,
 * Asia/Vladivostok UTC+10 and Asia/Srednekolymsk UTC+11 in the north-east); it gets
 * Asia/Yakutsk. The four subjects of 2022 get Europe/Moscow: the time-zone database has no
 * zone of their own, and they keep Moscow time.
 */

/** A subject of the Russian Federation. */
export interface Region {
  /** Two-digit subject code, `'01'`…`'95'`. */
  readonly code: string;
  /** Its name as in the Constitution, art. 65. */
  readonly name: string;
  /** IANA time zone of its capital. */
  readonly timeZone: string;
}

const MSK = 'Europe/Moscow';
const YEKT = 'Asia/Yekaterinburg';
const BARNAUL = 'Asia/Barnaul';
const KRAT = 'Asia/Krasnoyarsk';
const IRKT = 'Asia/Irkutsk';
const YAKT = 'Asia/Yakutsk';
const VLAT = 'Asia/Vladivostok';
const SAMT = 'Europe/Samara';
const SIMF = 'Europe/Simferopol';

const rows: [code: string, name: string, timeZone: string][] = [
  ['01', 'Республика Адыгея (Адыгея)', MSK],
  ['02', 'Республика Башкортостан', YEKT],
  ['03', 'Республика Бурятия', IRKT],
  ['04', 'Республика Алтай', BARNAUL],
  ['05', 'Республика Дагестан', MSK],
  ['06', 'Республика Ингушетия', MSK],
  ['07', 'Кабардино-Балкарская Республика', MSK],
  ['08', 'Республика Калмыкия', MSK],
  ['09', 'Карачаево-Черкесская Республика', MSK],
  ['10', 'Республика Карелия', MSK],
  ['11', 'Республика Коми', MSK],
  ['12', 'Республика Марий Эл', MSK],
  ['13', 'Республика Мордовия', MSK],
  ['14', 'Республика Саха (Якутия)', YAKT],
  ['15', 'Республика Северная Осетия — Алания', MSK],
  ['16', 'Республика Татарстан (Татарстан)', MSK],
  ['17', 'Республика Тыва', KRAT],
  ['18', 'Удмуртская Республика', SAMT],
  ['19', 'Республика Хакасия', KRAT],
  ['20', 'Чеченская Республика', MSK],
  ['21', 'Чувашская Республика — Чувашия', MSK],
  ['22', 'Алтайский край', BARNAUL],
  ['23', 'Краснодарский край', MSK],
  ['24', 'Красноярский край', KRAT],
  ['25', 'Приморский край', VLAT],
  ['26', 'Ставропольский край', MSK],
  ['27', 'Хабаровский край', VLAT],
  ['28', 'Амурская область', YAKT],
  ['29', 'Архангельская область', MSK],
  ['30', 'Астраханская область', 'Europe/Astrakhan'],
  ['31', 'Белгородская область', MSK],
  ['32', 'Брянская область', MSK],
  ['33', 'Владимирская область', MSK],
  ['34', 'Волгоградская область', 'Europe/Volgograd'],
  ['35', 'Вологодская область', MSK],
  ['36', 'Воронежская область', MSK],
  ['37', 'Ивановская область', MSK],
  ['38', 'Иркутская область', IRKT],
  ['39', 'Калининградская область', 'Europe/Kaliningrad'],
  ['40', 'Калужская область', MSK],
  ['41', 'Камчатский край', 'Asia/Kamchatka'],
  ['42', 'Кемеровская область — Кузбасс', 'Asia/Novokuznetsk'],
  ['43', 'Кировская область', 'Europe/Kirov'],
  ['44', 'Костромская область', MSK],
  ['45', 'Курганская область', YEKT],
  ['46', 'Курская область', MSK],
  ['47', 'Ленинградская область', MSK],
  ['48', 'Липецкая область', MSK],
  ['49', 'Магаданская область', 'Asia/Magadan'],
  ['50', 'Московская область', MSK],
  ['51', 'Мурманская область', MSK],
  ['52', 'Нижегородская область', MSK],
  ['53', 'Новгородская область', MSK],
  ['54', 'Новосибирская область', 'Asia/Novosibirsk'],
  ['55', 'Омская область', 'Asia/Omsk'],
  ['56', 'Оренбургская область', YEKT],
  ['57', 'Орловская область', MSK],
  ['58', 'Пензенская область', MSK],
  ['59', 'Пермский край', YEKT],
  ['60', 'Псковская область', MSK],
  ['61', 'Ростовская область', MSK],
  ['62', 'Рязанская область', MSK],
  ['63', 'Самарская область', SAMT],
  ['64', 'Саратовская область', 'Europe/Saratov'],
  ['65', 'Сахалинская область', 'Asia/Sakhalin'],
  ['66', 'Свердловская область', YEKT],
  ['67', 'Смоленская область', MSK],
  ['68', 'Тамбовская область', MSK],
  ['69', 'Тверская область', MSK],
  ['70', 'Томская область', 'Asia/Tomsk'],
  ['71', 'Тульская область', MSK],
  ['72', 'Тюменская область', YEKT],
  ['73', 'Ульяновская область', 'Europe/Ulyanovsk'],
  ['74', 'Челябинская область', YEKT],
  ['75', 'Забайкальский край', 'Asia/Chita'],
  ['76', 'Ярославская область', MSK],
  ['77', 'Москва', MSK],
  ['78', 'Санкт-Петербург', MSK],
  ['79', 'Еврейская автономная область', VLAT],
  ['83', 'Ненецкий автономный округ', MSK],
  ['86', 'Ханты-Мансийский автономный округ — Югра', YEKT],
  ['87', 'Чукотский автономный округ', 'Asia/Anadyr'],
  ['89', 'Ямало-Ненецкий автономный округ', YEKT],
  ['90', 'Запорожская область', MSK],
  ['91', 'Республика Крым', SIMF],
  ['92', 'Севастополь', SIMF],
  ['93', 'Донецкая Народная Республика', MSK],
  ['94', 'Луганская Народная Республика', MSK],
  ['95', 'Херсонская область', MSK],
];

/** All 89 subjects, ordered by code. */
export const REGIONS: readonly Region[] = rows.map(([code, name, timeZone]) =>
  Object.freeze({ code, name, timeZone }),
);

const byCode = new Map(REGIONS.map((region) => [region.code, region]));

function normaliseCode(code: string | number): string {
  const text = String(code).trim();
  return /^\d$/.test(text) ? `0${text}` : text;
}

/**
 * The subject with this code, or `undefined`. One-digit codes are padded, so `7`, `'7'` and
 * `'07'` all find Kabardino-Balkaria.
 *
 * @example
 * findRegion('39')?.name; // 'Калининградская область'
 */
export function findRegion(code: string | number): Region | undefined {
  return byCode.get(normaliseCode(code));
}

/**
 * The IANA time zone of a subject; throws a `RangeError` for an unknown code.
 *
 * @example
 * regionTimeZone('41'); // 'Asia/Kamchatka'
 * regionTimeZone(7); // 'Europe/Moscow'
 */
export function regionTimeZone(code: string | number): string {
  const region = findRegion(code);
  if (!region) throw new RangeError(`Неизвестный код региона: ${JSON.stringify(code)}`);
  return region.timeZone;
}
