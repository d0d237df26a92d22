import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { LabelledCounter, LabelledHistogram } from './labelled-metrics.js';

/** A provider's live state, read when Prometheus scrapes (never stored twice). */
export interface ProviderGauges {
  readonly provider: string;
  /** closed 0, half_open 1, open 2 */
  readonly circuit: 'closed' | 'half_open' | 'open';
  readonly inFlight: number;
  readonly queued: number;
}

/** Operation names are the client's choice: at most this many distinct ones become label values. */
const MAX_OPERATION_NAMES = 100;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const CIRCUIT_VALUES = { closed: 0, half_open: 1, open: 2 } as const;

/**
 * The service's Prometheus metrics (`GET /metrics`), one registry per service so tests and the
 * bench can run several in one process. Every label value is bounded: providers, outcomes, error
 * codes and loaders are closed sets, operation names are capped; ids never become labels.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly #operationNames = new Set<string>();

  readonly graphqlRequests = new LabelledCounter({
    name: 'payments_graphql_requests_total',
    help: 'GraphQL requests by operation name and outcome (ok, partial: data with errors, error).',
    labelNames: ['operation', 'outcome'],
    registry: this.registry,
  });
  readonly graphqlDuration = new LabelledHistogram({
    name: 'payments_graphql_request_duration_seconds',
    help: 'GraphQL request latency, from request start to response.',
    labelNames: ['operation', 'outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 8],
    registry: this.registry,
  });
  readonly providerCalls = new LabelledCounter({
    name: 'payments_provider_calls_total',
    help: 'Provider call attempts by provider, outcome (ok, error) and error code (none when ok).',
    labelNames: ['provider', 'outcome', 'code'],
    registry: this.registry,
  });
  readonly providerDuration = new LabelledHistogram({
    name: 'payments_provider_call_duration_seconds',
    help: 'Provider call attempt latency by provider and outcome.',
    labelNames: ['provider', 'outcome'],
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5],
    registry: this.registry,
  });
  readonly webhooks = new LabelledCounter({
    name: 'payments_webhooks_total',
    help: 'Webhook deliveries by provider and outcome (published, or the refusal: BAD_SIGNATURE, OUTSIDE_TOLERANCE, MALFORMED, REPLAYED, READ_FAILED).',
    labelNames: ['provider', 'outcome'],
    registry: this.registry,
  });
  readonly activeSubscriptions = new Gauge({
    name: 'payments_subscriptions_active',
    help: 'paymentUpdated subscriptions open on this replica.',
    registers: [this.registry],
  });
  readonly sharedStateConnected = new Gauge({
    name: 'payments_shared_state_connected',
    help: 'Whether this replica shares budgets, reads, updates and deliveries with the others right now: 1 (always, in memory), 0 while Redis is unreachable.',
    registers: [this.registry],
  });
  readonly sharedStateFallbacks = new LabelledCounter({
    name: 'payments_shared_state_fallbacks_total',
    help: 'Shared operations done by this replica alone because Redis did not answer, by operation (publish, budget, sharedRead, finalPayments, deliveries).',
    labelNames: ['operation'],
    registry: this.registry,
  });
  readonly sharedReads = new LabelledCounter({
    name: 'payments_shared_reads_total',
    help: 'Reads through Redis by role: led (this replica called the provider), followed (handed another replica\'s result), read_after_waiting (that read failed or ran out of time).',
    labelNames: ['role'],
    registry: this.registry,
  });
  readonly finalPaymentCache = new LabelledCounter({
    name: 'payments_final_payment_cache_total',
    help: 'Lookups of the final-payment cache (FINAL_PAYMENT_CACHE_SECONDS) by outcome: hit or miss.',
    labelNames: ['outcome'],
    registry: this.registry,
  });
  readonly providerRetries = new LabelledCounter({
    name: 'payments_provider_retries_total',
    help: 'Provider calls tried again by the retry policy, by provider and the error code retried.',
    labelNames: ['provider', 'code'],
    registry: this.registry,
  });
  readonly circuitTransitions = new LabelledCounter({
    name: 'payments_circuit_transitions_total',
    help: 'Circuit breaker transitions by provider and the state entered.',
    labelNames: ['provider', 'state'],
    registry: this.registry,
  });
  readonly singleFlightMerges = new LabelledCounter({
    name: 'payments_single_flight_merges_total',
    help: 'Reads that joined a call already in flight for the same payment instead of making their own.',
    labelNames: ['provider'],
    registry: this.registry,
  });
  readonly loaderBatchSize = new LabelledHistogram({
    name: 'payments_loader_batch_size',
    help: 'Keys per DataLoader batch, by loader (payment, transactions).',
    labelNames: ['loader'],
    buckets: [1, 2, 5, 10, 25, 50, 100],
    registry: this.registry,
  });

  constructor(providers: () => readonly ProviderGauges[]) {
    collectDefaultMetrics({ register: this.registry, prefix: 'payments_' });
    const gauge = (name: string, help: string, read: (provider: ProviderGauges) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ['provider'],
        registers: [this.registry],
        collect() {
          for (const provider of providers()) this.set({ provider: provider.provider }, read(provider));
        },
      });
    gauge('payments_circuit_state', 'Circuit breaker state by provider: 0 closed, 1 half open, 2 open.', (provider) => CIRCUIT_VALUES[provider.circuit]);
    gauge('payments_bulkhead_in_flight', 'Provider calls in flight, across all requests.', (provider) => provider.inFlight);
    gauge('payments_bulkhead_queued', 'Provider calls waiting for a slot, across all requests.', (provider) => provider.queued);
  }

  /** The label for a client's operation name: itself while the set of names stays small, else `other`. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (this.#operationNames.has(name)) return name;
    if (this.#operationNames.size >= MAX_OPERATION_NAMES) return 'other';
    this.#operationNames.add(name);
    return name;
  }
}
