import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  planAutorules,
  runAutorules,
  SYSTEM_PRINCIPAL,
  statusOf,
} from '../../../src/index.js';
import { at, directory, drive, users } from '../../helpers.js';
import { arrived, rule } from './fixtures.js';

const now = at(2);

describe('runAutorules', () => {
  it('assigns through the workflow as the system, recorded and flagged', () => {
    const snapshot = arrived();
    const run = runAutorules(snapshot, [rule()], directory, now);
    expect(run.skipped).toEqual([]);
    expect(run.applied.map((a) => a.ruleId)).toEqual(['r-assign']);
    expect(statusOf(run.snapshot)).toBe('executor_assigned');
    expect(run.snapshot.context.executorId).toBe('exec-kam-roads');
    expect(run.records).toHaveLength(1);
    expect(run.records[0]).toMatchObject({
      type: 'executor.assign',
      by: { id: 'system' },
      fromStatus: 'coordination',
      toStatus: 'executor_assigned',
      payload: { executorId: 'exec-kam-roads', autoruleId: 'r-assign' },
    });
    expect(run.effects).toContainEqual(
      expect.objectContaining({
        reason: 'executor_assigned',
        to: { kind: 'user', userId: 'exec-kam-roads' },
      }),
    );
    const flag = { ruleId: 'r-assign', at: now };
    expect(run.delegatedByAutorule).toEqual(flag);
    expect(run.snapshot.context.delegatedByAutorule).toEqual(flag);
    expect(snapshot.context.delegatedByAutorule).toBeNull();
  });

  it('lets the first matching enabled rule by position win', () => {
    const rules = [
      rule({ id: 'late', position: 30, action: { kind: 'assign', executorId: 'exec-kam-roads' } }),
      rule({ id: 'off', position: 1, enabled: false }),
      rule({ id: 'other', position: 2, match: { subcategoryIds: ['road-repair'] } }),
      rule({
        id: 'first',
        position: 20,
        match: { words: { mode: 'any', terms: ['ям'] } },
        action: { kind: 'assign', executorId: 'exec-kam-roads-2' },
      }),
      rule({
        id: 'foreign',
        orgId: 'uly-roads',
        position: 0,
        action: { kind: 'assign', executorId: 'exec-uly-roads' },
      }),
    ];
    const run = runAutorules(arrived(), rules, directory, now);
    expect(run.applied.map((a) => a.ruleId)).toEqual(['first']);
    expect(run.snapshot.context.executorId).toBe('exec-kam-roads-2');
  });

  it('ignores disabled rules entirely', () => {
    const run = runAutorules(arrived(), [rule({ enabled: false })], directory, now);
    expect(run.applied).toEqual([]);
    expect(run.skipped).toEqual([]);
    expect(run.idle).toBe('no_match');
  });

  it('skips and logs a rule whose assignment the workflow forbids, and tries no other', () => {
    const snapshot = arrived();
    const rules = [
      rule({ id: 'bad', position: 1, action: { kind: 'assign', executorId: 'exec-kam-gov' } }),
      rule({ id: 'good', position: 2 }),
    ];
    const run = runAutorules(snapshot, rules, directory, now);
    expect(run.applied).toEqual([]);
    expect(run.snapshot).toBe(snapshot);
    expect(run.records).toEqual([]);
    expect(run.skipped).toEqual([
      expect.objectContaining({ ruleId: 'bad', orgId: 'kam-roads', reason: 'refused' }),
    ]);
    expect(run.skipped[0]?.error?.kind).toBe('invalid_payload');
    expect(run.skipped[0]?.message).toMatch(/не исполнитель организации/);
  });

  it('skips and logs a forward to an organisation not competent for the subcategory', () => {
    const snapshot = arrived();
    const run = runAutorules(
      snapshot,
      [rule({ id: 'away', action: { kind: 'forward', orgId: 'uly-health' } })],
      directory,
      now,
    );
    expect(run.snapshot).toBe(snapshot);
    expect(run.skipped).toMatchObject([{ ruleId: 'away', reason: 'refused' }]);
    expect(run.skipped[0]?.message).toMatch(
      /подчинённую организацию или в организацию, ответственную/,
    );
  });

  it('follows a forward with the receiving organisation’s rules', () => {
    const rules = [
      rule({ id: 'route', orgId: 'kam-gov', action: { kind: 'forward', orgId: 'kam-roads' } }),
      rule({ id: 'assign', orgId: 'kam-roads' }),
    ];
    const run = runAutorules(arrived('kam-gov'), rules, directory, now);
    expect(run.applied.map((a) => a.ruleId)).toEqual(['route', 'assign']);
    expect(run.records.map((r) => [r.type, r.by.id, r.holdingOrgId])).toEqual([
      ['coordination.forward', 'system', 'kam-roads'],
      ['executor.assign', 'system', 'kam-roads'],
    ]);
    expect(run.records[0]?.payload).toMatchObject({
      comment: 'Направлено автоправилом «Ямы — Новикову»',
    });
    expect(run.effects.map((e) => e.type === 'notify' && e.reason)).toEqual([
      'message_received',
      'executor_assigned',
    ]);
    expect(run.delegatedByAutorule).toEqual({ ruleId: 'assign', at: now });
  });

  it('never forwards a message back to an organisation it passed through', () => {
    const rules = [
      rule({ id: 'down', orgId: 'kam-gov', action: { kind: 'forward', orgId: 'kam-roads' } }),
      rule({ id: 'up', orgId: 'kam-roads', action: { kind: 'forward', orgId: 'kam-gov' } }),
    ];
    const run = runAutorules(arrived('kam-gov'), rules, directory, now);
    expect(run.applied.map((a) => a.ruleId)).toEqual(['down']);
    expect(run.skipped).toMatchObject([{ ruleId: 'up', reason: 'cycle' }]);
    expect(run.snapshot.context.holdingOrgId).toBe('kam-roads');
  });

  it('stops a forward chain after maxHops forwards', () => {
    const school = { categoryId: 'education', subcategoryId: 'school-food', factId: null };
    const rules = [
      rule({ id: 'to-edu', orgId: 'kam-gov', action: { kind: 'forward', orgId: 'kam-edu' } }),
      rule({
        id: 'to-school',
        orgId: 'kam-edu',
        action: { kind: 'forward', orgId: 'kam-school-1' },
      }),
    ];
    const bounded = runAutorules(arrived('kam-gov', school), rules, directory, now, { maxHops: 1 });
    expect(bounded.applied.map((a) => a.ruleId)).toEqual(['to-edu']);
    expect(bounded.skipped).toMatchObject([{ ruleId: 'to-school', reason: 'max_hops' }]);
    const full = runAutorules(arrived('kam-gov', school), rules, directory, now);
    expect(full.applied.map((a) => a.ruleId)).toEqual(['to-edu', 'to-school']);
    expect(full.idle).toBe('no_match');
  });

  it('acts only on new arrivals in coordination', () => {
    const assigned = runAutorules(arrived(), [rule()], directory, now).snapshot;
    expect(runAutorules(assigned, [rule()], directory, now).idle).toBe('not_in_coordination');
    // A coordinator returned it up: a person decides now.
    const returned = drive(
      arrived(),
      [{ type: 'coordination.return', by: users.coordinatorRoads, comment: 'Не наш участок' }],
      3,
    );
    const gov = [rule({ orgId: 'kam-gov', action: { kind: 'forward', orgId: 'kam-roads' } })];
    expect(planAutorules(returned, gov, directory, now)).toEqual({
      kind: 'idle',
      reason: 'not_new',
    });
  });

  it('sets the execution deadline from executionDays, capped by the response deadline', () => {
    const due = (executionDays: number, executionDayUnit: 'calendar' | 'working' = 'calendar') => {
      const action = {
        kind: 'assign' as const,
        executorId: 'exec-kam-roads',
        executionDays,
        executionDayUnit,
      };
      return runAutorules(arrived(), [rule({ action })], directory, now).snapshot.context
        .executionDueAt;
    };
    // 23:20 on Wednesday 15.01.2025 in Kamchatka.
    expect(due(3)).toBe('2025-01-18T11:59:00.000Z');
    expect(due(3, 'working')).toBe('2025-01-20T11:59:00.000Z');
    expect(due(30)).toBe(arrived().context.responseDueAt);
  });

  it('sends only what a person could: a forged principal cannot claim an autorule', () => {
    const plan = planAutorules(arrived(), [rule()], directory, now);
    if (plan.kind !== 'act') throw new Error('expected a plan');
    expect(plan.event.by).toBe(SYSTEM_PRINCIPAL);
    const forged = applyEvent(arrived(), { ...plan.event, by: users.coordinatorRoads }, directory);
    expect(forged.ok).toBe(false);
  });
});
