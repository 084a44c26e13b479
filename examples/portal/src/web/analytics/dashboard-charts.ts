import type { IndicatorResult, IndicatorRow } from '@reshaem/core';
import { type LinkedFigure, ratingScoreFigures } from './figure-links.js';
import { type ChartOption, renderSvgChart } from './svg-chart.js';

/** A figure of a chart's table that may link to the list behind it (`href`, or none). */
export interface LinkedCell {
  text: string;
  figure: LinkedFigure;
  href: string | null;
}

/** A cell of a chart's table: text, or a figure with its link. */
export type ChartCell = string | LinkedCell;

/** A chart of the dashboard: its caption, the SVG, and the same figures as a table. */
export interface DashboardChart {
  id: string;
  title: string;
  svg: string;
  table: { head: readonly string[]; rows: readonly (readonly ChartCell[])[] };
}

/** The list behind a figure of a row (`figureHref` with the page's filters), or `null`. */
export type FigureHref = (figure: LinkedFigure, row: IndicatorRow) => string | null;

const FONT = 'system-ui, sans-serif';
const BLUE = '#0d4cd3';
const GREEN = '#1a7f4b';
const GREY = '#8a94a6';

/** «—» for a figure without a denominator, else the share as «87,5 %». */
export const percentText = (share: number | null): string =>
  share === null ? '—' : `${(Math.round(share * 1000) / 10).toLocaleString('ru-RU')} %`;

const percentValue = (share: number | null) =>
  share === null ? null : Math.round(share * 1000) / 10;

/** «06.01» of a week's Monday `2025-01-06`. */
const weekTick = (key: string) => key.split('-').reverse().slice(0, 2).join('.');

/** Long organisation names, cut for an axis (the table beside the chart has them whole). */
const short = (label: string, max = 34) =>
  label.length > max ? `${label.slice(0, max - 1).trimEnd()}…` : label;

const base: ChartOption = {
  textStyle: { fontFamily: FONT, fontSize: 12, color: '#1f2733' },
  legend: { bottom: 0, textStyle: { fontFamily: FONT } },
};

/** Received, answered and answered on time, by week of receipt. */
function trendOption(weeks: readonly IndicatorRow[]): ChartOption {
  return {
    ...base,
    grid: { left: 48, right: 16, top: 16, bottom: 56 },
    xAxis: { type: 'category', data: weeks.map((w) => weekTick(w.key)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: 'Поступило', type: 'bar', data: weeks.map((w) => w.received), color: GREY },
      { name: 'Дан ответ', type: 'bar', data: weeks.map((w) => w.answered), color: BLUE },
      {
        name: 'Ответ в срок',
        type: 'line',
        data: weeks.map((w) => w.answeredOnTime),
        color: GREEN,
      },
    ],
  };
}

/** The share answered on time, one bar per organisation. */
function onTimeOption(orgs: readonly IndicatorRow[]): ChartOption {
  return {
    ...base,
    legend: { show: false },
    // ECharts 6 keeps the axis labels inside the grid's bounds: the grid is the whole chart.
    grid: { left: 8, right: 56, top: 8, bottom: 8 },
    xAxis: {
      type: 'value',
      min: 0,
      max: 100,
      interval: 25,
      axisLabel: { formatter: '{value} %' },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: orgs.map((o) => short(o.label, 48)),
      // Long names are cut to the width ECharts measures; the table has them whole.
      axisLabel: { width: 210, overflow: 'truncate' },
    },
    series: [
      {
        name: 'Доля ответов в срок',
        type: 'bar',
        color: GREEN,
        data: orgs.map((o) => percentValue(o.answeredOnTimeShare)),
        label: { show: true, position: 'right', formatter: '{c} %', fontFamily: FONT },
      },
    ],
  };
}

/** How many rated answers got each score. */
function ratingOption(totals: IndicatorRow): ChartOption {
  return {
    ...base,
    legend: { show: false },
    grid: { left: 48, right: 16, top: 24, bottom: 32 },
    xAxis: { type: 'category', data: ['1', '2', '3', '4', '5'] },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: 'Оценок',
        type: 'bar',
        color: BLUE,
        data: [...totals.ratingDistribution],
        label: { show: true, position: 'top', fontFamily: FONT },
      },
    ],
  };
}

/**
 * The dashboard's three charts, drawn on the server: the trend by week of receipt, the
 * share answered on time by organisation, and the distribution of ratings. Each comes with
 * its figures as a table, the chart's text alternative; the distribution's counts link to
 * the list behind them where `hrefOf` gives one.
 */
export async function dashboardCharts(
  byWeek: IndicatorResult,
  byOrg: IndicatorResult,
  hrefOf: FigureHref = () => null,
): Promise<DashboardChart[]> {
  const chart = async (
    id: string,
    title: string,
    option: ChartOption,
    size: { width: number; height: number },
    table: DashboardChart['table'],
  ): Promise<DashboardChart> => ({
    id,
    title,
    svg: await renderSvgChart(option, { ...size, labelledBy: `${id}-caption`, title }),
    table,
  });
  const orgs = byOrg.rows;
  return [
    await chart(
      'trend',
      'Поступление и ответы по неделям',
      trendOption(byWeek.rows),
      { width: 500, height: 300 },
      {
        head: ['Неделя', 'Поступило', 'Дан ответ', 'Ответ в срок'],
        rows: byWeek.rows.map((w) => [
          w.label,
          String(w.received),
          String(w.answered),
          String(w.answeredOnTime),
        ]),
      },
    ),
    await chart(
      'on-time',
      'Доля ответов в срок по организациям',
      onTimeOption(orgs),
      { width: 500, height: Math.max(120, 40 + orgs.length * 32) },
      {
        head: ['Организация', 'Дан ответ', 'Ответ в срок', 'Доля в срок'],
        rows: orgs.map((o) => [
          o.label,
          String(o.answered),
          String(o.answeredOnTime),
          percentText(o.answeredOnTimeShare),
        ]),
      },
    ),
    await chart(
      'ratings',
      'Распределение оценок ответов',
      ratingOption(byOrg.totals),
      { width: 500, height: 260 },
      {
        head: ['Оценка', 'Оценок'],
        rows: byOrg.totals.ratingDistribution.map((n, i) => {
          const figure = ratingScoreFigures[i] as LinkedFigure;
          const cell = { text: String(n), figure, href: hrefOf(figure, byOrg.totals) };
          return [String(i + 1), cell];
        }),
      },
    ),
  ];
}
