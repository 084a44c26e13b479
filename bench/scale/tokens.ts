/**
 * How a template row becomes SQL that writes many varied rows: every token (`zz…`), instant
 * and local date in the template is replaced by an expression over the generated row `g`
 * (its id, organisations, people, texts, creation instant). JSON values become `format()`
 * strings with positional arguments, so each row's snapshot is built in one pass.
 */
import type { Template } from './templates.js';

/** Substring tokens: a part of any string (ids inside timer ids, e-mail addresses). */
function substringTokens(t: Template): Record<string, string> {
  const staff: Record<string, string> = {};
  for (const org of ['REG', 'MIN', 'INST']) {
    staff[`zz${org}-c`] = `g.${org.toLowerCase()} || '-c' || (g.i % 3)`;
    staff[`zz${org}-e`] = `g.${org.toLowerCase()} || '-e' || (g.i % 5)`;
    staff[`zz${org}-h`] = `g.${org.toLowerCase()} || '-h0'`;
  }
  return {
    [`zzNUM${t.messageId}`]: 'g.number',
    [t.messageId]: 'g.id',
    zzREGNUM: "'РН-' || g.i",
    ...staff,
    zzREG: 'g.reg',
    zzMIN: 'g.min',
    zzINST: 'g.inst',
    zzOPS: "g.reg || '-ops'",
    zzOPR: "'opr-' || g.rc",
    zzMOD: "'mod-' || g.rc",
    zzAPP: 'g.applicant',
    zzNAME: 'g.name',
    zzname: 'g.name_lower',
    zzTEXT: 'g.text',
    zztext: 'g.text_lower',
    zzANSWER: "'по сообщению ' || g.number",
  };
}

/** Whole-string tokens: a value that is exactly the template's region, topic or channel. */
function wholeTokens(t: Template): Record<string, string> {
  const fast = t.life.topic === 'fast';
  return {
    '01': 'g.rc',
    'Europe/Moscow': 'g.tz',
    [fast ? 'roads' : 'health']: 'g.category',
    [fast ? 'potholes' : 'clinic-queue']: 'g.subcategory',
    ...(fast ? { 'pothole-street': 'g.fact' } : {}),
    ...(t.life.operatorEntered ? {} : { epgu_form: 'g.channel' }),
  };
}

const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const DAY = 86_400_000;

export const lit = (text: string) => `'${text.replace(/'/g, "''")}'`;
/** The row's creation instant moved by `ms`. */
export const instantAfter = (ms: number) => `(g.created + interval '${ms} milliseconds')`;

/** Builds SQL expressions for one template's values, sharing one argument list per value. */
export class TemplateSql {
  private readonly sub: Record<string, string>;
  private readonly whole: Record<string, string>;
  private readonly pattern: RegExp;

  constructor(private readonly template: Template) {
    this.sub = substringTokens(template);
    this.whole = wholeTokens(template);
    const keys = Object.keys(this.sub).sort((a, b) => b.length - a.length);
    this.pattern = new RegExp(keys.join('|'), 'g');
  }

  /** An expression for a whole string value, or null when it is not a token, instant or date. */
  private wholeExpr(value: string): string | null {
    const token = this.whole[value];
    if (token) return token;
    if (instantPattern.test(value))
      return `iso(${instantAfter(Date.parse(value) - this.template.t0)})`;
    if (datePattern.test(value)) {
      const days = Math.round(
        (Date.parse(value) - Date.parse(new Date(this.template.t0).toISOString().slice(0, 10))) /
          DAY,
      );
      return `to_char((g.created + interval '${days} days') AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;
    }
    return null;
  }

  /** A text column's value: a token's expression, a format() over tokens, or a literal. */
  text(value: string): string {
    const whole = this.wholeExpr(value);
    if (whole) return whole;
    const args: string[] = [];
    const fmt = this.fill(value.replace(/%/g, '%%'), args);
    return args.length ? `format(${lit(fmt)}, ${args.join(', ')})` : lit(value);
  }

  /** A jsonb value built by one format() call. */
  json(value: unknown): string {
    const args: string[] = [];
    const fmt = this.serialize(value, args);
    if (args.length > 99)
      throw new Error(`${this.template.life.name}: ${args.length} format arguments`);
    return args.length ? `format(${lit(fmt)}, ${args.join(', ')})::jsonb` : `${lit(fmt)}::jsonb`;
  }

  private arg(args: string[], expr: string): string {
    let n = args.indexOf(expr);
    if (n < 0) n = args.push(expr) - 1;
    return `%${n + 1}$s`;
  }

  private fill(escaped: string, args: string[]): string {
    return escaped.replace(this.pattern, (token) => this.arg(args, this.sub[token] as string));
  }

  private serialize(value: unknown, args: string[]): string {
    if (typeof value === 'string') {
      const whole = this.wholeExpr(value);
      if (whole) return `"${this.arg(args, whole)}"`;
      return this.fill(JSON.stringify(value).replace(/%/g, '%%'), args);
    }
    if (Array.isArray(value)) return `[${value.map((v) => this.serialize(v, args)).join(',')}]`;
    if (value && typeof value === 'object') {
      const members = Object.entries(value).map(
        ([k, v]) => `${JSON.stringify(k).replace(/%/g, '%%')}:${this.serialize(v, args)}`,
      );
      return `{${members.join(',')}}`;
    }
    return JSON.stringify(value);
  }
}
