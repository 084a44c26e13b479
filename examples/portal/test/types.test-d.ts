import type { CaseStore, MessageStore } from '@reshaem/core';
import { describe, expectTypeOf, it } from 'vitest';
import type { PortalDatabase } from '../src/database.js';
import { deliver } from '../src/worker/mailer.js';

describe('the portal’s types', () => {
  it('opens a store that keeps both messages and ОНФ cards', () => {
    expectTypeOf<PortalDatabase['store']>().toMatchTypeOf<MessageStore & CaseStore>();
  });

  it('delivers outbox entries of both workflows', () => {
    expectTypeOf(deliver).parameter(1).toHaveProperty('workflow').toEqualTypeOf<'pos' | 'onf'>();
  });
});
