import { Pool } from 'undici';
import type { RequestScope } from '../../request/request-scope.js';
import type { SpanAttributes } from '../../request/tracing.js';
import { traceHeaders } from '../../request/trace-context.js';
import { ErrorCode } from '../../errors/codes.js';
import { lookupError, PaymentLookupError } from '../../errors/payment-lookup-error.js';
import type { Provider } from '../../model/provider.js';
import { BufferedResponse, type BufferedExchange } from './buffered-response.js';
import type { CallSettings } from '../call-settings.js';

/** A provider's answer; the body is text, already capped at `maxBodyBytes`. */
export type HttpResponse = BufferedExchange;

/**
 * A keep-alive undici pool for one provider's origin. Every failure leaves as a
 * `PaymentLookupError` with a stable code; the provider's body never appears in its message.
 */
export class JsonHttpClient {
  readonly #pool: Pool;
  readonly #basePath: string;
  /** OpenTelemetry's HTTP client attributes (no path: it holds the payment id). */
  readonly #spanAttributes: SpanAttributes;

  constructor(
    readonly provider: Provider,
    baseUrl: string,
    private readonly settings: CallSettings,
  ) {
    const url = new URL(baseUrl);
    this.#basePath = url.pathname.replace(/\/+$/, '');
    this.#spanAttributes = {
      'http.request.method': 'GET',
      'server.address': url.hostname,
      'server.port': Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
      'payments.provider': provider,
    };
    this.#pool = new Pool(url.origin, {
      connections: settings.connections,
      connectTimeout: settings.connectTimeoutMs,
      headersTimeout: settings.headersTimeoutMs,
      bodyTimeout: settings.bodyTimeoutMs,
    });
  }

  /**
   * GET `path` (already encoded, see `encodePathSegment`) below the base URL. The whole call is
   * bounded by `totalTimeoutMs`; the request scope cancels it early when the client has gone away.
   */
  async get(path: string, headers: Record<string, string>, scope: RequestScope): Promise<HttpResponse> {
    if (scope.cancelled) throw lookupError(ErrorCode.REQUEST_CANCELLED, this.provider);
    // The call's budget: its own limit, cut to what is left of the request's deadline.
    const budgetMs = Math.min(this.settings.totalTimeoutMs, scope.remainingMs());
    if (budgetMs <= 0) throw lookupError(ErrorCode.PROVIDER_TIMEOUT, this.provider, { detail: 'the request deadline has passed', endedByRequest: true });
    // When the request's deadline, not the call's own limit, sets the budget, running out is the request's doing.
    const deadlineBound = budgetMs < this.settings.totalTimeoutMs;
    const { maxBodyBytes } = this.settings;
    const response = new BufferedResponse(maxBodyBytes, () =>
      lookupError(ErrorCode.PROVIDER_BAD_RESPONSE, this.provider, { detail: `the response body is larger than ${String(maxBodyBytes)} bytes` }),
    );
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      response.abort(new Error(`no complete answer within ${String(budgetMs)} ms`));
    }, budgetMs);
    const unsubscribe = scope.onCancel(() => {
      response.abort(new Error('the GraphQL request was cancelled'));
    });
    // One client span per attempt (semantic conventions for HTTP client spans:
    // https://opentelemetry.io/docs/specs/semconv/http/http-spans/#http-client); the provider sees it as its parent.
    const span = scope.tracer.start('GET', 'client', scope.trace, this.#spanAttributes);
    try {
      const sent = { accept: 'application/json', 'x-request-id': scope.requestId, ...traceHeaders(span.context), ...headers };
      this.#pool.dispatch({ method: 'GET', path: `${this.#basePath}${path}`, headers: sent }, response);
      const answer = await response.settled;
      span.setAttributes({ 'http.response.status_code': answer.status });
      if (answer.status >= 400) span.fail(String(answer.status));
      return answer;
    } catch (error) {
      const failure = transportError(this.provider, error, { timedOut, cancelled: scope.cancelled, deadlineBound });
      span.fail(failure.code);
      throw failure;
    } finally {
      clearTimeout(timer);
      unsubscribe();
      span.end();
    }
  }

  async close(): Promise<void> {
    await this.#pool.close();
  }
}

/** Encodes an id as one path segment, so no id can change which URL is called. */
export function encodePathSegment(id: string): string {
  return encodeURIComponent(id);
}

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** Maps a thrown transport error (not an HTTP status) to the error contract. */
function transportError(provider: Provider, error: unknown, why: { timedOut: boolean; cancelled: boolean; deadlineBound: boolean }) {
  if (error instanceof PaymentLookupError) return error;
  // The GraphQL request this call served has ended (client gone): nobody will read the result.
  if (why.cancelled && !why.timedOut) return lookupError(ErrorCode.REQUEST_CANCELLED, provider, { cause: error });
  const code = errorCode(error);
  const isTimeout = why.timedOut || (code !== undefined && TIMEOUT_CODES.has(code));
  if (isTimeout) return lookupError(ErrorCode.PROVIDER_TIMEOUT, provider, { cause: error, endedByRequest: why.timedOut && why.deadlineBound });
  return lookupError(ErrorCode.PROVIDER_UNAVAILABLE, provider, {
    detail: code ? `connection failed (${code})` : 'connection failed',
    cause: error,
  });
}

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return undefined;
}
