import {
  type Autorule,
  type AutoruleInput,
  autoruleSchema,
  type MessageSnapshot,
} from '../../../src/index.js';
import { drive, potholeSubmit, start, toCoordination } from '../../helpers.js';

/** A rule of kam-roads that assigns its executor; override anything. */
export function rule(overrides: Partial<AutoruleInput> = {}): Autorule {
  return autoruleSchema.parse({
    id: 'r-assign',
    orgId: 'kam-roads',
    name: 'Ямы — Новикову',
    position: 10,
    action: { kind: 'assign', executorId: 'exec-kam-roads' },
    ...overrides,
  });
}

/** The demo pothole message, accepted by the moderator: in coordination at `orgId`. */
export function arrived(orgId = 'kam-roads', overrides = {}): MessageSnapshot {
  return drive(start(potholeSubmit({ orgId, ...overrides })), toCoordination);
}
