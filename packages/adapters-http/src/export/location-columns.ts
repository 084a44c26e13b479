import type { ShownMessage } from '@reshaem/core';
import { EMPTY } from './pos-export-row.js';

/**
 * The export's place extension (`?location=true`): the problem's address, then its point's
 * latitude and longitude. The ПОС format has no address column, so the three come after its
 * last column; every ПОС column keeps its position and an importer that reads the ПОС
 * format by position reads an extended file alike.
 */
export const LOCATION_EXPORT_COLUMNS = ['Адрес проблемы', 'Широта', 'Долгота'] as const;

/** WGS84 degrees with a dot, as spreadsheets and GIS tools read coordinates in CSV. */
const degrees = (value: number): string => String(value);

/**
 * The extension's cells of one message, as the exporting user may see it.
 *
 * @example
 * locationCells(message); // ['г. Петропавловск-Камчатский, ул. Ленинская, 5', '53.0245', '158.6433']
 */
export function locationCells(message: ShownMessage): string[] {
  const point = message.location ?? null;
  return [
    message.problemAddress || EMPTY,
    point ? degrees(point.lat) : EMPTY,
    point ? degrees(point.lon) : EMPTY,
  ];
}
