import { z } from 'zod';
import { pluralRu } from '../deadlines/plural-ru.js';

const ru = z.locales.ru().localeError;
// Genitive after «не длиннее», «не больше»: 1 символа, 3 символов, 5 символов.
const characters = ['символа', 'символов', 'символов'] as const;
const items = ['элемента', 'элементов', 'элементов'] as const;

/**
 * zod's issues in Russian, for the parses whose messages reach people (events, submissions,
 * queries): zod v4's own `ru` locale, with plainer words for lengths («Не длиннее 20 000
 * символов» instead of «ожидалось, что string будет иметь <=20000 символа»).
 *
 * Passed per call (`schema.safeParse(input, russianErrors)`), never through a global
 * `z.config(z.locales.ru())`: a global would change the zod messages of the application
 * that uses reshaem as a library. Messages a schema sets itself win over this map.
 *
 * @example
 * messageEventSchema.safeParse(input, russianErrors);
 */
export const russianErrors: { error: z.core.$ZodErrorMap } = {
  error: (issue) => {
    const n = 'maximum' in issue ? issue.maximum : 'minimum' in issue ? issue.minimum : undefined;
    if ((issue.code === 'too_big' || issue.code === 'too_small') && typeof n === 'number') {
      const big = issue.code === 'too_big';
      const count = n.toLocaleString('ru-RU');
      if (issue.origin === 'string') {
        if (!big && n === 1) return 'Заполните поле';
        return `${big ? 'Не длиннее' : 'Не короче'} ${count} ${pluralRu(n, characters)}`;
      }
      if (issue.origin === 'array') {
        return `${big ? 'Не больше' : 'Не меньше'} ${count} ${pluralRu(n, items)}`;
      }
    }
    return ru(issue);
  },
};
