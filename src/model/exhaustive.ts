/**
 * Compile-time exhaustiveness, the one helper for every switch over a closed set (statuses, error
 * codes, faults): a new member makes each switch that forgot it fail the typecheck, and a value
 * that slips past the types at run time fails loudly here.
 */
export function assertNever(value: never): never {
  throw new TypeError(`Unhandled value: ${String(value)}`);
}
