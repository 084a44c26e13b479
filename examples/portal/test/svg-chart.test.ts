import { describe, expect, it } from 'vitest';
import { cspSafeSvg, presentationAttributes } from '../src/web/analytics/csp-safe-svg.js';
import { renderSvgChart } from '../src/web/analytics/svg-chart.js';
import { measureTextWidth } from '../src/web/analytics/text-width.js';

const size = {
  width: 480,
  height: 240,
  labelledBy: 'trend-caption',
  title: 'Поступило & <ответы>',
};

describe('charts drawn on the server', () => {
  it('draws ECharts bars and a line as SVG with no inline style, named by its caption', async () => {
    const svg = await renderSvgChart(
      {
        legend: {},
        xAxis: { type: 'category', data: ['ГКУ «Дороги» <Камчатка>', 'Минздрав'] },
        yAxis: { type: 'value' },
        series: [
          { name: 'Поступило', type: 'bar', data: [7, 3] },
          { name: 'В срок', type: 'line', data: [5, 1] },
        ],
      },
      size,
    );
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="trend-caption"/);
    expect(svg).toContain('<title>Поступило &amp; &lt;ответы&gt;</title>');
    // Two bars of the series, drawn as paths in the series' colour; the labels escaped.
    expect(svg.match(/<path d="M[^"]*Z" fill="#5070dd"><\/path>/g)?.length).toBe(2);
    expect(svg).toContain('ГКУ «Дороги» &lt;Камчатка&gt;');
    // The pages' CSP allows no inline style: none is left, and the fonts are attributes.
    expect(svg).not.toMatch(/\sstyle=|<style|ecmeta_|zr\d+-cls/);
    expect(svg).toMatch(/<text [^>]*font-size="12px" font-family="sans-serif"/);
  });

  it('turns zrender’s text styles into presentation attributes and drops the rest', () => {
    expect(presentationAttributes('font-size:12px;font-family:sans-serif;font-weight:bold;')).toBe(
      ' font-size="12px" font-family="sans-serif" font-weight="bold"',
    );
    expect(presentationAttributes('font: bold 14px "PT Sans", sans-serif')).toBe(
      ' font-weight="bold" font-size="14px" font-family="&quot;PT Sans&quot;, sans-serif"',
    );
    expect(presentationAttributes('cursor:pointer;position:absolute')).toBe('');
    expect(
      cspSafeSvg(
        '<svg><text style="font-size:9px;" ecmeta_series_index="0" class="zr3-cls-1">x</text><style ><![CDATA[.zr3-cls-1:hover{cursor:pointer}]]></style></svg>',
      ),
    ).toBe('<svg><text font-size="9px">x</text></svg>');
  });

  it('refuses SVG that would still need an inline style or run anything', () => {
    expect(() => cspSafeSvg('<svg><g onload="x()"></g></svg>')).toThrow(/inline style or script/);
    expect(() => cspSafeSvg('<svg><script>x()</script></svg>')).toThrow(/inline style or script/);
    expect(() => cspSafeSvg("<svg><g style='fill:red'></g></svg>")).toThrow(/inline style/);
    // Text that only reads like an attribute is text, and stays.
    expect(cspSafeSvg('<svg><text> style=&quot;x&quot;</text></svg>')).toContain(' style=&quot;');
  });

  it('measures Russian text about as a browser draws it, not a full em a letter', () => {
    const name = 'Правительство Камчатского края';
    const { width } = measureTextWidth(name, 'normal 12px system-ui, sans-serif');
    expect(width).toBeGreaterThan(name.length * 12 * 0.5);
    expect(width).toBeLessThan(name.length * 12 * 0.75);
    expect(measureTextWidth('100 %', '18px sans-serif').width).toBeCloseTo(
      18 * (3 * 0.64 + 0.32 + 0.5),
      5,
    );
    expect(measureTextWidth('x', undefined).width).toBeCloseTo(12 * 0.62, 5);
  });
});
