import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { configVariables, loadConfig } from '../../src/config/app-config.js';
import { ConfigError } from '../../src/env/env-helpers.js';
import { gr4vyModule } from '../../src/providers/gr4vy/index.js';

const p521Pem = gr4vyModule.simulatedCredentials()['GR4VY_PRIVATE_KEY'] ?? '';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('tracing configuration (the standard OTEL_* variables)', () => {
  it('is off by default, even in production: no collector is assumed', () => {
    expect(loadConfig({}).tracing).toBeUndefined();
    expect(loadConfig({ NODE_ENV: 'production' }).tracing).toBeUndefined();
  });

  it('turns on with an OTLP endpoint, sending to its /v1/traces as protobuf', () => {
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).tracing).toEqual({
      endpoint: 'http://collector:4318/v1/traces',
      protocol: 'http/protobuf',
      serviceName: 'payments-subgraph',
    });
  });

  it('takes the traces endpoint as is, the traces protocol over the general one, and the service name', () => {
    const config = loadConfig({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://general:4318',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://traces.example/otlp',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
      OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json',
      OTEL_SERVICE_NAME: 'payments-eu',
    });
    expect(config.tracing).toEqual({ endpoint: 'https://traces.example/otlp', protocol: 'http/json', serviceName: 'payments-eu' });
  });

  it('turns on with OTEL_TRACES_EXPORTER=otlp alone, to the spec\'s default collector address', () => {
    expect(loadConfig({ OTEL_TRACES_EXPORTER: 'otlp' }).tracing?.endpoint).toBe('http://localhost:4318/v1/traces');
  });

  it('stays off for OTEL_TRACES_EXPORTER=none or OTEL_SDK_DISABLED=true, whatever else is set', () => {
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_TRACES_EXPORTER: 'none' }).tracing).toBeUndefined();
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'TRUE' }).tracing).toBeUndefined();
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'false' }).tracing).toBeDefined();
  });

  it('refuses what it cannot do, by variable: gRPC OTLP, other exporters, a URL that is not one', () => {
    const problems = problemsOf({ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc', OTEL_TRACES_EXPORTER: 'zipkin', OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4317' });
    expect(problems).toEqual([
      expect.stringMatching(/^OTEL_TRACES_EXPORTER: must be otlp or none/),
      expect.stringMatching(/^OTEL_EXPORTER_OTLP_ENDPOINT: must be an http\(s\) URL/),
      expect.stringMatching(/^OTEL_EXPORTER_OTLP_PROTOCOL: must be http\/protobuf or http\/json .*4318/),
    ]);
  });
});

