/**
 * ECharts's server-side SVG, made to live under the pages' CSP, which allows no inline style
 * but the layout's stylesheet (by its hash): a `style="…"` attribute or a `<style>` element
 * would be blocked by the browser and reported. So the text's font, which zrender writes as a
 * `style` attribute, becomes SVG presentation attributes (`font-size="12px"`, which no CSP
 * governs); the hover rules of its `<style>` element (and the classes they select) go, since
 * a page without script has no interaction for them; ECharts's `ecmeta_*` bookkeeping goes.
 */

/** CSS properties that SVG also takes as presentation attributes; others are dropped. */
const PRESENTATION = new Set([
  'font-size',
  'font-family',
  'font-weight',
  'font-style',
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-opacity',
  'stroke-width',
  'opacity',
]);

/** `font: bold 12px sans-serif` (zrender's shorthand) as its parts. */
function fontShorthand(value: string): [string, string][] {
  const match =
    /^(?:(italic|oblique)\s+)?(?:(bold|bolder|lighter|\d00)\s+)?(\d+(?:\.\d+)?px)\s+(.+)$/.exec(
      value.trim(),
    );
  if (!match) return [];
  const [, style, weight, size = '', family = ''] = match;
  return [
    ...(style ? ([['font-style', style]] as [string, string][]) : []),
    ...(weight ? ([['font-weight', weight]] as [string, string][]) : []),
    ['font-size', size],
    ['font-family', family],
  ];
}

/** The declarations of a `style` attribute that SVG takes as attributes. */
export function presentationAttributes(style: string): string {
  const pairs: [string, string][] = [];
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const name = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration.slice(colon + 1).trim();
    if (name === 'font') pairs.push(...fontShorthand(value));
    else if (PRESENTATION.has(name) && value !== '') pairs.push([name, value]);
  }
  return pairs
    .map(([name, value]) => ` ${name}="${value.replace(/"/g, '&quot;').replace(/</g, '&lt;')}"`)
    .join('');
}

/** A tag that would still break the CSP (or run anything): refused rather than sent. */
const UNSAFE_TAG = /<(?:style|script|foreignObject)\b|<[^>]*\s(?:style|on[a-z]+|href|xlink:href)=/i;

/**
 * ECharts's SVG string with every inline style turned into attributes or removed. Throws if
 * anything the CSP would block (or that could run) is left, so a newer ECharts that writes
 * something else is caught by the tests rather than by the browser.
 */
export function cspSafeSvg(svg: string): string {
  const safe = svg
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/\sclass="zr\d+-cls-\d+"/g, '')
    .replace(/\secmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/\sstyle="([^"]*)"/g, (_, style: string) => presentationAttributes(style));
  if (UNSAFE_TAG.test(safe)) {
    throw new Error('The chart still holds an inline style or script after cleaning');
  }
  return safe;
}
