/** How long a client may take to send its request to this service. */
export interface HttpLimits {
  /** Headers and body, in all (Node's `server.requestTimeout`). */
  readonly requestTimeoutMs: number;
  readonly headersTimeoutMs: number;
}

/**
 * A request is a small JSON POST: 5 s for its headers and 10 s in all are ample on any network, and a
 * slow-body connection (headers sent, the body trickling or never coming) is closed instead of held
 * for Node's defaults of 60 s and 300 s.
 */
export const DEFAULT_HTTP_LIMITS: HttpLimits = { requestTimeoutMs: 10_000, headersTimeoutMs: 5_000 };
