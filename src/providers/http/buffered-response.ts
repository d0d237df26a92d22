import type { Dispatcher } from 'undici';
import type { IncomingHttpHeaders } from 'undici/types/header.js';

export interface BufferedExchange {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  /** The body as UTF-8 text. */
  readonly text: string;
}

/**
 * One exchange read whole into memory through undici's low-level dispatch API
 * (https://undici.nodejs.org/#/docs/api/Dispatcher?id=dispatcherdispatchoptions-handler): no
 * Readable stream and no abort emitter per call, which `pool.request` costs on every provider call.
 * A body over `maxBytes` is refused as soon as it crosses the limit. It settles once: `abort`
 * (a timeout, a cancelled request) ends the exchange at once, whatever undici is doing with it.
 */
export class BufferedResponse implements Dispatcher.DispatchHandler {
  readonly settled: Promise<BufferedExchange>;
  #resolve!: (exchange: BufferedExchange) => void;
  #reject!: (error: Error) => void;
  #done = false;
  #controller: Dispatcher.DispatchController | undefined;
  #failure: Error | undefined;
  #status = 0;
  #headers: IncomingHttpHeaders = {};
  readonly #chunks: Buffer[] = [];
  #size = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly tooLarge: () => Error,
  ) {
    this.settled = new Promise((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
  }

  abort(reason: Error): void {
    this.#fail(reason);
    if (this.#controller && !this.#controller.aborted) this.#controller.abort(reason);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.#controller = controller;
    // Aborted while the request waited for a connection: it never goes out.
    if (this.#failure) controller.abort(this.#failure);
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number, headers: IncomingHttpHeaders): void {
    this.#status = statusCode;
    this.#headers = headers;
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.#size += chunk.length;
    if (this.#size > this.maxBytes) {
      this.abort(this.tooLarge());
      return;
    }
    this.#chunks.push(chunk);
  }

  onResponseEnd(): void {
    if (this.#done) return;
    this.#done = true;
    const chunks = this.#chunks;
    const text = chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8');
    this.#resolve({ status: this.#status, headers: this.#headers, text });
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.#fail(error);
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    if (this.#done) return;
    this.#done = true;
    this.#reject(error);
  }
}
