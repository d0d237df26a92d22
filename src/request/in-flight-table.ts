/**
 * A string-keyed table for entries that come and go with requests (a call in flight, the reads
 * waiting for another replica), kept in a null-prototype object rather than a `Map`.
 *
 * Why not a Map: when V8 rehashes a Map's table (it grows, or its deleted entries pile up), the
 * old table keeps its entries and a link to the new one, so that iterators still open on it can
 * follow (https://github.com/v8/v8/blob/main/src/objects/ordered-hash-table.h). A long-lived Map
 * with an insert and a delete per request leaves a chain of dead tables, each holding the requests
 * that were in flight when it was replaced; once one of them reaches the old generation, the
 * scavenger keeps every later one alive through it and promotes them, requests and all, until the
 * next full collection. With single-flight's table as a Map the subgraph promoted 2.5-5.4 kB per
 * request under (a)'s load and ran 3-6 major collections per 10,000 requests; with this table,
 * 0.8 kB and 1 (`npm run bench:gc`, README "Benchmarks").
 */
export class InFlightTable<Entry> {
  readonly #entries: Record<string, Entry | undefined> = Object.create(null) as Record<string, Entry | undefined>;
  #size = 0;

  get size(): number {
    return this.#size;
  }

  get(key: string): Entry | undefined {
    return this.#entries[key];
  }

  set(key: string, entry: Entry): void {
    if (this.#entries[key] === undefined) this.#size += 1;
    this.#entries[key] = entry;
  }

  delete(key: string): void {
    if (this.#entries[key] === undefined) return;
    this.#size -= 1;
    Reflect.deleteProperty(this.#entries, key);
  }

  values(): Entry[] {
    return Object.values(this.#entries).filter((entry): entry is Entry => entry !== undefined);
  }
}
