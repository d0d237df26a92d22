import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One span as an OTLP/JSON export carries it (https://opentelemetry.io/docs/specs/otlp/#json-protobuf-encoding). */
export interface CollectedSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly traceState?: string;
  readonly name: string;
  /** 1 internal, 2 server, 3 client. */
  readonly kind: number;
  readonly attributes: Record<string, string | number | boolean>;
  readonly status: { readonly code?: number; readonly message?: string };
  readonly resource: Record<string, string | number | boolean>;
}

interface OtlpValue {
  stringValue?: string;
  intValue?: number | string;
  doubleValue?: number;
  boolValue?: boolean;
}
interface OtlpAttribute {
  key: string;
  value: OtlpValue;
}
interface OtlpExport {
  resourceSpans: Array<{
    resource?: { attributes?: OtlpAttribute[] };
    scopeSpans: Array<{ spans: Array<Omit<CollectedSpan, 'attributes' | 'resource'> & { attributes?: OtlpAttribute[] }> }>;
  }>;
}

const valueOf = (value: OtlpValue) => value.stringValue ?? value.boolValue ?? value.doubleValue ?? Number(value.intValue);
const attributesOf = (attributes: OtlpAttribute[] = []) => Object.fromEntries(attributes.map(({ key, value }) => [key, valueOf(value)]));

/** A stand-in OpenTelemetry collector: the real exporter posts to it over HTTP, as it would to a collector's port 4318. */
export class OtlpCollector {
  private constructor(
    private readonly server: Server,
    readonly url: string,
    /** Every export request received, in order. */
    readonly exports: Array<{ path: string; contentType: string; body: Buffer }>,
  ) {}

  static async start(): Promise<OtlpCollector> {
    const exports: OtlpCollector['exports'] = [];
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        exports.push({ path: request.url ?? '', contentType: String(request.headers['content-type']), body: Buffer.concat(chunks) });
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return new OtlpCollector(server, `http://127.0.0.1:${String(port)}`, exports);
  }

  /** Every span of the JSON exports received so far, from export number `from` on. */
  spans(from = 0): CollectedSpan[] {
    return this.exports
      .slice(from)
      .filter((received) => received.contentType.startsWith('application/json'))
      .flatMap((received) => (JSON.parse(received.body.toString('utf8')) as OtlpExport).resourceSpans)
      .flatMap(({ resource, scopeSpans }) =>
        scopeSpans.flatMap(({ spans }) => spans.map((span) => ({ ...span, attributes: attributesOf(span.attributes), resource: attributesOf(resource?.attributes) }))),
      );
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => {
        resolve();
      });
    });
  }
}
