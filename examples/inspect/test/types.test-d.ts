import type { MessageStatus } from '@reshaem/core';
import { describe, expectTypeOf, it } from 'vitest';
import { playScenario } from '../src/play.js';

describe('the inspector script’s types', () => {
  it('reports the statuses each scripted message went through', () => {
    expectTypeOf(playScenario).returns.resolves.toEqualTypeOf<MessageStatus[][]>();
  });
});
