import { Counter, Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { LabelledCounter, LabelledHistogram } from '../../src/metrics/labelled-metrics.js';

const BUCKETS = [0.01, 0.05, 0.1, 1];
const OBSERVATIONS: ReadonlyArray<[{ provider: string; outcome: string }, number]> = [
  [{ provider: 'PRIMER', outcome: 'ok' }, 0.003],
  [{ provider: 'PRIMER', outcome: 'ok' }, 0.01], // on a bound: counted in that bucket (le is "at most")
  [{ provider: 'UCS', outcome: 'error' }, 0.07],
  [{ provider: 'PRIMER', outcome: 'ok' }, 0.5],
  [{ provider: 'PRIMER', outcome: 'ok' }, 7], // above every bound: only +Inf
  [{ provider: 'UCS', outcome: 'error' }, 0],
];

/** The same observations through prom-client's own classes and through ours, each in its own registry. */
function bothRegistries() {
  const theirs = new Registry();
  const ours = new Registry();
  const definition = { name: 'calls_total', help: 'Calls.', labelNames: ['provider', 'outcome'] as const };
  const histogram = { name: 'call_seconds', help: 'Call latency.', labelNames: ['provider', 'outcome'] as const, buckets: BUCKETS };
  return {
    theirs,
    ours,
    counters: [new Counter({ ...definition, labelNames: [...definition.labelNames], registers: [theirs] }), new LabelledCounter({ ...definition, registry: ours })],
    histograms: [new Histogram({ ...histogram, labelNames: [...histogram.labelNames], registers: [theirs] }), new LabelledHistogram({ ...histogram, registry: ours })],
  } as const;
}

describe('LabelledCounter and LabelledHistogram', () => {
  it('expose exactly what prom-client exposes for the same calls: /metrics does not change', async () => {
    const { theirs, ours, counters, histograms } = bothRegistries();
    for (const [labels, value] of OBSERVATIONS) {
      for (const counter of counters) counter.inc(labels);
      for (const histogram of histograms) histogram.observe(labels, value);
    }
    for (const counter of counters) counter.inc({ provider: 'GR4VY', outcome: 'ok' }, 2.5);

    const text = await ours.metrics();
    expect(text).toBe(await theirs.metrics());
    // prom-client's JSON also lists an empty exemplar per bucket: exemplars are off, ours has none.
    const withoutExemplars = JSON.parse(JSON.stringify(await theirs.getMetricsAsJSON(), (key, value: unknown) => (key === 'exemplar' ? undefined : value))) as unknown;
    expect(await ours.getMetricsAsJSON()).toEqual(withoutExemplars);
    // Read by hand, so that the comparison above cannot pass by both being wrong.
    expect(text).toContain('calls_total{provider="PRIMER",outcome="ok"} 4\n');
    expect(text).toContain('calls_total{provider="GR4VY",outcome="ok"} 2.5\n');
    expect(text).toContain('call_seconds_bucket{le="0.01",provider="PRIMER",outcome="ok"} 2\n');
    expect(text).toContain('call_seconds_bucket{le="1",provider="PRIMER",outcome="ok"} 3\n');
    expect(text).toContain('call_seconds_bucket{le="+Inf",provider="PRIMER",outcome="ok"} 4\n');
    expect(text).toContain('call_seconds_sum{provider="PRIMER",outcome="ok"} 7.513\n');
    expect(text).toContain('call_seconds_bucket{le="0.05",provider="UCS",outcome="error"} 1\n');
    expect(text).toContain('call_seconds_count{provider="UCS",outcome="error"} 2\n');
  });

  it('show a metric without labels at 0 before anything is recorded, as prom-client does', async () => {
    const theirs = new Registry();
    const ours = new Registry();
    const counters = [new Counter({ name: 'ticks_total', help: 'Ticks.', registers: [theirs] }), new LabelledCounter({ name: 'ticks_total', help: 'Ticks.', labelNames: [], registry: ours })];
    const histograms = [new Histogram({ name: 'wait_seconds', help: 'Waits.', buckets: [1], registers: [theirs] }), new LabelledHistogram({ name: 'wait_seconds', help: 'Waits.', labelNames: [], buckets: [1], registry: ours })];
    expect(await ours.metrics()).toBe(await theirs.metrics());
    expect(await ours.metrics()).toContain('ticks_total 0\n');
    for (const counter of counters) counter.inc({}, 3);
    for (const histogram of histograms) histogram.observe({}, 2);
    expect(await ours.metrics()).toBe(await theirs.metrics());
    expect(await ours.metrics()).toContain('wait_seconds_bucket{le="+Inf"} 1\n');
  });

  it('keeps only its own labels, in the order they were declared, copied when a series is first seen', async () => {
    const registry = new Registry();
    const counter = new LabelledCounter({ name: 'reads_total', help: 'Reads.', labelNames: ['role', 'outcome'], registry });
    const labels = { outcome: 'hit', extra: 'not a label', role: 'led' };
    counter.inc(labels);
    labels.outcome = 'miss';
    counter.inc({ role: 'led', outcome: 'hit' });
    const text = await registry.metrics();
    expect(text).toContain('reads_total{role="led",outcome="hit"} 2\n');
    expect(text).not.toContain('miss');
    expect(text).not.toContain('extra');
  });

  it('refuse what Prometheus would not accept, with one precise message', () => {
    const registry = new Registry();
    const counter = new LabelledCounter({ name: 'ok_total', help: 'Fine.', labelNames: ['outcome'], registry });
    expect(() => { counter.inc({ outcome: 'ok' }, -1); }).toThrow('ok_total: a counter only goes up by a finite amount, not -1');
    expect(() => { counter.inc({ outcome: 'ok' }, Number.NaN); }).toThrow('not NaN');
    const histogram = new LabelledHistogram({ name: 'h_seconds', help: 'H.', labelNames: ['outcome'], buckets: [1, 2], registry });
    expect(() => { histogram.observe({ outcome: 'ok' }, Number.POSITIVE_INFINITY); }).toThrow('h_seconds: not a finite observation: Infinity');
    expect(() => new LabelledCounter({ name: 'bad-name', help: '', labelNames: [], registry })).toThrow('invalid metric name: bad-name');
    expect(() => new LabelledCounter({ name: 'x_total', help: '', labelNames: ['__reserved'], registry })).toThrow('invalid label name for x_total: __reserved');
    expect(() => new LabelledHistogram({ name: 'y', help: '', labelNames: ['le'], buckets: [1], registry })).toThrow("le is the histogram's own label");
    expect(() => new LabelledHistogram({ name: 'z', help: '', labelNames: [], buckets: [2, 1], registry })).toThrow('buckets must be finite and increasing');
    expect(() => new LabelledCounter({ name: 'ok_total', help: 'Twice.', labelNames: [], registry })).toThrow('already been registered');
  });

  it('start again from nothing when the registry resets its metrics', async () => {
    const registry = new Registry();
    const histogram = new LabelledHistogram({ name: 'batch_size', help: 'Keys.', labelNames: ['loader'], buckets: [1, 10], registry });
    histogram.observe({ loader: 'payment' }, 3);
    registry.resetMetrics();
    expect(await registry.metrics()).not.toContain('batch_size_count');
    histogram.observe({ loader: 'payment' }, 1);
    expect(await registry.metrics()).toContain('batch_size_count{loader="payment"} 1\n');
  });
});
