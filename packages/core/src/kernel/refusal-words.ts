import type { RefusalSubject } from './errors.js';
import type { Role, RoleGrant } from './schemas/principal.js';

/** Every role as the ПОС and ОНФ interfaces name it (seed 000: «Оператор приема обращений»). */
export const roleNames: Readonly<Record<Role, string>> = {
  applicant: 'Заявитель',
  operator: 'Оператор приема обращений',
  moderator: 'Модератор',
  coordinator: 'Координатор',
  executor: 'Исполнитель',
  head: 'Руководитель',
  curator: 'Куратор',
  admin: 'Администратор ЛКО',
  system: 'Система',
  supervisor: 'Супервайзер',
  support: 'Техподдержка',
};

/**
 * «Иванов Иван Иванович» → «Иванов И. И.»: a surname with initials, as Russian official
 * letters name people. A remark in parentheses is dropped; a single word stays as it is.
 *
 * @example
 * shortPersonName('Голубева Светлана Петровна (оператор)'); // 'Голубева С. П.'
 */
export function shortPersonName(full: string): string {
  const words = full
    .replace(/\([^)]*\)/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const [surname, ...rest] = words;
  if (surname === undefined) return full.trim();
  const initials = rest.map((w) => `${w.charAt(0).toLocaleUpperCase('ru')}.`);
  return [surname, ...initials].join(' ');
}

/** «по сообщению № 41-…» / «по карточке № …», or '' without a subject. */
export function subjectPhrase(subject: RefusalSubject | undefined): string {
  if (!subject) return '';
  return subject.kind === 'card'
    ? ` по карточке № ${subject.number}`
    : ` по сообщению № ${subject.number}`;
}

/** «Сообщение № …» / «Карточка № …», capitalised, to open a sentence. */
export function subjectNoun(subject: RefusalSubject | undefined, fallback: string): string {
  if (!subject) return fallback;
  return subject.kind === 'card' ? `Карточка № ${subject.number}` : `Сообщение № ${subject.number}`;
}

/**
 * The grant to name a person by: the first one held in an organisation (that is how the
 * person acts on messages), else the first at all.
 */
export function namingGrant(roles: readonly RoleGrant[]): RoleGrant | undefined {
  return roles.find((g) => g.orgId !== undefined && g.role !== 'system') ?? roles[0];
}
