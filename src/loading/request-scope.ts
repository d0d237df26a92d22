/**
 * Values computed at most once per GraphQL request and shared by every provider call it makes —
 * e.g. Gr4vy's signed bearer token. Never shared across requests: one scope per loader set.
 */
export class RequestScope {
  readonly #values = new Map<string, Promise<unknown>>();

  once<T>(key: string, create: () => Promise<T>): Promise<T> {
    let value = this.#values.get(key) as Promise<T> | undefined;
    if (!value) {
      value = create();
      this.#values.set(key, value);
      // A failed computation is not kept: the next call tries again.
      value.catch(() => this.#values.delete(key));
    }
    return value;
  }
}
