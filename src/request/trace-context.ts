import { randomBytes } from 'node:crypto';

/**
 * W3C Trace Context (https://www.w3.org/TR/trace-context/): the gateway's `traceparent` is continued,
 * or a trace is started, so that the gateway's traces, this service's log lines and the providers'
 * requests share one trace id. Each provider call is a child: same trace id, its own parent id.
 */
export interface TraceContext {
  readonly traceId: string;
  /** This request's span id within the trace. */
  readonly spanId: string;
  readonly flags: string;
  /** The vendor state, passed on as received (at most 512 characters, as the spec lets us cut it). */
  readonly tracestate?: string;
}

/** version 00; all-zero trace or parent ids are invalid (spec §3.2.2.3, §3.2.2.4). */
const TRACEPARENT = /^00-(?!0{32})([0-9a-f]{32})-(?!0{16})[0-9a-f]{16}-([0-9a-f]{2})$/;
const TRACESTATE = /^[\x20-\x7e]{1,512}$/;

const newId = (bytes: number) => randomBytes(bytes).toString('hex');

export function traceContextFrom(traceparent: string | undefined, tracestate: string | undefined): TraceContext {
  const match = traceparent ? TRACEPARENT.exec(traceparent.trim()) : null;
  const state = tracestate && TRACESTATE.test(tracestate) ? { tracestate } : {};
  if (!match) return { traceId: newId(16), spanId: newId(8), flags: '00' };
  return { traceId: match[1]!, spanId: newId(8), flags: match[2]!, ...state };
}

/** The headers a provider call sends: a child of this request's span. */
export function childTraceHeaders(trace: TraceContext): Record<string, string> {
  return { traceparent: `00-${trace.traceId}-${newId(8)}-${trace.flags}`, ...(trace.tracestate ? { tracestate: trace.tracestate } : {}) };
}
