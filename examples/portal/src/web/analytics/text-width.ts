/**
 * Text widths for ECharts on the server, where there is no canvas to measure with. Without
 * one, zrender counts every letter outside Latin as a full em, so Russian labels were
 * measured about twice their width: axes kept too much room and long names were cut short.
 * These are the advances of a wide sans-serif system font (DejaVu Sans, in ems), rounded
 * up so a label never runs past the room it was given; the browser draws the text with its own font.
 */
function advance(char: string): number {
  if (char === ' ') return 0.32;
  if (/[0-9]/.test(char)) return 0.64;
  if (/[.,:;'!|il]/.test(char)) return 0.32;
  if (/[\p{Lu}]/u.test(char)) return /[МШЩЖЮWM]/.test(char) ? 0.96 : 0.74;
  if (/[\p{Ll}]/u.test(char)) return /[мшщжюыwm]/.test(char) ? 0.86 : 0.62;
  if (/[«»()[\]"\-–—%/]/.test(char)) return 0.5;
  return 1;
}

/** The width of `text` in the CSS `font` given (its `px` size; 12px without one). */
export function measureTextWidth(text: string, font: string | undefined): { width: number } {
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? '')?.[1] ?? 12);
  let ems = 0;
  for (const char of text) ems += advance(char);
  return { width: ems * size };
}
