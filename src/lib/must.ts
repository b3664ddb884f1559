/**
 * `value`, where an invariant says it is there: the honest stand-in for a non-null assertion.
 * When the invariant is broken after all, an Error names it instead of `undefined` travelling on.
 */
export function must<T>(value: T | null | undefined, invariant: string): T {
  if (value === undefined || value === null) throw new Error(`Invariant broken: ${invariant}`);
  return value;
}
