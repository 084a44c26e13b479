import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';

/** Lets the zip writer flush, then waits while the response has not taken what it has. */
async function roomIn(output: PassThrough): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  while (output.writableNeedDrain && !output.destroyed) {
    await Promise.race([once(output, 'drain'), once(output, 'close')]);
  }
}

/** A cell of an XLSX sheet: text, a number (kept a number, so a spreadsheet can sum it), or empty. */
export type XlsxCell = string | number | null;

/**
 * An XLSX workbook with one sheet, written as it streams: exceljs's streaming
 * `WorkbookWriter` commits each row to the zip as it goes (inline strings, no shared-strings
 * table, no styles), and the next page is produced only when the response has room, so
 * 100,000 rows never sit in memory together.
 *
 * exceljs is loaded on the first export, keeping it off the start-up path of every other
 * request; it needs Node's streams (Node, Express, Fastify, Next.js on the Node runtime).
 */
export function xlsxStream(
  sheetName: string,
  header: readonly string[],
  pages: AsyncIterator<readonly (readonly XlsxCell[])[]>,
): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const write = async () => {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: output,
      useStyles: false,
      useSharedStrings: false,
    });
    const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = header.map((title) => ({ header: title, width: Math.max(12, title.length) }));
    for (;;) {
      if (output.destroyed) {
        await pages.return?.(undefined);
        return;
      }
      const next = await pages.next();
      if (next.done) break;
      for (const row of next.value) sheet.addRow([...row]).commit();
      await roomIn(output);
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => output.destroy(error as Error));
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}
