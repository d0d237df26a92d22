/** Connection and timeout settings for one provider's HTTP pool. */
export interface HttpSettings {
  /** Keep-alive connections per provider; at least the loader's per-provider concurrency. */
  readonly connections: number;
  readonly connectTimeoutMs: number;
  /** Time to the response headers (first byte). */
  readonly headersTimeoutMs: number;
  /** Longest silence while the body streams. */
  readonly bodyTimeoutMs: number;
  /** The whole call, from connect to the last body byte. */
  readonly totalTimeoutMs: number;
  /** Larger bodies are refused as PROVIDER_BAD_RESPONSE rather than buffered. */
  readonly maxBodyBytes: number;
}

export const DEFAULT_HTTP_SETTINGS: HttpSettings = {
  connections: 64,
  connectTimeoutMs: 2_000,
  headersTimeoutMs: 8_000,
  bodyTimeoutMs: 5_000,
  totalTimeoutMs: 10_000,
  maxBodyBytes: 1024 * 1024,
};
