import { ROOT_CONTEXT, SpanKind as OtelSpanKind, SpanStatusCode, trace, type Attributes, type Context, type Span as OtelSpan, type Tracer as SdkTracer } from '@opentelemetry/api';
import { TraceState } from '@opentelemetry/core';
import { OTLPTraceExporter as OtlpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OtlpProtobufExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { TraceContext } from '../request/trace-context.js';
import type { Span, SpanAttributes, SpanKind, Tracer } from '../request/tracing.js';
import type { TracingSettings } from './tracing-settings.js';

const KINDS: Readonly<Record<SpanKind, OtelSpanKind>> = {
  server: OtelSpanKind.SERVER,
  internal: OtelSpanKind.INTERNAL,
  client: OtelSpanKind.CLIENT,
};

/**
 * The OpenTelemetry SDK behind the service's `Tracer`: spans batched and sent over OTLP/HTTP. The
 * parent is always passed explicitly (no context manager, no async hooks): the request scope already
 * carries it to every call.
 */
export function createOtelTracer(settings: TracingSettings): Tracer {
  const exporter = settings.protocol === 'http/json' ? new OtlpJsonExporter({ url: settings.endpoint }) : new OtlpProtobufExporter({ url: settings.endpoint });
  const provider = new BasicTracerProvider({
    // OTEL_RESOURCE_ATTRIBUTES (deployment.environment, k8s.pod.name from the downward API …) on top of our name.
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: settings.serviceName }).merge(detectResources({ detectors: [envDetector] })),
    // OTEL_BSP_* set the batching; OTEL_TRACES_SAMPLER the sampling (parent-based, always on, by default).
    spanProcessors: [new BatchSpanProcessor(exporter)],
  });
  return new OpenTelemetryTracer(provider.getTracer('payments-subgraph'), () => shutdownWithin(provider, SHUTDOWN_FLUSH_MS));
}

/**
 * How long shutdown waits for the last spans to reach the collector. The exporter's own timeout is
 * 10 s (OTEL_EXPORTER_OTLP_TIMEOUT); a collector that has gone silent must not hold the pod past its
 * grace period, which the readiness delay and the drain already use (README "Kubernetes").
 */
const SHUTDOWN_FLUSH_MS = 2_000;

async function shutdownWithin(provider: BasicTracerProvider, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
    timer.unref();
  });
  // A failed export is the collector's problem, not the shutdown's: the spans are lost either way.
  await Promise.race([provider.shutdown().catch(() => undefined), gaveUp]);
  clearTimeout(timer);
}

/**
 * The OpenTelemetry parent context of each TraceContext used as a parent, built on first use (most
 * spans, the provider calls, never have children) and then kept, so that siblings do not rebuild it.
 */
const parents = new WeakMap<TraceContext, Context>();

class OpenTelemetryTracer implements Tracer {
  readonly recording = true;

  constructor(
    private readonly tracer: SdkTracer,
    readonly shutdown: () => Promise<void>,
  ) {}

  start(name: string, kind: SpanKind, parent: TraceContext | undefined, attributes: SpanAttributes = {}): Span {
    const span = this.tracer.startSpan(name, { kind: KINDS[kind], attributes: defined(attributes) }, parent ? parentContext(parent) : ROOT_CONTEXT);
    const { traceId, spanId, traceFlags, traceState } = span.spanContext();
    const state = traceState?.serialize();
    const context: TraceContext = { traceId, spanId, flags: traceFlags.toString(16).padStart(2, '0'), ...(state ? { tracestate: state } : {}) };
    return new RecordedSpan(span, context);
  }
}

function parentContext(parent: TraceContext): Context {
  const known = parents.get(parent);
  if (known) return known;
  const context = trace.setSpanContext(ROOT_CONTEXT, {
    traceId: parent.traceId,
    spanId: parent.spanId,
    traceFlags: Number.parseInt(parent.flags, 16),
    isRemote: parent.remote === true,
    ...(parent.tracestate ? { traceState: new TraceState(parent.tracestate) } : {}),
  });
  parents.set(parent, context);
  return context;
}

class RecordedSpan implements Span {
  constructor(
    private readonly span: OtelSpan,
    readonly context: TraceContext,
  ) {}

  setAttributes(attributes: SpanAttributes): void {
    this.span.setAttributes(defined(attributes));
  }

  updateName(name: string): void {
    this.span.updateName(name);
  }

  fail(code: string): void {
    // error.type is the semantic conventions' low-cardinality failure class; the code is exactly that.
    this.span.setAttribute('error.type', code);
    this.span.setStatus({ code: SpanStatusCode.ERROR, message: code });
  }

  end(): void {
    this.span.end();
  }
}

/** OpenTelemetry refuses undefined attribute values (with a warning each); ours leave them out. */
function defined(attributes: SpanAttributes): Attributes {
  const kept: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) if (value !== undefined) kept[key] = value;
  return kept;
}
