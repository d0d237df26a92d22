import type { IncomingMessage } from 'node:http';
import { parseTraceparent } from '../request/trace-context.js';

/** The gateway's span, from its `traceparent` and `tracestate`, when it sent them. */
export function callerTrace(headers: IncomingMessage['headers']) {
  const header = (name: string) => {
    const value = headers[name];
    return typeof value === 'string' ? value : undefined;
  };
  return parseTraceparent(header('traceparent'), header('tracestate'));
}
