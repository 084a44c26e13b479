import { describe, expect, it } from 'vitest';
import {
  definitionMigrateRecord,
  historyLineFor,
  messageViewerOf,
  type Principal,
  SYSTEM_PRINCIPAL,
} from '../../../src/index.js';
import { directory, users } from '../../helpers.js';
import { postponedV1 } from './fixtures.js';
import { migratingV1 } from './message-v2.js';

describe('the definition.migrate history line', () => {
  const s = postponedV1();
  const up = migratingV1.upgrade(s);
  if (!up.ok) throw new Error(up.error.message);
  const record = definitionMigrateRecord(
    { id: s.context.id, status: 'postponed' },
    up.snapshot,
    migratingV1.statusOf(up.snapshot),
    '2025-06-01T00:00:00.000Z',
    up.from,
  );

  it('says from which version to which, by the system, the status kept', () => {
    expect(record).toEqual({
      messageId: s.context.id,
      type: 'definition.migrate',
      at: '2025-06-01T00:00:00.000Z',
      by: { id: SYSTEM_PRINCIPAL.id, name: SYSTEM_PRINCIPAL.name },
      fromStatus: 'postponed',
      toStatus: 'postponed',
      holdingOrgId: s.context.holdingOrgId,
      payload: { from: 1, to: 2 },
    });
  });

  it('is shown to officials and the system only', () => {
    const sees = (p: Principal | null) =>
      historyLineFor(messageViewerOf(p, s.context, directory), record, directory) !== null;
    expect(sees(users.coordinatorRoads)).toBe(true);
    expect(sees(users.executorRoads)).toBe(true);
    expect(sees(SYSTEM_PRINCIPAL)).toBe(true);
    expect(sees(users.applicant)).toBe(false);
    expect(sees(users.operator)).toBe(false);
    expect(sees(null)).toBe(false);
  });
});
