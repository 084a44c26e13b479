import fc from 'fast-check';
import type { Directory } from '../notifications/directory.js';
import { type Principal, roles } from '../schemas/principal.js';

/** Everyone the directory knows, plus strangers with random roles in random organisations. */
export function principalArbitrary(directory: Directory): fc.Arbitrary<Principal> {
  const orgIds = directory.organisations.map((o) => o.id);
  const stranger = fc.record({
    id: fc.constantFrom('stranger-1', 'stranger-2', ...directory.users.map((u) => u.id)),
    roles: fc.array(
      fc.record({
        role: fc.constantFrom(...roles),
        orgId: fc.option(fc.constantFrom(...orgIds), { nil: undefined }),
      }),
      { maxLength: 3 },
    ),
  });
  const known = directory.users.length > 0 ? [fc.constantFrom(...directory.users)] : [];
  return fc.oneof(
    { arbitrary: stranger, weight: 1 },
    ...known.map((a) => ({ arbitrary: a, weight: 4 })),
  );
}
