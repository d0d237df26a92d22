import { randomFillSync } from 'node:crypto';

/**
 * A place in a W3C Trace Context (https://www.w3.org/TR/trace-context/) trace: the gateway's
 * `traceparent` is continued, or a trace is started, so that the gateway's traces, this service's log
 * lines and the providers' requests share one trace id.
 */
export interface TraceContext {
  readonly traceId: string;
  /** The span this context names: a span of this service, or the gateway's when `remote`. */
  readonly spanId: string;
  /** trace-flags as two hex digits; `01` is sampled. */
  readonly flags: string;
  /** The vendor state, passed on as received (at most 512 characters, as the spec lets us cut it). */
  readonly tracestate?: string;
  /** Received from the caller (its span), rather than one of this service's. */
  readonly remote?: boolean;
}

/** version 00; all-zero trace or parent ids are invalid (spec §3.2.2.3, §3.2.2.4). */
const TRACEPARENT = /^00-(?!0{32})([0-9a-f]{32})-(?!0{16})([0-9a-f]{16})-([0-9a-f]{2})$/;
const TRACESTATE = /^[\x20-\x7e]{1,512}$/;

/** The caller's span from its headers, or undefined when it sent none we can continue. */
export function parseTraceparent(traceparent: string | undefined, tracestate: string | undefined): TraceContext | undefined {
  const match = traceparent ? TRACEPARENT.exec(traceparent.trim()) : null;
  if (!match) return undefined;
  const state = tracestate && TRACESTATE.test(tracestate) ? { tracestate } : {};
  return { traceId: match[1]!, spanId: match[2]!, flags: match[3]!, remote: true, ...state };
}

/** The headers a call made within `trace`'s span sends, so that the callee's spans are its children. */
export function traceHeaders(trace: TraceContext): Record<string, string> {
  const traceparent = `00-${trace.traceId}-${trace.spanId}-${trace.flags}`;
  return trace.tracestate ? { traceparent, tracestate: trace.tracestate } : { traceparent };
}

/**
 * Random ids from a pool filled a few kilobytes at a time: one `randomFillSync` per 256 spans rather
 * than one per span, since an id is made on every request even with tracing off.
 */
const pool = Buffer.alloc(4096);
let poolOffset = pool.length;

function randomHex(bytes: number): string {
  if (poolOffset + bytes > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const id = pool.toString('hex', poolOffset, poolOffset + bytes);
  poolOffset += bytes;
  return id;
}

export const newTraceId = (): string => randomHex(16);
export const newSpanId = (): string => randomHex(8);
