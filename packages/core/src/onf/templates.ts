import { escapeHtml } from '../kernel/notifications/template.js';

/**
 * The placeholders of an ОНФ card's e-mail, by a stable code and the Russian name people
 * type between double braces: `{{Номер обращения}}` (the ОНФ interface's words, seed 003).
 */
export const casePlaceholderNames = {
  number: 'Номер обращения',
  status: 'Статус обращения',
  title: 'Событие',
  region: 'Регион',
  municipality: 'Муниципальное образование',
  categoryType: 'Тип категории',
  category: 'Категория',
  applicantName: 'ФИО гражданина',
  text: 'Текст обращения',
  executor: 'Исполнитель',
  organisation: 'Организация',
  executionDueDate: 'Дедлайн по исполнению',
  returnComment: 'Комментарий куратора',
  unmetRequirement: 'Чего не хватило',
  closeReason: 'Причина закрытия',
  postponedUntil: 'Срок отложенного решения',
  resolution: 'Решение исполнителя',
} as const;

export type CasePlaceholderKey = keyof typeof casePlaceholderNames;

/** The values of a card's placeholders, as text (`-` when there is none). */
export type CasePlaceholderValues = Readonly<Record<CasePlaceholderKey, string>>;

/** A checked template: literal text and placeholders, in order. */
export interface CompiledCaseTemplate {
  source: string;
  segments: readonly ({ text: string } | { key: CasePlaceholderKey })[];
}

/** What is wrong with a card template, and where (offset from 0). */
export interface CaseTemplateIssue {
  code: 'unknown_placeholder' | 'unclosed_placeholder';
  placeholder?: string;
  offset: number;
  message: string;
}

export type CaseTemplateCompilation =
  | { ok: true; template: CompiledCaseTemplate }
  | { ok: false; issues: CaseTemplateIssue[] };

const keyByName = new Map<string, CasePlaceholderKey>(
  (Object.entries(casePlaceholderNames) as [CasePlaceholderKey, string][]).map(([k, n]) => [
    n.toLowerCase(),
    k,
  ]),
);

/**
 * Parses a card e-mail template and checks each `{{placeholder}}` against
 * {@link casePlaceholderNames} (case-insensitively), so that a typo is found when the
 * template is saved, not when a notice fails to go. Nothing in a template is evaluated.
 *
 * @example
 * compileCaseTemplate('Карточка № {{Номер обращения}}').ok; // true
 * compileCaseTemplate('{{Номер сообщения}}').ok; // false: a ПОС name, not a card's
 */
export function compileCaseTemplate(source: string): CaseTemplateCompilation {
  const segments: CompiledCaseTemplate['segments'][number][] = [];
  const issues: CaseTemplateIssue[] = [];
  let from = 0;
  for (;;) {
    const open = source.indexOf('{{', from);
    if (open < 0) break;
    const close = source.indexOf('}}', open + 2);
    if (close < 0) {
      issues.push({
        code: 'unclosed_placeholder',
        offset: open,
        message: `позиция ${open + 1}: «{{» без закрывающей «}}»`,
      });
      break;
    }
    if (open > from) segments.push({ text: source.slice(from, open) });
    const name = source.slice(open + 2, close).trim();
    const key = keyByName.get(name.toLowerCase());
    if (key === undefined) {
      issues.push({
        code: 'unknown_placeholder',
        placeholder: name,
        offset: open,
        message: `неизвестная подстановка {{${name}}}; известные: ${Object.values(casePlaceholderNames).join(', ')}`,
      });
    } else segments.push({ key });
    from = close + 2;
  }
  if (from < source.length) segments.push({ text: source.slice(from) });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, template: { source, segments } };
}

/**
 * Fills a compiled card template. `html`: the values and the template's text are escaped
 * and line breaks become `<br>`, so nothing a card says can become markup.
 *
 * @example
 * renderCaseTemplate(compiled, values); // 'Карточка № 340820: назначена вам'
 */
export function renderCaseTemplate(
  template: CompiledCaseTemplate,
  values: CasePlaceholderValues,
  options: { html?: boolean } = {},
): string {
  const text = (s: string) => (options.html ? escapeHtml(s).replace(/\n/g, '<br>\n') : s);
  return template.segments
    .map((segment) => ('key' in segment ? text(values[segment.key]) : text(segment.text)))
    .join('');
}
