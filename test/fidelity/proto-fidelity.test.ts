import * as grpc from '@grpc/grpc-js';
import protobuf from 'protobufjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaymentLookupError } from '../../src/errors/payment-lookup-error.js';
import { RequestScope } from '../../src/request/request-scope.js';
import { AMOUNT_PROBLEMS } from '../../src/model/money.js';
import type { Payment } from '../../src/model/payment.js';
import { PAYMENT_STATUSES } from '../../src/model/status.js';
import { DEFAULT_CALL_SETTINGS } from '../../src/providers/call-settings.js';
import type { PaymentServiceGetRequest__Output } from '../../src/providers/ucs/__generated__/types/PaymentServiceGetRequest.js';
import { createUcsAdapter } from '../../src/providers/ucs/client.js';
import { UCS_PROTO_FILE, ucsGrpcPackage } from '../../src/providers/ucs/proto.js';
import { Secret } from '../../src/security/secret.js';
import { mulberry32 } from './spec-bodies.js';
import { listenOnFreePort } from '../helpers/grpc-server.js';

/**
 * Fidelity to connector-service's proto: randomized `PaymentServiceGetResponse` messages (every
 * field present or not, every enum value, int64 extremes, nested messages), served by a real gRPC
 * server and read through the production UCS adapter. Each must map or fail for a documented
 * reason: an OK answer carrying `error` with no status is the connector's failure (inBandFailure).
 */
const MESSAGES = 200;
const SEED = 20261202;

type Message = Record<string, unknown>;

class ProtoMessages {
  readonly #random = mulberry32(SEED);

  #pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.#random() * values.length)]!;
  }

  message(type: protobuf.Type, depth = 0): Message {
    const message: Message = {};
    // One member of each real oneof at most; proto3 `optional` fields are synthetic oneofs of one.
    const chosen = new Set(type.oneofsArray.map((oneof) => this.#pick(oneof.fieldsArray).name));
    for (const field of type.fieldsArray) {
      if (field.partOf && !chosen.has(field.name)) continue;
      if (this.#random() < (depth === 0 ? 0.3 : 0.6)) continue;
      if (field.map) {
        message[field.name] = depth > 3 ? {} : { k: this.#scalar(field) };
      } else if (field.repeated) {
        message[field.name] = depth > 3 ? [] : Array.from({ length: Math.floor(this.#random() * 3) }, () => this.#value(field, depth));
      } else {
        message[field.name] = this.#value(field, depth);
      }
    }
    return message;
  }

  #value(field: protobuf.Field, depth: number): unknown {
    const resolved = field.resolve().resolvedType;
    if (resolved instanceof protobuf.Enum) return this.#pick(Object.keys(resolved.values));
    if (resolved instanceof protobuf.Type) return depth > 3 ? {} : this.message(resolved, depth + 1);
    return this.#scalar(field);
  }

  #scalar(field: protobuf.Field): unknown {
    switch (field.type) {
      case 'int64':
      case 'uint64':
      case 'sint64':
      case 'fixed64':
      case 'sfixed64':
        return this.#pick(['0', '1', '1299', '10000000000', '9223372036854775807', ...(field.type.startsWith('u') || field.type === 'fixed64' ? [] : ['-5'])]);
      case 'int32':
      case 'uint32':
      case 'sint32':
      case 'fixed32':
      case 'sfixed32':
        return this.#pick([0, 200, 404, 429, 500]);
      case 'bool':
        return this.#random() < 0.5;
      case 'bytes':
        return Buffer.from(this.#pick(['{}', '{"a":1}', '']));
      case 'double':
      case 'float':
        return this.#pick([0, 1.5, -2]);
      default:
        return this.#pick(['', 'x', 'Visa', 'card_declined', 'https://example.com/3ds']);
    }
  }
}

describe('UCS: randomized proto-valid Get responses over gRPC', () => {
  const server = new grpc.Server();
  const messages = new Map<string, Message>();
  const outcomes: Array<{ message: Message; payment?: Payment; error?: unknown }> = [];

  beforeAll(async () => {
    const responseType = protobuf.loadSync(UCS_PROTO_FILE).lookupType('types.PaymentServiceGetResponse');
    const generator = new ProtoMessages();
    for (let index = 0; index < MESSAGES; index += 1) {
      const id = `pi_spec_${String(index)}`;
      // The answer is for the asked transaction, or (as connector-service's sparse Get may) names none.
      messages.set(id, { ...generator.message(responseType), connector_transaction_id: index % 5 === 0 ? '' : id });
    }
    server.addService(ucsGrpcPackage().types.PaymentService.service, {
      Get(call: grpc.ServerUnaryCall<PaymentServiceGetRequest__Output, Message>, callback: grpc.sendUnaryData<Message>) {
        callback(null, messages.get(call.request.connector_transaction_id) ?? {});
      },
    });
    const port = await listenOnFreePort(server);
    const adapter = createUcsAdapter({ address: `127.0.0.1:${String(port)}`, connector: 'Stripe', connectorConfig: new Secret('{"config":{}}') }, DEFAULT_CALL_SETTINGS);
    for (const [id, message] of messages) {
      try {
        outcomes.push({ message, payment: await adapter.fetchPayment(`${id}~1000~USD`, new RequestScope()) });
      } catch (error) {
        outcomes.push({ message, error });
      }
    }
    await adapter.close();
  });
  afterAll(() => {
    server.forceShutdown();
  });

  it('maps every message, or fails only as an in-band connector failure (error set, no status)', () => {
    for (const { message, payment, error } of outcomes) {
      const inBand = message['error'] !== undefined && (message['status'] === undefined || message['status'] === 'PAYMENT_STATUS_UNSPECIFIED');
      if (error) {
        expect([inBand, error instanceof PaymentLookupError]).toEqual([true, true]);
        continue;
      }
      expect(inBand).toBe(false);
      expect(PAYMENT_STATUSES).toContain(payment!.status);
      if (payment!.isFinal) expect(['REQUIRES_ACTION', 'PROCESSING', 'AUTHORIZED', 'UNKNOWN']).not.toContain(payment!.status);
      for (const field of Object.values(payment!.unreadable ?? {})) expect(AMOUNT_PROBLEMS).toContain(field.problem);
      if (payment!.amount) expect(payment!.amount.minorUnits >= 0n).toBe(true);
    }
    expect(outcomes.filter((outcome) => outcome.payment).length).toBeGreaterThan(MESSAGES / 2);
  });

  it('never reports a capture for a status that does not prove one', () => {
    const proving = new Set(['CHARGED', 'PARTIAL_CHARGED', 'PARTIAL_CHARGED_AND_CHARGEABLE', 'AUTO_REFUNDED']);
    for (const { message, payment } of outcomes) {
      if (payment && ['CAPTURED', 'PARTIALLY_CAPTURED'].includes(payment.status)) expect(proving.has(String(message['status']))).toBe(true);
    }
  });
});
