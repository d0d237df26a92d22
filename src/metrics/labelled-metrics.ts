import type { Metric, Registry } from 'prom-client';

/** One value per label name: the label set of one time series. */
export type LabelSet<Name extends string> = Readonly<Record<Name, string>>;

/** A sample as prom-client's registry formats it: `metricName{labels,sharedLabels} value`. */
interface Sample {
  readonly value: number;
  readonly labels: Readonly<Record<string, string | number>>;
  readonly sharedLabels?: Readonly<Record<string, string>>;
  readonly metricName?: string;
}

interface Exported {
  readonly name: string;
  readonly help: string;
  readonly type: 'counter' | 'histogram';
  readonly aggregator: 'sum';
  readonly values: Sample[];
}

interface Definition<Name extends string> {
  readonly name: string;
  readonly help: string;
  readonly labelNames: readonly Name[];
  readonly registry: Registry;
}

/** One series of a metric: its labels and what was recorded under them. */
interface Series<Name extends string, Cell> {
  readonly labels: LabelSet<Name>;
  readonly cell: Cell;
}

/** A level of a metric's index: the series (last label) or the next level, by one label's value. */
type Level<Name extends string, Cell> = Map<string, Level<Name, Cell> | Series<Name, Cell>>;

// https://prometheus.io/docs/concepts/data_model/#metric-names-and-labels
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/**
 * The time series of one metric, one cell per label set, in the order they were first seen (the
 * order prom-client exposes too). Why not prom-client's own Counter and Histogram: they validate and
 * hash the label object on every `inc`/`observe`, and a histogram finds its bucket through an object
 * keyed by the bound's decimal text, converting the float to a string each time: 0.3-0.5 µs per call,
 * and every provider call records two of them, every request three more. Here a call finds its cell
 * by one Map lookup per label value, and its bucket by comparing numbers.
 * The registry still formats and serves them, with prom-client's own metrics (`/metrics` unchanged).
 */
abstract class LabelledMetric<Name extends string, Cell> {
  readonly name: string;
  readonly help: string;
  readonly aggregator = 'sum' as const;
  readonly #labelNames: readonly Name[];
  /** Every series, in the order first seen: what `/metrics` lists. */
  readonly #series: Array<Series<Name, Cell>> = [];
  /** The same series found by their label values, one level per label name, in declared order. */
  #index: Level<Name, Cell> = new Map();
  /** The one series of a metric declared without labels. */
  #unlabelled: Series<Name, Cell> | undefined;

  constructor(definition: Definition<Name>) {
    if (!METRIC_NAME.test(definition.name)) throw new Error(`invalid metric name: ${definition.name}`);
    for (const label of definition.labelNames) {
      if (!LABEL_NAME.test(label) || label.startsWith('__')) throw new Error(`invalid label name for ${definition.name}: ${label}`);
    }
    this.name = definition.name;
    this.help = definition.help;
    this.#labelNames = definition.labelNames;
    // The registry reads only what prom-client's own metrics offer it: name, help, type, get() and
    // getForPromString(). Its `Metric` type names prom-client's four classes, hence the cast.
    definition.registry.registerMetric(this as unknown as Metric);
  }

  protected abstract newCell(): Cell;
  protected abstract samples(labels: LabelSet<Name>, cell: Cell): Iterable<Sample>;
  abstract readonly type: Exported['type'];

