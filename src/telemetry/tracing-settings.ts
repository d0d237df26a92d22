/**
 * How spans leave the service, when tracing is on: OTLP over HTTP to a collector. Read from the
 * standard variables (https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/)
 * by `src/config`; the SDK reads the rest itself (headers, timeout, sampler, batching, resource attributes).
 */
export interface TracingSettings {
  /** The traces URL, e.g. `http://otel-collector:4318/v1/traces`. */
  readonly endpoint: string;
  readonly protocol: 'http/protobuf' | 'http/json';
  /** `service.name` on every span. */
  readonly serviceName: string;
}
