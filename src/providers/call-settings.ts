/**
 * Limits of one provider's calls, HTTP or gRPC: the whole-call budget and the largest answer apply to
 * both; connections, connect, first-byte and body-silence limits are the HTTP pool's (a gRPC channel
 * multiplexes one connection and its deadline covers the whole call).
 */
export interface CallSettings {
  /** Keep-alive connections per provider; at least the loader's per-provider concurrency. */
  readonly connections: number;
  readonly connectTimeoutMs: number;
  /** Time to the response headers (first byte). */
  readonly headersTimeoutMs: number;
  /** Longest silence while the body streams. */
  readonly bodyTimeoutMs: number;
  /** The whole call, from connect to the last body byte. */
  readonly totalTimeoutMs: number;
  /** Larger bodies (or gRPC messages) are refused rather than buffered. */
  readonly maxBodyBytes: number;
}

/**
 * Defaults, each below the next: connect 1 s, first byte 4 s, a body silent for 2 s is stalled, the
 * whole call 5 s — all inside the 8 s request deadline, which stays well under a gateway's usual
 * subgraph timeout (Apollo Router: 30 s), so the subgraph answers before the gateway gives up.
 */
export const DEFAULT_CALL_SETTINGS: CallSettings = {
  connections: 64,
  connectTimeoutMs: 1_000,
  headersTimeoutMs: 4_000,
  bodyTimeoutMs: 2_000,
  totalTimeoutMs: 5_000,
  maxBodyBytes: 1024 * 1024,
};
