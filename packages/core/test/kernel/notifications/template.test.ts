import { describe, expect, it } from 'vitest';
import {
  compileTemplate,
  compileTemplateOrThrow,
  escapeHtml,
  placeholderNames,
  placeholderValues,
  renderTemplate,
  statusOf,
  TemplateError,
  type TemplateKind,
  templatePlaceholders,
} from '../../../src/index.js';
import { at, directory, drive, potholeSubmit, start, toAssigned, users } from '../../helpers.js';

const kinds: TemplateKind[] = ['notification', 'answer'];

describe('compileTemplate', () => {
  it('knows the placeholders of SPEC §8, case- and space-insensitively', () => {
    expect(templatePlaceholders.answer.map((k) => placeholderNames[k])).toEqual([
      'ФИО Заявителя',
      'ФИО пользователя',
      'Номер сообщения',
      'Наименование ЛКО',
      'Категория сообщения',
      'Дата создания сообщения',
      'Регистрационный номер сообщения',
      'Дата регистрации',
    ]);
    expect(templatePlaceholders.notification.slice(0, 8).map((k) => placeholderNames[k])).toEqual([
      'Номер сообщения',
      'Категория сообщения',
      'Наименование текущего ЛКО',
      'Дата создания сообщения',
      'Плановый срок рассмотрения сообщения',
      'Текущий статус сообщения',
      'Время создания сообщения',
      'Время исполнения сообщения',
    ]);
    const t = compileTemplateOrThrow(
      '{{ номер   СООБЩЕНИЯ }} {{Плановый срок рассмотрения сообщения, дата}}',
      'notification',
    );
    expect(t.segments).toEqual([{ key: 'number' }, { text: ' ' }, { key: 'plannedDueDate' }]);
  });

  it('reports an unknown placeholder by name and position at compile time', () => {
    const result = compileTemplate(
      'Здравствуйте!\nСообщение № {{Номер обращения}}.',
      'notification',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      expect.objectContaining({
        code: 'unknown_placeholder',
        placeholder: 'Номер обращения',
        offset: 26,
        line: 2,
        column: 13,
      }),
    ]);
    expect(result.issues[0]?.message).toMatch(/неизвестная подстановка «Номер обращения»/);
    expect(result.issues[0]?.message).toMatch(/Номер сообщения/); // lists what is known
  });

  it('keeps each kind to its own list, and reports every problem', () => {
    const result = compileTemplate('{{ФИО Заявителя}} {{}} {{Дата регистрации', 'notification');
    expect(result.ok ? [] : result.issues.map((i) => [i.code, i.column])).toEqual([
      ['unknown_placeholder', 1],
      ['empty_placeholder', 19],
      ['unclosed_placeholder', 24],
    ]);
    expect(() => compileTemplateOrThrow('{{Текущий статус сообщения}}', 'answer')).toThrow(
      TemplateError,
    );
  });

  it('leaves text without placeholders, and lone braces, as they are', () => {
    const t = compileTemplateOrThrow('a } b }} c {', 'answer');
    expect(renderTemplate(t, {}, { html: false })).toBe('a } b }} c {');
  });
});

describe('renderTemplate', () => {
  const message = drive(start(), toAssigned);
  const values = placeholderValues(message.context, statusOf(message), directory, {
    user: users.executorRoads,
    now: at(10),
  });

  it.each(kinds)('renders every %s placeholder from a real message', (kind) => {
    for (const key of templatePlaceholders[kind]) {
      const t = compileTemplateOrThrow(`[{{${placeholderNames[key]}}}]`, kind);
      const out = renderTemplate(t, values, { html: false });
      expect(out, key).toBe(`[${values[key]}]`);
      expect(out, key).not.toMatch(/\{\{|undefined|null|NaN|Invalid/);
    }
  });

  it('escapes values in HTML and leaves them as they are in plain text', () => {
    const evil = 'Яма <script>alert(1)</script> & «кавычки» "x" \'y\'\nвторая строка';
    const hostile = start(potholeSubmit({ text: evil }));
    const v = placeholderValues(hostile.context, statusOf(hostile), directory);
    const t = compileTemplateOrThrow('<b>{{Текст сообщения}}</b>', 'notification');
    expect(renderTemplate(t, v, { html: false })).toBe(`<b>${evil}</b>`);
    const html = renderTemplate(t, v, { html: true });
    expect(html).toBe(
      '&lt;b&gt;Яма &lt;script&gt;alert(1)&lt;/script&gt; &amp; «кавычки» &quot;x&quot; &#39;y&#39;<br>\nвторая строка&lt;/b&gt;',
    );
    expect(html).not.toContain('<script');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });

  it('renders «-» for missing or blank values, never throwing', () => {
    const t = compileTemplateOrThrow('{{Номер сообщения}}|{{Дата регистрации}}', 'answer');
    expect(renderTemplate(t, { number: '  ' }, { html: false })).toBe('-|-');
    const fresh = start(); // in moderation: no deadline, no registration, no answer
    const v = placeholderValues(fresh.context, null, directory);
    for (const kind of kinds) {
      const all = templatePlaceholders[kind].map((k) => `{{${placeholderNames[k]}}}`).join('|');
      expect(() =>
        renderTemplate(compileTemplateOrThrow(all, kind), v, { html: true }),
      ).not.toThrow();
    }
    expect(v.registrationDate).toBe('-');
    expect(v.plannedDueDate).toBe('-');
    expect(v.executionTime).toBe('-');
    expect(v.status).toBe('-');
  });
});
