import { describe, expect, it } from 'vitest';
import { answerTemplateSchema, renderAnswerTemplate, TemplateError } from '../../../src/index.js';
import { directory, drive, potholeSubmit, start, toInWork, users } from '../../helpers.js';

describe('answer templates', () => {
  const template = answerTemplateSchema.parse({
    id: 't-pothole',
    orgId: 'kam-roads',
    name: 'Яма устранена',
    answerType: 'resolved',
    body: [
      'Уважаемый(ая) {{ФИО Заявителя}}!',
      'На ваше сообщение № {{Номер сообщения}} от {{Дата создания сообщения}} («{{Категория сообщения}}»),',
      'зарегистрированное {{Дата регистрации}} под № {{Регистрационный номер сообщения}},',
      '{{Наименование ЛКО}} сообщает: яма заделана.',
      'Исполнитель: {{ФИО пользователя}}',
    ].join('\n'),
  });

  it('renders plain text with every answer placeholder', () => {
    const message = drive(start(), toInWork).context;
    expect(renderAnswerTemplate(template, message, directory, users.executorRoads)).toBe(
      [
        'Уважаемый(ая) Иванов Иван Иванович!',
        'На ваше сообщение № 41-000001 от 15.01.2025 («Дороги»),',
        'зарегистрированное 15.01.2025 под № -,',
        'Министерство транспорта и дорожного строительства Камчатского края сообщает: яма заделана.',
        'Исполнитель: Новиков Денис (исполнитель)',
      ].join('\n'),
    );
  });

  it('leaves names as written: an answer is plain text', () => {
    const message = start(potholeSubmit({ applicant: { name: '<b>Иванов</b> & сын' } })).context;
    const out = renderAnswerTemplate({ body: '{{ФИО Заявителя}}' }, message, directory, {
      id: 'x',
    });
    expect(out).toBe('<b>Иванов</b> & сын');
  });

  it('refuses notification placeholders when saving', () => {
    const result = answerTemplateSchema.safeParse({
      ...template,
      body: '{{Текущий статус сообщения}}',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(
      /неизвестная подстановка «Текущий статус сообщения»; шаблоны ответов знают: /,
    );
    expect(() =>
      renderAnswerTemplate({ body: '{{Нет такого}}' }, start().context, directory, { id: 'x' }),
    ).toThrow(TemplateError);
  });
});
