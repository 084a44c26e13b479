import { z } from 'zod';
import {
  type PlaceholderKey,
  placeholderKey,
  placeholderNames,
  type TemplateKind,
  templatePlaceholders,
} from './placeholders.js';

/** A template checked at save time: literal text and placeholders, in order. */
export interface CompiledTemplate {
  kind: TemplateKind;
  source: string;
  segments: readonly ({ text: string } | { key: PlaceholderKey })[];
}

/** What is wrong with a template, and where (offset from 0; line and column from 1). */
export interface TemplateIssue {
  code: 'unknown_placeholder' | 'unclosed_placeholder' | 'empty_placeholder';
  /** The name as written between the braces (`unknown_placeholder`, `empty_placeholder`). */
  placeholder?: string;
  offset: number;
  line: number;
  column: number;
  message: string;
}

export type TemplateCompilation =
  | { ok: true; template: CompiledTemplate }
  | { ok: false; issues: TemplateIssue[] };

/** The thrown form of a failed compilation. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  constructor(readonly issues: readonly TemplateIssue[]) {
    super(issues.map((i) => i.message).join('; '));
  }
}

function position(source: string, offset: number) {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return { offset, line, column: offset - before.lastIndexOf('\n') };
}

/**
 * Parses a template and checks every `{{placeholder}}` against the kind's list, so that an
 * admin learns of a typo when saving, not when an e-mail fails to go. Nothing in a template
 * is ever evaluated: it is literal text and names.
 *
 * @example
 * compileTemplate('Поступило сообщение № {{Номер сообщения}}', 'notification').ok; // true
 * compileTemplate('{{Номер обращения}}', 'notification');
 * // { ok: false, issues: [{ code: 'unknown_placeholder', placeholder: 'Номер обращения',
 * //   offset: 0, line: 1, column: 1, message: '…' }] }
 */
const kindWords: Readonly<Record<TemplateKind, string>> = {
  notification: 'шаблоны уведомлений',
  answer: 'шаблоны ответов',
};

export function compileTemplate(source: string, kind: TemplateKind): TemplateCompilation {
  const segments: CompiledTemplate['segments'][number][] = [];
  const issues: TemplateIssue[] = [];
  let from = 0;
  for (;;) {
    const open = source.indexOf('{{', from);
    if (open < 0) break;
    const close = source.indexOf('}}', open + 2);
    const where = position(source, open);
    if (close < 0) {
      issues.push({
        code: 'unclosed_placeholder',
        ...where,
        message: `строка ${where.line}, позиция ${where.column}: «{{» без закрывающей «}}»`,
      });
      break;
    }
    if (open > from) segments.push({ text: source.slice(from, open) });
    const name = source.slice(open + 2, close).trim();
    const key = placeholderKey(name, kind);
    if (key !== undefined) segments.push({ key });
    else {
      const known = templatePlaceholders[kind].map((k) => placeholderNames[k]).join(', ');
      issues.push({
        code: name === '' ? 'empty_placeholder' : 'unknown_placeholder',
        placeholder: name,
        ...where,
        message:
          name === ''
            ? `строка ${where.line}, позиция ${where.column}: пустая подстановка «{{}}»`
            : `строка ${where.line}, позиция ${where.column}: неизвестная подстановка «${name}»; ${kindWords[kind]} знают: ${known}`,
      });
    }
    from = close + 2;
  }
  if (issues.length > 0) return { ok: false, issues };
  if (from < source.length) segments.push({ text: source.slice(from) });
  return { ok: true, template: { kind, source, segments } };
}

/**
 * {@link compileTemplate}, throwing {@link TemplateError}.
 *
 * @example
 * const template = compileTemplateOrThrow('№ {{Номер сообщения}}', 'answer');
 */
export function compileTemplateOrThrow(source: string, kind: TemplateKind): CompiledTemplate {
  const result = compileTemplate(source, kind);
  if (!result.ok) throw new TemplateError(result.issues);
  return result.template;
}

/**
 * A string that must compile as a template of this kind: use it in the schemas an admin
 * saves, so that an unknown placeholder is a validation error at save time.
 *
 * @example
 * const schema = z.object({ body: templateTextSchema('answer') });
 * schema.safeParse({ body: '{{Номер}}' }).success; // false: unknown placeholder «Номер»
 */
export const templateTextSchema = (kind: TemplateKind, max = 20_000) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .superRefine((source, ctx) => {
      const result = compileTemplate(source, kind);
      if (!result.ok) {
        for (const issue of result.issues) ctx.addIssue({ code: 'custom', message: issue.message });
      }
    });

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML element content and attribute values.
 *
 * @example
 * escapeHtml('<script>alert(1)</script> & co'); // '&lt;script&gt;alert(1)&lt;/script&gt; &amp; co'
 */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);

/** What stands for a placeholder whose value is missing or blank. */
export const EMPTY_PLACEHOLDER = '-';

export interface RenderOptions {
  /**
   * HTML output: the template is plain text, so everything — the template's own text and
   * every value — is escaped, and line breaks become `<br>`. Plain-text output leaves values
   * as they are.
   */
  html: boolean;
}

/**
 * Fills a compiled template. A missing or blank value renders as «-». Never throws and never
 * evaluates anything: values are inserted as text.
 *
 * @example
 * const t = compileTemplateOrThrow('№ {{Номер сообщения}}: {{Текущий статус сообщения}}', 'notification');
 * renderTemplate(t, { number: '41-1', status: 'На координации' }, { html: false });
 * // '№ 41-1: На координации'
 */
export function renderTemplate(
  template: CompiledTemplate,
  values: Partial<Record<PlaceholderKey, string>>,
  options: RenderOptions,
): string {
  let out = '';
  for (const segment of template.segments) {
    if ('text' in segment) out += segment.text;
    else {
      const value = values[segment.key];
      out += value === undefined || value.trim() === '' ? EMPTY_PLACEHOLDER : value;
    }
  }
  return options.html ? escapeHtml(out).replace(/\r?\n/g, '<br>\n') : out;
}