describe('configuration', () => {
  it('defaults to the embedded simulators on port 4001 outside production', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 4001, maxRefs: 100, maxConcurrencyPerProvider: 50, simulateUnconfigured: true });
    expect(config.liveProviders).toEqual({});
  });

  it('reads the timeout budget, per-provider overrides, retry and breaker settings', () => {
    const config = loadConfig({
      REQUEST_DEADLINE_MS: '6000',
      PROVIDER_BODY_TIMEOUT_MS: '1500',
      GR4VY_TIMEOUT_MS: '2500',
      UCS_CONNECT_TIMEOUT_MS: '300',
      UCS_FIRST_BYTE_TIMEOUT_MS: '900',
      RETRY_MAX_ATTEMPTS: '2',
      CIRCUIT_OPEN_MS: '1000',
    });
    expect(config.requestDeadlineMs).toBe(6000);
    expect(config.calls).toMatchObject({ bodyTimeoutMs: 1500, totalTimeoutMs: 5000, connectTimeoutMs: 1000, headersTimeoutMs: 4000 });
    expect(config.callOverrides).toEqual({ GR4VY: { totalTimeoutMs: 2500 }, UCS: { connectTimeoutMs: 300, headersTimeoutMs: 900 } });
    expect(config.retryPolicy.maxAttempts).toBe(2);
    expect(config.circuitBreaker).toEqual({ failureThreshold: 5, openMs: 1000 });
  });

  it('never simulates in production', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).simulateUnconfigured).toBe(false);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PRIMER_BASE_URL: 'ftp://example.com' }, 'PRIMER_BASE_URL'],
    [{ GR4VY_ID: 'Not An Id' }, 'GR4VY_ID'],
    [{ GR4VY_ENVIRONMENT: 'staging' }, 'GR4VY_ENVIRONMENT'],
    [{ GR4VY_ID: 'acme' }, 'GR4VY_PRIVATE_KEY'],
    [{ GR4VY_PRIVATE_KEY: p521Pem }, 'GR4VY_ID'],
    [{ GR4VY_ID: 'acme', GR4VY_PRIVATE_KEY: 'not a key' }, 'GR4VY_PRIVATE_KEY'],
    [{ GR4VY_ID: 'acme', GR4VY_PRIVATE_KEY_FILE: '/nonexistent/key.pem' }, 'GR4VY_PRIVATE_KEY_FILE'],
    [{ GR4VY_ID: 'acme', GR4VY_PRIVATE_KEY: p521Pem, GR4VY_PRIVATE_KEY_FILE: '/x' }, 'GR4VY_PRIVATE_KEY_FILE'],
    [{ PAYMENTS_MAX_REFS: '0' }, 'PAYMENTS_MAX_REFS'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL'],
    [{ PRIMER_TIMEOUT_MS: 'soon' }, 'PRIMER_TIMEOUT_MS'],
    [{ REQUEST_DEADLINE_MS: '0' }, 'REQUEST_DEADLINE_MS'],
    [{ RETRY_MAX_ATTEMPTS: '50' }, 'RETRY_MAX_ATTEMPTS'],
    [{ KUIKPOS_API_KEY: 'k', KUIKPOS_API_SECRET: 's' }, 'KUIKPOS_BASE_URL'],
    [{ KUIKPOS_API_KEY: 'k', KUIKPOS_BASE_URL: 'https://vpos.example.com' }, 'KUIKPOS_API_SECRET'],
    [{ ORCARAIL_API_SECRET: 's' }, 'ORCARAIL_API_KEY'],
    [{ ORCARAIL_API_KEY: 'k', ORCARAIL_API_SECRET: 's', ORCARAIL_BASE_URL: 'not a url' }, 'ORCARAIL_BASE_URL'],
    [{ UCS_ADDRESS: 'localhost:8000' }, 'UCS_CONNECTOR'],
    [{ UCS_ADDRESS: 'localhost', UCS_CONNECTOR: 'Stripe', UCS_CONNECTOR_CONFIG: '{}' }, 'UCS_ADDRESS'],
    [{ UCS_ADDRESS: 'localhost:8000', UCS_CONNECTOR: 'stripe!', UCS_CONNECTOR_CONFIG: '{}' }, 'UCS_CONNECTOR'],
    [{ UCS_ADDRESS: 'localhost:8000', UCS_CONNECTOR: 'Stripe', UCS_CONNECTOR_CONFIG: 'sk_live_123' }, 'UCS_CONNECTOR_CONFIG'],
    [{ UCS_ADDRESS: 'localhost:8000', UCS_CONNECTOR: 'Stripe', UCS_CONNECTOR_CONFIG: '{}', UCS_TLS_CA_FILE: '/nonexistent' }, 'UCS_TLS_CA_FILE'],
  ])('a bad value stops start-up naming the variable: %j', (env, variable) => {
    const problems = problemsOf(env);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toMatch(new RegExp(`^${variable}:`, 'm'));
  });

  it('reports every problem at once, without echoing secret values', () => {
    const problems = problemsOf({ PORT: 'x', GR4VY_ID: 'acme', GR4VY_PRIVATE_KEY: 'super-secret-not-a-key' });
    expect(problems.map((p) => p.split(':')[0])).toEqual(['PORT', 'GR4VY_PRIVATE_KEY']);
    expect(problems.join('\n')).not.toContain('super-secret');
  });

  it('uses Primer production by default once credentials are set, or PRIMER_BASE_URL', () => {
    expect(loadConfig({ PRIMER_API_KEY: 'k' }).liveProviders.PRIMER?.target).toBe('https://api.primer.io');
    expect(loadConfig({ PRIMER_API_KEY: 'k', PRIMER_BASE_URL: 'https://api.sandbox.primer.io' }).liveProviders.PRIMER?.target).toBe(
      'https://api.sandbox.primer.io',
    );
  });

  it('uses OrcaRail\'s real host by default and KuikPOS\'s configured one, and describes UCS without its credentials', () => {
    const config = loadConfig({
      ORCARAIL_API_KEY: 'ak',
      ORCARAIL_API_SECRET: 'sk',
      KUIKPOS_API_KEY: 'k',
      KUIKPOS_API_SECRET: 's',
      KUIKPOS_BASE_URL: 'https://vpos-uat.kuikpos.com.tr',
      UCS_ADDRESS: 'ucs.internal:8000',
      UCS_CONNECTOR: 'Adyen',
      UCS_CONNECTOR_CONFIG: '{"api_key":"secret-adyen-key","merchant_account":"Acme"}',
    });
    expect(config.liveProviders.ORCARAIL?.target).toBe('https://api.orcarail.com');
    expect(config.liveProviders.KUIKPOS?.target).toBe('https://vpos-uat.kuikpos.com.tr');
    expect(config.liveProviders.UCS?.target).toBe('grpc://ucs.internal:8000 (Adyen)');
    expect(JSON.stringify(config)).not.toContain('secret-adyen-key');
  });

  it('builds the Gr4vy host from GR4VY_ID and GR4VY_ENVIRONMENT, reading the key from a file or a \\n-escaped variable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gr4vy-'));
    const file = join(dir, 'key.pem');
    writeFileSync(file, p521Pem);
    expect(loadConfig({ GR4VY_ID: 'acme', GR4VY_PRIVATE_KEY_FILE: file }).liveProviders.GR4VY?.target).toBe(
      'https://api.sandbox.acme.gr4vy.app',
    );
    const escaped = p521Pem.replace(/\n/g, '\\n');
    expect(
      loadConfig({ GR4VY_ID: 'acme', GR4VY_ENVIRONMENT: 'production', GR4VY_PRIVATE_KEY: escaped }).liveProviders.GR4VY?.target,
    ).toBe('https://api.acme.gr4vy.app');
    expect(
      loadConfig({ GR4VY_PRIVATE_KEY: p521Pem, GR4VY_BASE_URL: 'http://127.0.0.1:9999' }).liveProviders.GR4VY?.target,
    ).toBe('http://127.0.0.1:9999');
  });

  it('reads each provider\'s webhook secret from the variable its scheme names: 16+ characters, empty meaning unset', () => {
    expect(problemsOf({ PRIMER_WEBHOOK_SECRET: 'short', GR4VY_WEBHOOK_SECRET: 'also-short' })).toEqual([
      'PRIMER_WEBHOOK_SECRET: must be at least 16 characters',
      'GR4VY_WEBHOOK_SECRET: must be at least 16 characters',
    ]);
    const { webhookSecrets } = loadConfig({ ORCARAIL_WEBHOOK_SECRET: 'whsec_0123456789abcdef', PRIMER_WEBHOOK_SECRET: '' });
    expect(Object.keys(webhookSecrets)).toEqual(['ORCARAIL']);
    expect(webhookSecrets.ORCARAIL?.reveal()).toBe('whsec_0123456789abcdef');
  });

  it('.env.example lists every variable the service reads', () => {
    const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    const listed = new Set([...example.matchAll(/^([A-Z0-9_]+)=/gm)].map((match) => match[1]));
    // Per-provider limits are listed once, for Primer, with a note naming the other providers.
    const otherProvidersLimits = /^(GR4VY|KUIKPOS|ORCARAIL|UCS)_((TIMEOUT|CONNECT_TIMEOUT|FIRST_BYTE_TIMEOUT)_MS|MAX_CALLS_PER_SECOND)$/;
    const missing = configVariables().filter((name) => !listed.has(name) && !otherProvidersLimits.test(name));
    expect(missing).toEqual([]);
    expect(example).toContain('same for GR4VY_, KUIKPOS_, ORCARAIL_, UCS_');
  });
});
