import { type CaseIndicatorRow, closeReasonSchema, closeReasons } from '@reshaem/core';
import { percent } from './indicator-columns.js';
import type { SheetColumn } from './indicator-response.js';

/**
 * The ОНФ card indicators' XLSX sheet («Показатели ОНФ»): the group, its code, one column
 * per indicator with a Russian header, the closed cards by each reason (the reasons' own
 * labels), numbers as numbers, the share done as a percentage to a tenth.
 */
export const CASE_INDICATOR_COLUMNS: readonly SheetColumn<CaseIndicatorRow>[] = [
  ['Группа', (r) => r.label],
  ['Код группы', (r) => r.key],
  ['Создано карточек', (r) => r.created],
  ['Выполнено', (r) => r.done],
  ['Доля выполненных, %', (r) => percent(r.doneShare)],
  ['Отложенное решение', (r) => r.postponed],
  ['Закрыто', (r) => r.closed],
  ...closeReasonSchema.options.map(
    (reason): SheetColumn<CaseIndicatorRow> => [
      `Закрыто: ${closeReasons[reason].label}`,
      (r) => r.closedByReason[reason],
    ],
  ),
  ['В работе (не завершено)', (r) => r.open],
  ['Возвращено куратором на доработку', (r) => r.curatorReturns],
];
