/**
 * An instant as the deadline functions accept it: an ISO 8601 string with an offset
 * (`2025-01-15T11:18:00Z`, `2025-01-15T23:18:00+12:00`) or a `Date`.
 */
export type InstantInput = string | Date;

// Without an offset a string would be read in the machine's own zone: not deterministic.
const WITH_OFFSET =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Milliseconds since the epoch of an instant; throws a `RangeError` for an invalid `Date`,
 * or for a string that is not ISO 8601 with an offset.
 *
 * @example
 * toEpochMs('2025-01-15T23:18:00+12:00'); // 1736939880000
 */
export function toEpochMs(instant: InstantInput): number {
  const ms = typeof instant === 'string' && WITH_OFFSET.test(instant) ? Date.parse(instant) : NaN;
  const value = instant instanceof Date ? instant.getTime() : ms;
  if (Number.isNaN(value)) {
    const shown = instant instanceof Date ? 'Invalid Date' : JSON.stringify(instant);
    throw new RangeError(`not an instant (ISO 8601 with an offset, or a Date): ${shown}`);
  }
  return value;
}

/** The normalised ISO form, `2025-01-15T11:18:00.000Z`. */
export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The runtime's date formatter for a zone; throws a `RangeError` unless `timeZone` is an IANA
 * zone the runtime knows. Formatters are cached per zone: building one costs far more than
 * using it.
 */
function dateFormatIn(timeZone: string): Intl.DateTimeFormat {
  let format = dateFormats.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        calendar: 'gregory',
        numberingSystem: 'latn',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
    } catch {
      throw new RangeError(`unknown time zone: ${JSON.stringify(timeZone)}`);
    }
    dateFormats.set(timeZone, format);
  }
  return format;
}

/**
 * Throws a `RangeError` unless `timeZone` is an IANA zone the runtime knows.
 *
 * @example
 * assertTimeZone('Asia/Kamchatka'); // ok
 * assertTimeZone('Asia/Kamchatca'); // RangeError
 */
export function assertTimeZone(timeZone: string): void {
  dateFormatIn(timeZone);
}

/**
 * The local `YYYY-MM-DD` date of an instant in a time zone, as the runtime's time-zone
 * database gives it.
 *
 * @example
 * localDateIn('2025-01-15T11:18:00Z', 'Asia/Kamchatka'); // '2025-01-15'
 * localDateIn('2025-01-15T13:00:00Z', 'Asia/Kamchatka'); // '2025-01-16'
 */
export function localDateIn(instant: InstantInput, timeZone: string): string {
  let year = '';
  let month = '';
  let day = '';
  for (const part of dateFormatIn(timeZone).formatToParts(toEpochMs(instant))) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  return `${year.padStart(4, '0')}-${month}-${day}`;
}
