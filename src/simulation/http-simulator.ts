import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { assertNever } from '../model/exhaustive.js';
import { DecimalText } from '../model/money.js';
import { SimulatorBase, type SimulatorKnobs } from './simulator-base.js';

export type { RecordedRequest } from './request-log.js';
export type { Simulator, SimulatorKnobs } from './simulator-base.js';

/** Faults a simulator can act out, each exercising one failure class of the adapters. */
export type SimulatedFault =
  /** Headers sent, then the body never finishes: exercises body timeouts. */
  | 'stall'
  /** The TCP connection is closed without any response. */
  | 'reset'
  /** A 200 with a Content-Type of JSON whose body is not JSON. */
  | 'garbage'
  /** A 200 that declares more bytes than it sends, then closes. */
  | 'truncated';

export interface SimulatedResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * An object is sent as JSON; a string is sent verbatim. Inside an object, a bigint or a
   * `DecimalText` is written as the bare JSON number it stands for, digit for digit (providers send
   * int64 amounts and long decimals that a float cannot hold).
   */
  readonly body?: unknown;
}

export type SimulatedOutcome = SimulatedResponse | { readonly fault: SimulatedFault };

export interface SimulatedRequest {
  readonly method: string;
  /** The path with each segment decoded, split on `/`. */
  readonly segments: readonly string[];
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
}

export interface SimulatorDefinition {
  readonly name: string;
  readonly handle: (request: SimulatedRequest) => SimulatedOutcome | Promise<SimulatedOutcome>;
  /** The provider's own body for an injected server error. */
  readonly serverError: () => SimulatedResponse;
  /** For providers that send webhooks: where to, and with which secret; stopped with the simulator. */
  readonly webhooks?: { deliverTo(url: string, secret: string): void; close(): void };
}

/**
 * A provider simulator: a real HTTP server on loopback. Adapters reach it through exactly the
 * client code they use in production; only the base URL and credentials differ.
 */
export class HttpSimulator extends SimulatorBase {
  #server: Server;
  #sockets = new Set<Socket>();
  #url = '';

  private constructor(
    private readonly definition: SimulatorDefinition,
    knobs: Partial<SimulatorKnobs>,
  ) {
    super(definition.name, knobs);
    this.#server = createServer((request, response) => {
      void this.#serve(request, response);
    });
    this.#server.keepAliveTimeout = 10_000;
    this.#server.on('connection', (socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
  }

  static async start(
    definition: SimulatorDefinition,
    knobs: Partial<SimulatorKnobs> = {},
    port = 0,
  ): Promise<HttpSimulator> {
    const simulator = new HttpSimulator(definition, knobs);
    await new Promise<void>((resolve, reject) => {
      simulator.#server.once('error', reject);
      simulator.#server.listen(port, '127.0.0.1', () => {
        resolve();
      });
    });
    const { port: bound } = simulator.#server.address() as AddressInfo;
    simulator.#url = `http://127.0.0.1:${String(bound)}`;
    return simulator;
  }

  get url(): string {
    return this.#url;
  }

  override sendWebhooksTo(url: string, secret: string): void {
    this.definition.webhooks?.deliverTo(url, secret);
  }

  async close(): Promise<void> {
    this.definition.webhooks?.close();
    await new Promise<void>((resolve) => {
      this.#server.close(() => {
        resolve();
      });
      for (const socket of this.#sockets) socket.destroy();
    });
  }

  async #serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://simulator');
    const end = this.record(request.method ?? 'GET', url.pathname, request.headers);
    response.on('close', end);
    try {
      const arrived = performance.now();
      const outcome = await this.#decide(request, url);
      await untilAnswerIsDue(arrived, this.knobs.latencyMs);
      write(response, request.socket, outcome);
    } catch {
      write(response, request.socket, { status: 500, body: { error: 'simulator failure' } });
    }
  }

  async #decide(request: IncomingMessage, url: URL): Promise<SimulatedOutcome> {
    const injected = this.injectedFault();
    if (injected === 'server_error') return this.definition.serverError();
    if (injected === 'stall') return { fault: 'stall' };
    return this.definition.handle({
      method: request.method ?? 'GET',
      segments: url.pathname.split('/').filter(Boolean).map(decodeSegment),
      query: url.searchParams,
      headers: request.headers,
    });
  }

}

/** Waits out what is left of the simulated response time of a request that arrived at `arrived`. */
export async function untilAnswerIsDue(arrived: number, latencyMs: number): Promise<void> {
  const remaining = latencyMs - (performance.now() - arrived);
  if (remaining > 0) await sleep(remaining);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Fixture bodies are shared objects: each is serialized once, not on every request. */
const serialized = new WeakMap<object, string>();

function serialize(body: unknown): string {
  if (body === undefined) return '';
  if (typeof body === 'string') return body;
  if (typeof body !== 'object' || body === null) return JSON.stringify(body);
  let text = serialized.get(body);
  if (text === undefined) {
    text = JSON.stringify(body, exactNumbers).replace(EXACT_NUMBER, '$1');
    serialized.set(body, text);
  }
  return text;
}

const EXACT_NUMBER = /"\\u0000number:(-?[\d.eE+-]+)"/g;

/** Marks exact numbers, which JSON.stringify cannot write, for `serialize` to unquote. */
function exactNumbers(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return `\u0000number:${value.toString()}`;
  if (value instanceof DecimalText) return `\u0000number:${value.text}`;
  return value;
}

function write(response: ServerResponse, socket: Socket, outcome: SimulatedOutcome): void {
  if ('fault' in outcome) {
    actOut(response, socket, outcome.fault);
    return;
  }
  const isText = typeof outcome.body === 'string';
  const payload = serialize(outcome.body);
  response.writeHead(outcome.status, {
    'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json',
    'content-length': Buffer.byteLength(payload),
    ...outcome.headers,
  });
  response.end(payload);
}

function actOut(response: ServerResponse, socket: Socket, fault: SimulatedFault): void {
  switch (fault) {
    case 'reset':
      socket.destroy();
      return;
    case 'garbage':
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('<html><body>502 Bad Gateway</body></html>');
      return;
    case 'truncated':
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '4096' });
      response.write('{"id":"truncated","status":');
      setImmediate(() => {
        socket.destroy();
      });
      return;
    case 'stall':
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"id":"');
      // Never ends: the client's body timeout (or the simulator's close) ends it.
      return;
    default:
      assertNever(fault);
  }
}
