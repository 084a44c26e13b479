/** An invariant of the workflow that did not hold, with what broke it. */
export class InvariantViolation extends Error {
  override readonly name = 'InvariantViolation';
}
