/** A figure of a dashboard's table: its number and the list it links to. */
export interface Figure {
  value: number;
  href: string | null;
}

/**
 * The figures (`data-figure` cells) of each row of a dashboard's table, keyed by the row's
 * `data-<row>` attribute (`org` on «Показатели», `week` on «Показатели ОНФ»; `total` for the
 * totals), read off the page.
 */
export function figuresOf(html: string, row: 'org' | 'week'): Map<string, Map<string, Figure>> {
  const rows = new Map<string, Map<string, Figure>>();
  const rowPattern = new RegExp(`<tr data-${row}="([^"]+)">([\\s\\S]*?)<\\/tr>`, 'g');
  for (const [, key = '', cells = ''] of html.matchAll(rowPattern)) {
    const figures = new Map<string, Figure>();
    for (const [, name = '', inner = ''] of cells.matchAll(
      /<td class="num" data-figure="([^"]+)">([\s\S]*?)<\/td>/g,
    )) {
      const link = /<a href="([^"]+)"[^>]*>(\d+)<\/a>/.exec(inner);
      figures.set(name, {
        value: Number(link ? link[2] : inner),
        href: link?.[1]?.replaceAll('&amp;', '&') ?? null,
      });
    }
    rows.set(key, figures);
  }
  return rows;
}
