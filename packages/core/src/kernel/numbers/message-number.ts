import { localDateIn } from '../deadlines/instant.js';
import { findRegion } from '../deadlines/regions.js';

/** The zone of a region the table does not know: Moscow time, the federal default. */
const FALLBACK_ZONE = 'Europe/Moscow';

/** What a store numbers a new message by: its region and the instant it is submitted at. */
export interface NumberRequest {
  /** The subject's code, e.g. `'41'`. */
  regionCode: string;
  /** The submission instant (ISO 8601). */
  at: string;
}

/**
 * The calendar date of `at` in the region's local time as `YYMMDD`: 23:30 UTC on
 * 14 January is already 15 January in Kamchatka (UTC+12), so `'250115'` there. A region the
 * table does not know is dated in Moscow time.
 *
 * @example
 * localDateCode('41', '2025-01-14T23:30:00Z'); // '250115'
 * localDateCode('39', '2025-01-14T23:30:00Z'); // '250115' (Kaliningrad, UTC+2)
 * localDateCode('39', '2025-01-14T21:30:00Z'); // '250114'
 */
export function localDateCode(regionCode: string, at: string): string {
  const instant = new Date(at);
  if (Number.isNaN(instant.getTime()))
    throw new RangeError(`not an instant: ${JSON.stringify(at)}`);
  const timeZone = findRegion(regionCode)?.timeZone ?? FALLBACK_ZONE;
  // The zone's cached formatter (building one per submit cost more than the rest of it).
  const date = localDateIn(instant, timeZone);
  return `${date.slice(2, 4)}${date.slice(5, 7)}${date.slice(8, 10)}`;
}

/**
 * A message's public number («Номер»): `<region>-<YYMMDD>-<seq>`, the region's code, the
 * submission date in the region's local time (`localDateCode`) and the region's counter,
 * zero-padded to four digits (longer when it grows past 9999). The counter runs per region
 * and never restarts, so a number is unique without its date. Pure: the store supplies
 * `seq` from its counter.
 *
 * @example
 * messageNumber({ regionCode: '41', at: '2025-01-14T23:30:00Z' }, 7); // '41-250115-0007'
 */
export function messageNumber(request: NumberRequest, seq: number): string {
  if (!Number.isSafeInteger(seq) || seq < 1) {
    throw new RangeError(`a message counter is a whole number from 1: ${seq}`);
  }
  const region = request.regionCode || '00';
  return `${region}-${localDateCode(request.regionCode, request.at)}-${String(seq).padStart(4, '0')}`;
}

/** The pattern of `messageNumber`'s numbers. */
export const MESSAGE_NUMBER_PATTERN = /^\d{2}-\d{6}-\d{4,}$/;

/**
 * The region and instant of a `submit` that leaves its number to the store, or `undefined`
 * when the event names a number (or is no object with a region and an instant). A store
 * numbers only events it gets this for.
 *
 * @example
 * numberRequestOf({ type: 'submit', regionCode: '41', at: '2025-01-14T23:30:00Z' });
 * // { regionCode: '41', at: '2025-01-14T23:30:00Z' }
 */
export function numberRequestOf(event: unknown): NumberRequest | undefined {
  if (typeof event !== 'object' || event === null) return undefined;
  const e = event as Record<string, unknown>;
  if (e.number !== undefined) return undefined;
  if (typeof e.regionCode !== 'string' || typeof e.at !== 'string') return undefined;
  if (Number.isNaN(new Date(e.at).getTime())) return undefined;
  return { regionCode: e.regionCode, at: e.at };
}

/** A placeholder that lets the rules check a submit before a counter is taken for it. */
export const PENDING_NUMBER = 'pending';
