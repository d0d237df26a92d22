import * as grpc from '@grpc/grpc-js';
import type { IncomingHttpHeaders } from 'node:http';
import { assertNever } from '../../model/exhaustive.js';
import { untilAnswerIsDue } from '../../simulation/http-simulator.js';
import { SimulatorBase, type SimulatorKnobs } from '../../simulation/simulator-base.js';
import type { PaymentServiceGetRequest__Output } from './__generated__/types/PaymentServiceGetRequest.js';
import type { PaymentServiceGetResponse } from './__generated__/types/PaymentServiceGetResponse.js';
import { responseFor, ucsFixtureFor } from './fixtures.js';
import { ucsErrorDetailType, ucsGrpcPackage } from './proto.js';

type GetCall = grpc.ServerUnaryCall<PaymentServiceGetRequest__Output, PaymentServiceGetResponse>;
type GetCallback = grpc.sendUnaryData<PaymentServiceGetResponse>;

/**
 * connector-service as a real gRPC server on loopback, built from the same vendored proto. It checks
 * `x-connector-config`, rejects a Get without amount and currency as the real server does
 * (`INVALID_ARGUMENT` with a `types.IntegrationError` detail), echoes the amount, and maps status by
 * capture method where a connector does (Adyen).
 */
export class UcsSimulator extends SimulatorBase {
  /** connector-service sends no webhooks of its own (it is stateless): nothing to send. */
  sendWebhooksTo(): void {}

  readonly #server = new grpc.Server();
  readonly #stalled = new Set<GetCallback>();
  #url = '';

  private constructor(
    private readonly connectorConfig: string,
    knobs: Partial<SimulatorKnobs>,
  ) {
    super('ucs', knobs);
    this.#server.addService(ucsGrpcPackage().types.PaymentService.service, {
      Get: (call: GetCall, callback: GetCallback) => {
        this.#get(call, callback);
      },
    });
  }

  static async start(options: { connectorConfig: string }, knobs: Partial<SimulatorKnobs> = {}): Promise<UcsSimulator> {
    const simulator = new UcsSimulator(options.connectorConfig, knobs);
    const port = await new Promise<number>((resolve, reject) => {
      simulator.#server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) => {
        if (error) reject(error);
        else resolve(bound);
      });
    });
    simulator.#url = `127.0.0.1:${String(port)}`;
    return simulator;
  }

  get url(): string {
    return this.#url;
  }

  close(): Promise<void> {
    this.#server.forceShutdown();
    this.#stalled.clear();
    return Promise.resolve();
  }

  #get(call: GetCall, callback: GetCallback): void {
    const request = call.request;
    const end = this.record('Get', request.connector_transaction_id, metadataHeaders(call.metadata));
    const arrived = performance.now();
    const reply: GetCallback = (error, value) => {
      void untilAnswerIsDue(arrived, this.knobs.latencyMs).then(() => {
        end();
        callback(error, value);
      });
    };
    const injected = this.injectedFault();
    if (injected === 'server_error') {
      reply(statusError(grpc.status.UNAVAILABLE, 'Connector unavailable', 503));
      return;
    }
    if (injected === 'stall') {
      this.#stalled.add(callback);
      call.on('cancelled', end);
      return;
    }
    if (call.metadata.get('x-connector-config')[0] !== this.connectorConfig) {
      reply(integrationError(grpc.status.UNAUTHENTICATED, 'Invalid or missing x-connector-config', 'INVALID_CONNECTOR_AUTH'));
      return;
    }
    const amount = request.amount;
    if (!amount) {
      reply(integrationError(grpc.status.INVALID_ARGUMENT, 'Missing required field: amount', 'MISSING_REQUIRED_FIELD'));
      return;
    }
    if (amount.currency === 'CURRENCY_UNSPECIFIED') {
      reply(integrationError(grpc.status.INVALID_ARGUMENT, 'Invalid data format for field: currency', 'INVALID_DATA_FORMAT'));
      return;
    }
    const fixture = ucsFixtureFor(request.connector_transaction_id);
    const base = { connector_transaction_id: request.connector_transaction_id, amount, status_code: 200 };
    const minor = BigInt(amount.minor_amount);
    switch (fixture?.kind) {
      case undefined:
        reply(statusError(grpc.status.NOT_FOUND, 'No such payment_intent', 404));
        return;
      case 'grpc_error':
        reply(statusError(fixture.code, fixture.message, fixture.httpStatus));
        return;
      case 'stall':
        this.#stalled.add(callback);
        call.on('cancelled', end);
        return;
      case 'adyen_authorised': {
        const status = request.capture_method === 'MANUAL' ? 'AUTHORIZED' : 'CHARGED';
        reply(null, { ...base, status, ...responseFor(status, minor) });
        return;
      }
      case 'status':
        reply(null, { ...base, status: fixture.status, ...responseFor(fixture.status, minor), ...fixture.extra });
        return;
      case 'echo_connector_config':
        reply(null, {
          ...base,
          status: 'AUTHORIZATION_FAILED',
          status_code: 402,
          error: { connector_details: { code: 'card_declined', message: `declined; config was ${this.connectorConfig}; card 4111111111111111` } },
        });
        return;
      default:
        assertNever(fixture);
    }
  }
}

function metadataHeaders(metadata: grpc.Metadata): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(metadata.getMap()).map(([key, value]) => [key, String(value)]));
}

/** A connector's 4xx/5xx as connector-service reports it: a status with `types.ConnectorError` details. */
function statusError(code: grpc.status, message: string, httpStatus?: number): Partial<grpc.StatusObject> {
  const details = ucsErrorDetailType('ConnectorError');
  const metadata = new grpc.Metadata();
  const bytes = details.encode(
    details.create({ error_message: message, error_code: 'CONNECTOR_ERROR_RESPONSE', ...(httpStatus ? { http_status_code: httpStatus } : {}) }),
  ).finish();
  metadata.set('grpc-status-details-bin', Buffer.from(bytes));
  return { code, details: message, metadata };
}

/** A request problem as connector-service reports it: a status with `types.IntegrationError` details. */
function integrationError(code: grpc.status, message: string, errorCode: string): Partial<grpc.StatusObject> {
  const details = ucsErrorDetailType('IntegrationError');
  const metadata = new grpc.Metadata();
  metadata.set('grpc-status-details-bin', Buffer.from(details.encode(details.create({ error_message: message, error_code: errorCode })).finish()));
  return { code, details: message, metadata };
}
