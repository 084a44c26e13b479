import type { Directory, IndicatorResult, IndicatorRow, Principal } from '@reshaem/core';
import { raw } from 'hono/html';
import { formatLocalDate } from '../format.js';
import { Layout } from '../layout.js';
import type { ChartCell, DashboardChart } from './dashboard-charts.js';
import { percentText } from './dashboard-charts.js';
import type { DashboardFilters } from './dashboard-filters.js';
import { figureHref, type LinkedFigure } from './figure-links.js';
import { AnalyticsTabs } from './onf-tabs.js';

export interface DashboardPageProps {
  user: Principal;
  directory: Directory;
  filters: DashboardFilters;
  /** The organisations the user may choose, with their names. */
  orgChoices: readonly (readonly [id: string, name: string])[];
  byOrg: IndicatorResult;
  charts: readonly DashboardChart[];
  /** When the figures were counted, as people read it. */
  countedAt: string;
  /** What was wrong with the asked filters (the defaults were counted). */
  notices: readonly string[];
  xlsxHref: string;
}

type Column = readonly [title: string, cell: (row: IndicatorRow) => string, link?: LinkedFigure];

const columns: readonly Column[] = [
  ['Поступило', (r) => String(r.received), 'received'],
  ['Отклонено', (r) => String(r.rejected), 'rejected'],
  ['Дан ответ', (r) => String(r.answered), 'answered'],
  ['В срок', (r) => String(r.answeredOnTime), 'answeredOnTime'],
  ['Доля в срок', (r) => percentText(r.answeredOnTimeShare)],
  ['С опозданием', (r) => String(r.answeredLate), 'answeredLate'],
  ['Просрочено сейчас', (r) => String(r.overdueNow), 'overdueNow'],
  ['Скоро срок', (r) => String(r.dueSoonNow), 'dueSoonNow'],
  [
    'Медиана ответа, раб. дн.',
    (r) => (r.answerTime.medianWorkingDays === null ? '—' : String(r.answerTime.medianWorkingDays)),
  ],
  ['Оценено', (r) => String(r.rated), 'rated'],
  [
    'Средняя оценка',
    (r) => (r.ratingAverage === null ? '—' : r.ratingAverage.toFixed(2).replace('.', ',')),
  ],
  ['Повторно', (r) => String(r.reReviewed), 'reReviewed'],
];

function Figures(props: {
  row: IndicatorRow;
  grouping: 'org' | 'total';
  filters: DashboardFilters;
  directory: Directory;
}) {
  const { row, grouping, filters, directory } = props;
  return (
    <>
      {columns.map(([title, cell, link]) => {
        const href = link ? figureHref(link, row, grouping, filters, directory) : null;
        const text = cell(row);
        return (
          <td class="num" data-figure={link ?? undefined}>
            {href ? (
              <a href={href} title={`${title}: сообщения в списке`}>
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

/** A cell of a chart's table: a figure linked to its list, or plain text. */
function ChartData({ cell }: { cell: ChartCell }) {
  if (typeof cell === 'string') return <td>{cell}</td>;
  return (
    <td class="num" data-figure={cell.figure}>
      {cell.href ? (
        <a href={cell.href} title="Сообщения с этой оценкой в списке">
          {cell.text}
        </a>
      ) : (
        cell.text
      )}
    </td>
  );
}

/** A chart as a figure: its caption (the SVG's name), the SVG, and its table. */
export function Chart({ chart }: { chart: DashboardChart }) {
  return (
    <figure class="card chart-card" data-chart={chart.id}>
      <figcaption>
        <h2 id={`${chart.id}-caption`}>{chart.title}</h2>
      </figcaption>
      {raw(chart.svg)}
      <details>
        <summary>Данные графика таблицей</summary>
        <table>
          <caption class="visually-hidden">{chart.title}</caption>
          <thead>
            <tr>
              {chart.table.head.map((h) => (
                <th scope="col">{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {chart.table.rows.map((cells) => (
              <tr>
                {cells.map((c, i) =>
                  i === 0 && typeof c === 'string' ? (
                    <th scope="row">{c}</th>
                  ) : (
                    <ChartData cell={c} />
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/**
 * «Показатели»: the SLA indicators of the messages received in a period, for heads,
 * curators and administrators: the filters (a GET form), the figures by organisation with
 * a link from each count to the backoffice list behind it, and three charts drawn on the
 * server as SVG, each with its table. No script.
 */
export function DashboardPage(props: DashboardPageProps) {
  const { user, directory, filters, byOrg } = props;
  return (
    <Layout title="Показатели" user={user} directory={directory}>
      <AnalyticsTabs user={user} directory={directory} current="messages" />
      <h1>Показатели работы с сообщениями</h1>
      <p class="muted">
        Сообщения, поступившие с {formatLocalDate(filters.from)} по {formatLocalDate(filters.to)}{' '}
        (по местным датам организаций); «сейчас» — на {props.countedAt}.
      </p>
      {props.notices.length > 0 && (
        <div class="flash error" role="alert" data-notice>
          {props.notices.map((n) => (
            <div>{n}</div>
          ))}
        </div>
      )}
      <form class="filters card" method="get" action="/analytics" aria-label="Фильтры показателей">
        <label>
          Поступило с<br />
          <input type="date" name="from" value={filters.from} required />
        </label>
        <label>
          по
          <br />
          <input type="date" name="to" value={filters.to} required />
        </label>
        <label>
          Организация
          <br />
          <select name="org">
            <option value="" selected={filters.org === ''}>
              все доступные
            </option>
            {props.orgChoices.map(([id, name]) => (
              <option value={id} selected={filters.org === id}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Подчинённые организации
          <br />
          <select name="subtree">
            <option value="" selected={filters.subtree}>
              учитывать
            </option>
            <option value="no" selected={!filters.subtree}>
              не учитывать
            </option>
          </select>
        </label>
        <button type="submit">Показать</button>
        <a href={props.xlsxHref} data-xlsx>
          Выгрузить в Excel
        </a>
      </form>
      <section class="card" aria-labelledby="by-org">
        <h2 id="by-org">По организациям</h2>
        <div class="table-scroll">
          <table class="indicators">
            <thead>
              <tr>
                <th scope="col">Организация</th>
                {columns.map(([title]) => (
                  <th scope="col">{title}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {byOrg.rows.length === 0 && (
                <tr>
                  <td colspan={columns.length + 1}>За этот период сообщений нет.</td>
                </tr>
              )}
              {byOrg.rows.map((row) => (
                <tr data-org={row.key}>
                  <th scope="row">{row.label}</th>
                  <Figures row={row} grouping="org" filters={filters} directory={directory} />
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr data-org="total">
                <th scope="row">Итого</th>
                <Figures
                  row={byOrg.totals}
                  grouping="total"
                  filters={filters}
                  directory={directory}
                />
              </tr>
            </tfoot>
          </table>
        </div>
        <p class="muted">
          Число ведёт к списку этих сообщений в бэк-офисе. «В срок» и «С опозданием» список
          показывает по отметке «Просрочено»; сообщение на повторном рассмотрении там уже не среди
          отвеченных. «Оценено» и оценки считают оценки, «Повторно» — круги рассмотрения: после
          повторного рассмотрения сообщение может быть оценено дважды, а в списке оно одно, и там,
          где числа могут разойтись, ссылки нет.
        </p>
      </section>
      <div class="charts">
        {props.charts.map((chart) => (
          <Chart chart={chart} />
        ))}
      </div>
    </Layout>
  );
}