  /** The cell of one label set, made on first use: one Map lookup per label value, no key string built per call. */
  protected cellOf(labels: LabelSet<Name>): Cell {
    const names = this.#labelNames;
    if (names.length === 0) return (this.#unlabelled ??= this.#newSeries(labels)).cell;
    let level = this.#index;
    const last = names.length - 1;
    for (let i = 0; i < last; i += 1) {
      const value = labels[names[i]!];
      // Below the last label every entry is a level, by construction.
      let next = level.get(value) as Level<Name, Cell> | undefined;
      if (!next) level.set(value, (next = new Map()));
      level = next;
    }
    const value = labels[names[last]!];
    let series = level.get(value) as Series<Name, Cell> | undefined;
    if (!series) level.set(value, (series = this.#newSeries(labels)));
    return series.cell;
  }

  #newSeries(labels: LabelSet<Name>): Series<Name, Cell> {
    const series = { labels: this.#ownLabels(labels), cell: this.newCell() };
    this.#series.push(series);
    return series;
  }

  /** A copy holding only this metric's labels: the caller's object may carry more, or change later. */
  #ownLabels(labels: LabelSet<Name>): LabelSet<Name> {
    const own = {} as Record<Name, string>;
    for (const name of this.#labelNames) own[name] = labels[name];
    return own;
  }

  /** What prom-client's registry formats for `/metrics`. */
  getForPromString(): Promise<Exported> {
    // As prom-client does, a metric without labels shows its one series from the start, at 0.
    if (this.#labelNames.length === 0) this.cellOf({} as LabelSet<Name>);
    const values: Sample[] = [];
    for (const { labels, cell } of this.#series) values.push(...this.samples(labels, cell));
    return Promise.resolve({ name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values });
  }

  /** The registry's JSON form (`getMetricsAsJSON`): the same samples with their labels in one object. */
  async get(): Promise<Exported> {
    const exported = await this.getForPromString();
    return { ...exported, values: exported.values.map(({ labels, sharedLabels, ...rest }) => ({ ...rest, labels: { ...labels, ...sharedLabels } })) };
  }

  reset(): void {
    this.#series.length = 0;
    this.#index = new Map();
    this.#unlabelled = undefined;
  }
}

/** A Prometheus counter with labels. */
export class LabelledCounter<Name extends string> extends LabelledMetric<Name, { value: number }> {
  readonly type = 'counter' as const;

  inc(labels: LabelSet<Name>, value = 1): void {
    if (!(value >= 0) || !Number.isFinite(value)) throw new RangeError(`${this.name}: a counter only goes up by a finite amount, not ${String(value)}`);
    this.cellOf(labels).value += value;
  }

  protected newCell() {
    return { value: 0 };
  }

  protected *samples(labels: LabelSet<Name>, cell: { value: number }): Iterable<Sample> {
    yield { labels, value: cell.value };
  }
}

interface HistogramCell {
  /** Observations per bucket, not cumulative; the last one counts those above every bound. */
  readonly counts: Float64Array;
  sum: number;
  count: number;
}

/** A Prometheus histogram with labels, exposed as prom-client exposes one (`_bucket` with `le`, `_sum`, `_count`). */
export class LabelledHistogram<Name extends string> extends LabelledMetric<Name, HistogramCell> {
  readonly type = 'histogram' as const;
  readonly #bounds: readonly number[];

  constructor(definition: Definition<Name> & { readonly buckets: readonly number[] }) {
    if ((definition.labelNames as readonly string[]).includes('le')) throw new Error(`${definition.name}: le is the histogram's own label`);
    if (definition.buckets.some((bound, i) => !Number.isFinite(bound) || (i > 0 && bound <= definition.buckets[i - 1]!))) {
      throw new Error(`${definition.name}: buckets must be finite and increasing`);
    }
    super(definition);
    this.#bounds = [...definition.buckets];
  }

  observe(labels: LabelSet<Name>, value: number): void {
    if (!Number.isFinite(value)) throw new RangeError(`${this.name}: not a finite observation: ${String(value)}`);
    const cell = this.cellOf(labels);
    let bucket = 0;
    while (bucket < this.#bounds.length && value > this.#bounds[bucket]!) bucket += 1;
    cell.counts[bucket]! += 1;
    cell.sum += value;
    cell.count += 1;
  }

  protected newCell(): HistogramCell {
    return { counts: new Float64Array(this.#bounds.length + 1), sum: 0, count: 0 };
  }

  protected *samples(labels: LabelSet<Name>, cell: HistogramCell): Iterable<Sample> {
    const bucket = `${this.name}_bucket`;
    let cumulative = 0;
    for (const [i, bound] of this.#bounds.entries()) {
      cumulative += cell.counts[i]!;
      yield { labels: { le: bound }, sharedLabels: labels, value: cumulative, metricName: bucket };
    }
    yield { labels: { le: '+Inf' }, sharedLabels: labels, value: cell.count, metricName: bucket };
    yield { labels: {}, sharedLabels: labels, value: cell.sum, metricName: `${this.name}_sum` };
    yield { labels: {}, sharedLabels: labels, value: cell.count, metricName: `${this.name}_count` };
  }
}
