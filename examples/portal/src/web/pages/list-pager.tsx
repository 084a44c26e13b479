/** Where the page is in the list, and the links to the pages before and after it. */
export interface PagePosition {
  /** The number of the first row shown (1-based). */
  from: number;
  shown: number;
  total: number | null;
  prevHref: string | null;
  nextHref: string | null;
}

/** «Показаны 21–40 из 137» with «Назад» and «Вперёд». */
export function ListPager({ position }: { position: PagePosition }) {
  const { from, shown, total, prevHref, nextHref } = position;
  return (
    <nav class="pager" aria-label="Страницы">
      {prevHref && (
        <a href={prevHref} rel="prev">
          « Назад
        </a>
      )}
      {shown > 0 && (
        <span data-range>
          Показаны {from}–{from + shown - 1}
          {total !== null && ` из ${total}`}
        </span>
      )}
      {nextHref && (
        <a href={nextHref} rel="next">
          Вперёд »
        </a>
      )}
    </nav>
  );
}
