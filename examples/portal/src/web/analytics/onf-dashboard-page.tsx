import {
  type CaseIndicatorResult,
  type CaseIndicatorRow,
  closeReasonSchema,
  closeReasons,
  type Directory,
  type Principal,
} from '@reshaem/core';
import { formatLocalDate } from '../format.js';
import { Layout } from '../layout.js';
import type { DashboardChart } from './dashboard-charts.js';
import { percentText } from './dashboard-charts.js';
import { Chart } from './dashboard-page.js';
import { caseFigureHref, type LinkedCaseFigure } from './onf-figure-links.js';
import { AnalyticsTabs } from './onf-tabs.js';

export interface OnfDashboardPageProps {
  user: Principal;
  directory: Directory;
  period: { from: string; to: string };
  /** The figures by week of creation, and their totals. */
  byWeek: CaseIndicatorResult;
  charts: readonly DashboardChart[];
  /** Whether counts link to the card list (a user of one region: one zone for both). */
  linked: boolean;
  /** What was wrong with the asked period (the default was counted). */
  notices: readonly string[];
  xlsxHref: string;
}

type Column = readonly [
  title: string,
  cell: (row: CaseIndicatorRow) => string,
  link?: LinkedCaseFigure,
  figure?: string,
];

const columns: readonly Column[] = [
  ['Создано', (r) => String(r.created), 'created'],
  ['Выполнено', (r) => String(r.done), 'done'],
  ['Доля выполненных', (r) => percentText(r.doneShare)],
  ['Отложенное решение', (r) => String(r.postponed), 'postponed'],
  ['Закрыто', (r) => String(r.closed), 'closed'],
  ['Не завершено', (r) => String(r.open), undefined, 'open'],
  ['Возвращено куратором', (r) => String(r.curatorReturns), undefined, 'curatorReturns'],
];

function Figures(props: {
  row: CaseIndicatorRow;
  period: OnfDashboardPageProps['period'];
  linked: boolean;
}) {
  const { row, period, linked } = props;
  return (
    <>
      {columns.map(([title, cell, link, figure]) => {
        const text = cell(row);
        return (
          <td class="num" data-figure={link ?? figure}>
            {link && linked ? (
              <a href={caseFigureHref(link, row, period)} title={`${title}: карточки в списке`}>
                {text}
              </a>
            ) : (
              text
            )}
          </td>
        );
      })}
    </>
  );
}

/**
 * «Показатели ОНФ»: the ОНФ cards created in a period, for the ОНФ's supervisors and
 * curators (`caseIndicatorScopeOf`: their region's cards, the headquarters' all): a GET form
 * for the period, the figures by week with a link from each count the card list can show,
 * the closed cards by reason, and a chart drawn on the server as SVG with its table. No
 * script.
 */
export function OnfDashboardPage(props: OnfDashboardPageProps) {
  const { user, directory, period, byWeek } = props;
  const { totals } = byWeek;
  return (
    <Layout title="Показатели ОНФ" user={user} directory={directory}>
      <AnalyticsTabs user={user} directory={directory} current="onf" />
      <h1>Показатели ОНФ</h1>
      <p class="muted">
        Карточки, созданные с {formatLocalDate(period.from)} по {formatLocalDate(period.to)} (по
        местным датам регионов карточек), и где они сейчас.
      </p>
      {props.notices.length > 0 && (
        <div class="flash error" role="alert" data-notice>
          {props.notices.map((n) => (
            <div>{n}</div>
          ))}
        </div>
      )}
      <form
        class="filters card"
        method="get"
        action="/analytics/onf"
        aria-label="Фильтры показателей ОНФ"
      >
        <label>
          Создано с<br />
          <input type="date" name="from" value={period.from} required />
        </label>
        <label>
          по
          <br />
          <input type="date" name="to" value={period.to} required />
        </label>
        <button type="submit">Показать</button>
        <a href={props.xlsxHref} data-xlsx>
          Выгрузить в Excel
        </a>
      </form>
      <section class="card" aria-labelledby="by-week">
        <h2 id="by-week">По неделям создания</h2>
        <div class="table-scroll">
          <table class="indicators">
            <thead>
              <tr>
                <th scope="col">Неделя</th>
                {columns.map(([title]) => (
                  <th scope="col">{title}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {byWeek.rows.map((row) => (
                <tr data-week={row.key}>
                  <th scope="row">{row.label}</th>
                  <Figures row={row} period={period} linked={props.linked} />
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr data-week="total">
                <th scope="row">Итого</th>
                <Figures row={totals} period={period} linked={props.linked} />
              </tr>
            </tfoot>
          </table>
        </div>
        <p class="muted">
          {props.linked
            ? 'Число ведёт к списку этих карточек. «Не завершено» — новые, на модерации, в работе, на проверке и в техподдержке; список показывает их по одному статусу.'
            : 'Карточки нескольких регионов: список читает даты в одном часовом поясе, поэтому ссылок к нему нет.'}
        </p>
      </section>
      <section class="card" aria-labelledby="by-reason">
        <h2 id="by-reason">Закрыто по причинам</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Причина закрытия</th>
              <th scope="col">Карточек</th>
            </tr>
          </thead>
          <tbody>
            {closeReasonSchema.options.map((reason) => (
              <tr data-reason={reason}>
                <th scope="row">{closeReasons[reason].label}</th>
                <td class="num">{totals.closedByReason[reason]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <div class="charts">
        {props.charts.map((chart) => (
          <Chart chart={chart} />
        ))}
      </div>
    </Layout>
  );
}
