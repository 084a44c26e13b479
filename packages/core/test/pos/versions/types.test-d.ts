import { describe, expectTypeOf, it } from 'vitest';
import {
  createMemoryStore,
  type DefinedMessageWorkflow,
  type HistoryRecord,
  type MessageStore,
  type MessageWorkflow,
  type OlderDefinition,
  posWorkflow,
} from '../../../src/index.js';
import { directory } from '../../helpers.js';

describe('definition version types', () => {
  it('makes posWorkflow a defined workflow every store accepts', () => {
    expectTypeOf(posWorkflow).toEqualTypeOf<DefinedMessageWorkflow>();
    expectTypeOf(posWorkflow).toExtend<MessageWorkflow>();
    expectTypeOf(createMemoryStore({ directory }).workflow).toEqualTypeOf<MessageWorkflow>();
    expectTypeOf<MessageStore['workflow']>().toEqualTypeOf<MessageWorkflow | undefined>();
  });

  it('tells the older policies apart by policy', () => {
    expectTypeOf<Extract<OlderDefinition, { policy: 'migrate' }>['version']>().toBeNumber();
    expectTypeOf<Extract<OlderDefinition, { policy: 'keep' }>>().toHaveProperty('definition');
    expectTypeOf<'definition.migrate'>().toExtend<HistoryRecord['type']>();
  });
});
