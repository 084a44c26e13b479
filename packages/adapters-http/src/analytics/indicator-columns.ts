import type { IndicatorRow } from '@reshaem/core';
import type { XlsxCell } from '../export/xlsx.js';
import type { SheetColumn } from './indicator-response.js';

/** A share 0…1 as a percentage to a tenth; empty when there was nothing to divide by. */
export const percent = (share: number | null): XlsxCell =>
  share === null ? null : Math.round(share * 1000) / 10;

type Column = SheetColumn<IndicatorRow>;

/**
 * The indicators' XLSX sheet: one column per indicator, Russian headers, numbers as numbers
 * (shares as percentages), an empty cell where a share or an average has no denominator.
 */
export const INDICATOR_COLUMNS: readonly Column[] = [
  ['Группа', (r) => r.label],
  ['Код группы', (r) => r.key],
  ['Поступило', (r) => r.received],
  ['Отклонено модератором', (r) => r.rejected],
  ['Дан ответ', (r) => r.answered],
  ['Ответ в срок', (r) => r.answeredOnTime],
  ['Доля ответов в срок, %', (r) => percent(r.answeredOnTimeShare)],
  ['Ответ с опозданием', (r) => r.answeredLate],
  ['Просрочено сейчас', (r) => r.overdueNow],
  ['Скоро срок', (r) => r.dueSoonNow],
  ['Время ответа: медиана, календарных дней', (r) => r.answerTime.medianDays],
  ['Время ответа: 90-й процентиль, календарных дней', (r) => r.answerTime.p90Days],
  ['Время ответа: медиана, рабочих дней', (r) => r.answerTime.medianWorkingDays],
  ['Время ответа: 90-й процентиль, рабочих дней', (r) => r.answerTime.p90WorkingDays],
  ['Фаст-трек: дан ответ', (r) => r.fastTrackAnswered],
  ['Фаст-трек: ответ в срок', (r) => r.fastTrackOnTime],
  ['Продлено сроков', (r) => r.extensionsGranted],
  ['Оценено ответов', (r) => r.rated],
  [
    'Средняя оценка',
    (r) => (r.ratingAverage === null ? null : Math.round(r.ratingAverage * 100) / 100),
  ],
  ...([1, 2, 3, 4, 5] as const).map(
    (score): Column => [`Оценка ${score}`, (r) => r.ratingDistribution[score - 1] ?? 0],
  ),
  ['Повторное рассмотрение', (r) => r.reReviewed],
  ['Доля повторного рассмотрения, %', (r) => percent(r.reReviewedShare)],
  ['Ответ передан оператором', (r) => r.operatorDelivered],
  ['Передача ответа оператором: медиана, часов', (r) => r.deliveryLagMedianHours],
  ['Распределено автоправилами', (r) => r.autorouted],
  ['Доля распределённых автоправилами, %', (r) => percent(r.autoroutedShare)],
];
