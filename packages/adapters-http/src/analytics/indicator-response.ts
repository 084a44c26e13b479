import type { Context } from 'hono';
import type { AppEnv } from '../env.js';
import { type XlsxCell, xlsxStream } from '../export/xlsx.js';
import { jsonResponse } from '../responses.js';
import type { IndicatorFormat } from './indicator-params.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The media types an `Accept` header names, with their weights (`q`, 1 by default). */
function weights(accept: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const part of accept.split(',')) {
    const [type = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    out.set(type, q === undefined ? 1 : Number(q.slice(2)) || 0);
  }
  return out;
}

/** `format` wins; else XLSX when `Accept` names it above JSON (and anything else). */
export function chosenFormat(
  format: IndicatorFormat | undefined,
  accept: string | undefined,
): IndicatorFormat {
  if (format !== undefined) return format;
  const w = weights(accept ?? '');
  const xlsx = w.get(XLSX) ?? 0;
  return xlsx > 0 && xlsx > Math.max(w.get('application/json') ?? 0, w.get('*/*') ?? 0)
    ? 'xlsx'
    : 'json';
}

/** A sheet's columns: a Russian header and how a row's cell is read. */
export type SheetColumn<Row> = readonly [header: string, cell: (row: Row) => XlsxCell];

/** The sheet's rows: a row per group, then the totals as «Итого». */
export function sheetRows<Row extends { label: string }>(
  columns: readonly SheetColumn<Row>[],
  rows: readonly Row[],
  totals: Row,
): XlsxCell[][] {
  const cells = (row: Row) => columns.map(([, cell]) => cell(row));
  return [...rows.map(cells), cells({ ...totals, label: 'Итого' })];
}

/** What an indicators route answers: the JSON body, or the same figures as one sheet. */
export interface IndicatorAnswer<Row extends { label: string }> {
  format: IndicatorFormat | undefined;
  json: Record<string, unknown>;
  sheet: {
    name: string;
    /** The download's file name, `…-<from>-<to>.xlsx`. */
    filename: string;
    columns: readonly SheetColumn<Row>[];
    rows: readonly Row[];
    totals: Row;
  };
}

/**
 * The indicators as the caller asked (`format`, else `Accept`; see {@link chosenFormat}):
 * JSON, or an XLSX workbook of one sheet (a row per group, «Итого», numbers as numbers).
 * Neither is cached; both vary by `Accept`.
 */
export function indicatorResponse<Row extends { label: string }>(
  c: Context<AppEnv>,
  answer: IndicatorAnswer<Row>,
): Response {
  if (chosenFormat(answer.format, c.req.header('accept')) === 'json') {
    return jsonResponse(answer.json, 200, { 'cache-control': 'no-store', vary: 'accept' });
  }
  const { sheet } = answer;
  const headers = {
    'content-type': XLSX,
    'content-disposition': `attachment; filename="${sheet.filename}"`,
    'cache-control': 'no-store',
    vary: 'accept',
  };
  if (c.req.method === 'HEAD') return c.body(null, 200, headers);
  const pages = [sheetRows(sheet.columns, sheet.rows, sheet.totals)][Symbol.iterator]();
  const body = xlsxStream(
    sheet.name,
    sheet.columns.map(([header]) => header),
    { next: async () => pages.next() },
  );
  return c.body(body, 200, headers);
}
