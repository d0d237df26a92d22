/**
 * Undefined for an object whose properties are all undefined, so clients never receive a hollow
 * object such as `processor: {}` when the provider sent nothing for it.
 */
export function nonEmpty<T extends object>(value: T): T | undefined {
  return Object.values(value).some((property) => property !== undefined) ? value : undefined;
}
