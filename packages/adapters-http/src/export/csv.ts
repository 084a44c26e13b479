/** Cells a spreadsheet would run as a formula; «-» alone is the empty mark and stays. */
const formulaStart = /^[=+@\t\r]|^-./;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; a leading
 * `'` keeps a spreadsheet from evaluating text that looks like a formula.
 */
export function csvField(value: string): string {
  const safe = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export const csvLine = (cells: readonly string[]): string => `${cells.map(csvField).join(',')}\r\n`;

/**
 * A CSV file as a pull-driven stream: the next page of rows is produced only when the
 * consumer reads, so memory holds one page whatever the length of the export. UTF-8 with
 * a byte-order mark, so that spreadsheets read the Cyrillic right.
 */
export function csvStream(
  header: readonly string[],
  pages: AsyncIterator<string[][]>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(`\uFEFF${csvLine(header)}`));
          return;
        }
        const next = await pages.next();
        if (next.done) {
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(next.value.map(csvLine).join('')));
      },
      async cancel() {
        await pages.return?.(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}
