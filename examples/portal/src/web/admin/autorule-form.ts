import type { Autorule } from '@reshaem/core';
import { all, type FormState, lines, numberOr, one, present } from './form-state.js';

/**
 * The rule the autorule form describes, as the API takes it: only what was filled in, the
 * numbers as numbers; every check is the API's (the core's `checkAutorule`).
 */
export function autoruleInput(state: FormState, id: string): Record<string, unknown> {
  const terms = lines(state, 'words');
  const kind = one(state, 'actionKind');
  const action =
    kind === 'forward'
      ? { kind, orgId: one(state, 'forwardOrgId') }
      : present({
          kind: 'assign',
          executorId: one(state, 'executorId'),
          executionDays: one(state, 'executionDays')
            ? numberOr(one(state, 'executionDays'))
            : undefined,
          executionDayUnit: one(state, 'executionDayUnit') || undefined,
        });
  return {
    id,
    name: one(state, 'name'),
    position: numberOr(one(state, 'position') || '0'),
    enabled: one(state, 'enabled') === 'on',
    match: present({
      categoryIds: all(state, 'categoryIds'),
      subcategoryIds: all(state, 'subcategoryIds'),
      factIds: all(state, 'factIds'),
      regionCodes: lines(state, 'regionCodes', true),
      municipalities: lines(state, 'municipalities'),
      channels: all(state, 'channels'),
      words: terms.length > 0 ? { mode: one(state, 'wordsMode') || 'any', terms } : undefined,
    }),
    action,
  };
}

/** A saved rule as the form shows it. */
export function autoruleState(rule: Autorule): FormState {
  const { match, action } = rule;
  return {
    id: [rule.id],
    name: [rule.name],
    position: [String(rule.position)],
    enabled: rule.enabled ? ['on'] : [],
    categoryIds: match.categoryIds ?? [],
    subcategoryIds: match.subcategoryIds ?? [],
    factIds: match.factIds ?? [],
    regionCodes: [(match.regionCodes ?? []).join(', ')],
    municipalities: [(match.municipalities ?? []).join('\n')],
    channels: match.channels ?? [],
    wordsMode: [match.words?.mode ?? 'any'],
    words: [(match.words?.terms ?? []).join('\n')],
    actionKind: [action.kind],
    forwardOrgId: action.kind === 'forward' ? [action.orgId] : [],
    executorId: action.kind === 'assign' ? [action.executorId] : [],
    executionDays:
      action.kind === 'assign' && action.executionDays !== undefined
        ? [String(action.executionDays)]
        : [],
    executionDayUnit: action.kind === 'assign' ? [action.executionDayUnit] : [],
  };
}

/** A new rule's form: enabled, assigning, last in order. */
export const newAutoruleState = (position: number): FormState => ({
  enabled: ['on'],
  position: [String(position)],
  actionKind: ['assign'],
  wordsMode: ['any'],
  executionDayUnit: ['calendar'],
});
