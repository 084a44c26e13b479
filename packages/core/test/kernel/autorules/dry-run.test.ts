import { describe, expect, it } from 'vitest';
import { testAutorule } from '../../../src/index.js';
import { at, directory } from '../../helpers.js';
import { arrived, rule } from './fixtures.js';

const now = at(2);

describe('testAutorule (try before saving)', () => {
  it('reports an accepted action without touching the message', () => {
    const snapshot = arrived();
    const before = structuredClone(snapshot);
    const trial = testAutorule(
      { ...rule(), enabled: false },
      Object.freeze(snapshot),
      directory,
      now,
    );
    expect(trial).toMatchObject({
      kind: 'accepted',
      status: 'executor_assigned',
      holdingOrgId: 'kam-roads',
      executorId: 'exec-kam-roads',
    });
    expect(snapshot).toEqual(before);
    // Trying it again gives the same answer: nothing was stored anywhere.
    expect(testAutorule(rule(), snapshot, directory, now)).toEqual(
      testAutorule(rule(), snapshot, directory, now),
    );
  });

  it('reports a refusal with the workflow’s reason', () => {
    const trial = testAutorule(
      rule({ action: { kind: 'forward', orgId: 'uly-health' } }),
      arrived(),
      directory,
      now,
    );
    expect(trial.kind).toBe('refused');
    if (trial.kind === 'refused') expect(trial.error.kind).toBe('invalid_payload');
  });

  it('says which criteria fail', () => {
    const draft = rule({
      match: { subcategoryIds: ['road-repair'], words: { mode: 'all', terms: ['снег'] } },
    });
    expect(testAutorule(draft, arrived(), directory, now)).toEqual({
      kind: 'no_match',
      mismatches: ['subcategoryIds', 'words'],
    });
  });

  it('validates the draft', () => {
    const trial = testAutorule({ ...rule(), position: -1, name: '' }, arrived(), directory, now);
    expect(trial.kind).toBe('invalid_rule');
    if (trial.kind === 'invalid_rule') {
      expect(trial.issues.map((i) => i.path.join('.'))).toEqual(['name', 'position']);
    }
  });

  it('says when the rule would not act on this message at all', () => {
    expect(testAutorule(rule({ orgId: 'kam-gov' }), arrived(), directory, now)).toEqual({
      kind: 'not_applicable',
      reason: 'other_organisation',
    });
  });
});
