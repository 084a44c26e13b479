/** A posted form with every value of each field (several for multi-selects), trimmed. */
export type FormState = Readonly<Record<string, readonly string[]>>;

/** Reads a posted form into a {@link FormState}; files are left out. */
export async function readFormState(request: Request): Promise<FormState> {
  const data = await request.formData();
  const state: Record<string, string[]> = {};
  for (const [key, value] of data.entries()) {
    if (typeof value !== 'string') continue;
    const list = state[key] ?? [];
    list.push(value.trim());
    state[key] = list;
  }
  return state;
}

/** The field's first value, or ''. */
export const one = (state: FormState, name: string): string => state[name]?.[0] ?? '';

/** The field's non-empty values. */
export const all = (state: FormState, name: string): string[] =>
  (state[name] ?? []).filter((v) => v !== '');

/** A text of one item a line (or comma-separated), as a list. */
export const lines = (state: FormState, name: string, commas = false): string[] =>
  one(state, name)
    .split(commas ? /[\n,]/ : /\n/)
    .map((s) => s.trim())
    .filter(Boolean);

/** A number field as a number when it is one, else as typed (the API says what is wrong). */
export const numberOr = (text: string): number | string =>
  /^-?\d+$/.test(text) ? Number(text) : text;

/** Leaves out `undefined` members and empty lists: what the form did not fill is absent. */
export function present(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).filter(
      ([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0),
    ),
  );
}
