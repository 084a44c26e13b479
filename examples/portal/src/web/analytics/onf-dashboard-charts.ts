import type { CaseIndicatorRow } from '@reshaem/core';
import type { DashboardChart } from './dashboard-charts.js';
import { type ChartOption, renderSvgChart } from './svg-chart.js';

const FONT = 'system-ui, sans-serif';
const GREY = '#8a94a6';
const GREEN = '#1a7f4b';
const RED = '#b3261e';

/** «06.01» of a week's Monday `2025-01-06`. */
const weekTick = (key: string) => key.split('-').reverse().slice(0, 2).join('.');

/** Created, done and closed cards, by week of creation. */
function weeklyOption(weeks: readonly CaseIndicatorRow[]): ChartOption {
  return {
    textStyle: { fontFamily: FONT, fontSize: 12, color: '#1f2733' },
    legend: { bottom: 0, textStyle: { fontFamily: FONT } },
    grid: { left: 48, right: 16, top: 16, bottom: 56 },
    xAxis: { type: 'category', data: weeks.map((w) => weekTick(w.key)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: 'Создано', type: 'bar', data: weeks.map((w) => w.created), color: GREY },
      { name: 'Выполнено', type: 'bar', data: weeks.map((w) => w.done), color: GREEN },
      { name: 'Закрыто', type: 'line', data: weeks.map((w) => w.closed), color: RED },
    ],
  };
}

/**
 * The ОНФ dashboard's chart, drawn on the server like the message dashboard's: the cards
 * created, done and closed by week of creation, with the same figures as a table.
 */
export async function onfDashboardCharts(
  weeks: readonly CaseIndicatorRow[],
): Promise<DashboardChart[]> {
  const id = 'onf-weekly';
  const title = 'Карточки по неделям создания: создано, выполнено, закрыто';
  return [
    {
      id,
      title,
      svg: await renderSvgChart(weeklyOption(weeks), {
        width: 560,
        height: 300,
        labelledBy: `${id}-caption`,
        title,
      }),
      table: {
        head: ['Неделя', 'Создано', 'Выполнено', 'Закрыто'],
        rows: weeks.map((w) => [w.label, String(w.created), String(w.done), String(w.closed)]),
      },
    },
  ];
}
