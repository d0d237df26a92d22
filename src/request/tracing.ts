import { newSpanId, newTraceId, type TraceContext } from './trace-context.js';

/** OpenTelemetry's span kinds that this service makes: its HTTP request, its own work, its provider calls. */
export type SpanKind = 'server' | 'internal' | 'client';

export type SpanAttributes = Readonly<Record<string, string | number | boolean | undefined>>;

/**
 * One unit of work in the trace. Attributes are chosen by the code that makes the span, never copied
 * from a request or a provider's body, so that no personal data or secret can reach a trace.
 */
export interface Span {
  /** Where this span sits in the trace: what its children and outgoing calls continue. */
  readonly context: TraceContext;
  setAttributes(attributes: SpanAttributes): void;
  updateName(name: string): void;
  /** The span's work failed, with the service's error code (never a message). */
  fail(code: string): void;
  end(): void;
}

/**
 * Makes spans. The request layer holds only this interface: the OpenTelemetry SDK sits behind it
 * (src/telemetry), and without it (`UNTRACED`) the W3C ids are still made and propagated.
 */
export interface Tracer {
  /** Whether spans are recorded and exported; false means the ids alone. */
  readonly recording: boolean;
  start(name: string, kind: SpanKind, parent: TraceContext | undefined, attributes?: SpanAttributes): Span;
  /** Sends what is still buffered and stops. */
  shutdown(): Promise<void>;
}

const ignore = (): void => undefined;

/** A span that records nothing: only its place in the trace. */
function idOnlySpan(context: TraceContext): Span {
  return { context, setAttributes: ignore, updateName: ignore, fail: ignore, end: ignore };
}

/**
 * Tracing off (the default): no span is recorded, but the trace still continues. The request gets its
 * own span id (log lines carry it) and each provider call a child id (its `traceparent`), so that the
 * gateway's trace, the logs and the providers' logs still join. Internal spans would name nothing
 * anyone can see, so they keep their parent's context and cost no id.
 */
export const UNTRACED: Tracer = {
  recording: false,
  start(_name, kind, parent) {
    if (kind === 'internal' && parent) return idOnlySpan(parent);
    const { tracestate } = parent ?? {};
    return idOnlySpan({
      traceId: parent?.traceId ?? newTraceId(),
      spanId: newSpanId(),
      flags: parent?.flags ?? '00',
      ...(tracestate ? { tracestate } : {}),
    });
  },
  shutdown: () => Promise.resolve(),
};
