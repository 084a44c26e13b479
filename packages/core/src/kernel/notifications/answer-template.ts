import { z } from 'zod';
import { answerTypeSchema, type Message } from '../../pos/schemas/message.js';
import { idSchema, storableString } from '../schemas/primitives.js';
import type { Directory } from './directory.js';
import { compileTemplateOrThrow, renderTemplate, templateTextSchema } from './template.js';
import { placeholderValues } from './values.js';

/**
 * A prepared answer («Подготовленный шаблон ответа») of an organisation: plain text with
 * the answer placeholders, checked at save time.
 */
export const answerTemplateSchema = z.object({
  id: idSchema,
  orgId: idSchema,
  name: storableString().trim().min(1).max(300),
  /** The answer type the template suits, offered first for it; any type when absent. */
  answerType: answerTypeSchema.optional(),
  body: templateTextSchema('answer'),
});
export type AnswerTemplate = z.infer<typeof answerTemplateSchema>;
export type AnswerTemplateInput = z.input<typeof answerTemplateSchema>;

/**
 * The answer text a template gives for a message, written by `user` («ФИО пользователя»):
 * plain text, «-» for anything the message lacks. Throws a `TemplateError` only for a
 * template that was not validated with {@link answerTemplateSchema}.
 *
 * @example
 * renderAnswerTemplate(
 *   { id: 't1', orgId: 'kam-roads', name: 'Яма', body: 'Уважаемый(ая) {{ФИО Заявителя}}! …' },
 *   message, directory, { id: 'exec-kam-roads' },
 * ); // 'Уважаемый(ая) Иванов Иван Иванович! …'
 */
export function renderAnswerTemplate(
  template: Pick<AnswerTemplate, 'body'>,
  message: Message,
  directory: Directory,
  user: { id: string; name?: string | undefined },
): string {
  const compiled = compileTemplateOrThrow(template.body, 'answer');
  return renderTemplate(compiled, placeholderValues(message, null, directory, { user }), {
    html: false,
  });
}
