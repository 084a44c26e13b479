import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { cspSafeSvg } from './csp-safe-svg.js';
import { measureTextWidth } from './text-width.js';

/** The options of the charts the dashboard draws: bars and lines on a grid, with a legend. */
export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption
>;

type ECharts = typeof import('echarts/core');

let loading: Promise<ECharts> | undefined;

/**
 * ECharts with only what the dashboard uses, loaded on the first chart so that every other
 * page starts without it.
 */
function echartsCore(): Promise<ECharts> {
  loading ??= (async () => {
    const [core, charts, components, renderers] = await Promise.all([
      import('echarts/core'),
      import('echarts/charts'),
      import('echarts/components'),
      import('echarts/renderers'),
    ]);
    // There is no canvas to measure with on the server (see text-width.ts).
    core.setPlatformAPI({ measureText: measureTextWidth });
    core.use([
      charts.BarChart,
      charts.LineChart,
      components.GridComponent,
      components.LegendComponent,
      renderers.SVGRenderer,
    ]);
    return core;
  })();
  return loading;
}

export interface SvgChartOptions {
  width: number;
  height: number;
  /** The id of the element that names the chart (its caption): the SVG's accessible name. */
  labelledBy: string;
  /** The SVG's own `<title>` (shown as a tooltip). */
  title: string;
}

const escapeText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * One chart drawn on the server: ECharts's SSR (`ssr: true`, the SVG renderer, no
 * animation) to an SVG string that a page inlines, cleaned for the pages' CSP (see
 * {@link cspSafeSvg}) and named for assistive technology (`role="img"`, `aria-labelledby`,
 * `<title>`). The page needs no script to show it.
 *
 * @example
 * const svg = await renderSvgChart(
 *   { xAxis: { type: 'category', data: ['Пн', 'Вт'] }, yAxis: { type: 'value' },
 *     series: [{ type: 'bar', data: [3, 5] }] },
 *   { width: 600, height: 280, labelledBy: 'trend-caption', title: 'Поступило по дням' },
 * );
 */
export async function renderSvgChart(option: ChartOption, size: SvgChartOptions): Promise<string> {
  const echarts = await echartsCore();
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: size.width,
    height: size.height,
  });
  try {
    chart.setOption({ animation: false, ...option });
    const svg = cspSafeSvg(chart.renderToSVGString());
    const id = size.labelledBy.replace(/[^\w-]/g, '');
    return svg.replace(
      /^<svg\b([^>]*)>/,
      `<svg$1 role="img" aria-labelledby="${id}" class="chart"><title>${escapeText(size.title)}</title>`,
    );
  } finally {
    chart.dispose();
  }
}
