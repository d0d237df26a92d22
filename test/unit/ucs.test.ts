import * as grpc from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { PaymentStatus } from '../../src/providers/ucs/__generated__/types/PaymentStatus.js';
import { grpcFailure, inBandFailure } from '../../src/providers/ucs/client.js';
import { mapUcsStatus, transformUcsResponse } from '../../src/providers/ucs/transform.js';
import { parseUcsPaymentId, ucsGetRequest, type UcsGetResponse } from '../../src/providers/ucs/wire.js';

describe('UCS payment ids', () => {
  it.each([
    ['pi_3Oxxx~1000~USD', { connectorTransactionId: 'pi_3Oxxx', minorAmount: 1000n, currency: 'USD' }],
    ['pi_3Oxxx~1000~USD~MANUAL', { connectorTransactionId: 'pi_3Oxxx', minorAmount: 1000n, currency: 'USD', captureMethod: 'MANUAL' }],
    ['8835511210681190~500~EUR~AUTOMATIC', { connectorTransactionId: '8835511210681190', minorAmount: 500n, currency: 'EUR', captureMethod: 'AUTOMATIC' }],
    ['a~b~9223372036854775807~JPY', { connectorTransactionId: 'a~b', minorAmount: 9_223_372_036_854_775_807n, currency: 'JPY' }],
  ])('parses %s', (id, lookup) => {
    expect(parseUcsPaymentId(id)).toEqual(lookup);
  });

  it.each(['pi_3Oxxx', 'pi_3Oxxx~1000', '~1000~USD', 'pi~10.00~USD', 'pi~1000~usd', 'pi~1000~XYZ', 'pi~9223372036854775808~USD', 'pi~1000~USD~SOMETIMES'])(
    'refuses %s with the expected format',
    (id) => {
      const parsed = parseUcsPaymentId(id);
      expect(parsed).toHaveProperty('problem');
      expect((parsed as { problem: string }).problem).toContain('<connector transaction id>~<amount in minor units>~<ISO 4217 currency>');
    },
  );

  it('sends the amount as an exact int64 string and the capture method', () => {
    const lookup = parseUcsPaymentId('pi_1~9223372036854775807~USD~MANUAL');
    if ('problem' in lookup) throw new Error(lookup.problem);
    expect(ucsGetRequest(lookup)).toEqual({
      connector_transaction_id: 'pi_1',
      amount: { minor_amount: '9223372036854775807', currency: 'USD' },
      capture_method: 'MANUAL',
    });
  });
});

describe('UCS status mapping', () => {
  const expected: Record<keyof typeof PaymentStatus, string> = {
    PAYMENT_STATUS_UNSPECIFIED: 'UNKNOWN',
    STARTED: 'PROCESSING',
    PAYMENT_METHOD_AWAITED: 'REQUIRES_PAYMENT_METHOD',
    DEVICE_DATA_COLLECTION_PENDING: 'REQUIRES_ACTION',
    CONFIRMATION_AWAITED: 'REQUIRES_CONFIRMATION',
    AUTHENTICATION_PENDING: 'REQUIRES_ACTION',
    AUTHENTICATION_SUCCESSFUL: 'PROCESSING',
    AUTHENTICATION_FAILED: 'FAILED',
    AUTHORIZING: 'PROCESSING',
    AUTHORIZED: 'AUTHORIZED',
    AUTHORIZATION_FAILED: 'DECLINED',
    PARTIALLY_AUTHORIZED: 'AUTHORIZED',
    CHARGED: 'CAPTURED',
    PARTIAL_CHARGED: 'PARTIALLY_CAPTURED',
    PARTIAL_CHARGED_AND_CHARGEABLE: 'PARTIALLY_CAPTURED',
    AUTO_REFUNDED: 'CAPTURED',
    CAPTURE_INITIATED: 'PROCESSING',
    CAPTURE_FAILED: 'FAILED',
    VOID_INITIATED: 'PROCESSING',
    VOIDED: 'CANCELLED',
    VOID_FAILED: 'FAILED',
    VOIDED_POST_CAPTURE: 'CANCELLED',
    COD_INITIATED: 'PROCESSING',
    EXPIRED: 'EXPIRED',
    ROUTER_DECLINED: 'FAILED',
    PENDING: 'PROCESSING',
    FAILURE: 'FAILED',
    UNRESOLVED: 'UNKNOWN',
  };

  it('maps all 28 values of the proto', () => {
    expect(Object.keys(PaymentStatus)).toHaveLength(28);
    for (const status of Object.keys(PaymentStatus) as Array<keyof typeof PaymentStatus>) {
      expect([status, mapUcsStatus(status)]).toEqual([status, expected[status]]);
    }
  });
});

describe('UCS transform', () => {
  const lookup = { connectorTransactionId: 'pi_1', minorAmount: 1000n, currency: 'USD', captureMethod: 'MANUAL' as const };
  const response = (extra: Partial<UcsGetResponse>): UcsGetResponse =>
    ({ connector_transaction_id: 'pi_1', status: 'AUTHORIZED', status_code: 200, response_headers: {}, ...extra });

  it('maps the seed\'s example response, keeping the id asked for', () => {
    const payment = transformUcsResponse(
      response({ amount: { minor_amount: '1000', currency: 'USD' }, captured_amount: '0', capture_method: 'MANUAL' }),
      lookup,
      { fetchedAt: new Date(), paymentId: 'pi_1~1000~USD~MANUAL', connector: 'Stripe' },
    );
    expect(payment).toMatchObject({
      id: 'pi_1~1000~USD~MANUAL',
      provider: 'UCS',
      status: 'AUTHORIZED',
      providerStatus: 'AUTHORIZED',
      amount: { minorUnits: 1000n, currency: 'USD' },
      authorizedAmount: { minorUnits: 1000n },
      capturedAmount: { minorUnits: 0n },
      processor: { name: 'Stripe', transactionId: 'pi_1', responseCode: '200' },
      transactions: [{ type: 'AUTHORIZATION', status: 'AUTHORIZED' }],
    });
  });

  it('keeps int64 amounts exact and reads card data from connector_response', () => {
    const payment = transformUcsResponse(
      response({
        status: 'CHARGED',
        amount: { minor_amount: '9223372036854775807', currency: 'IDR' },
        captured_amount: '9223372036854775807',
        connector_response: { additional_payment_method_data: { card: { card_network: 'Visa', domestic_network: 'Cartes Bancaires', auth_code: 'X1' } } },
      }),
      { ...lookup, captureMethod: undefined },
      { fetchedAt: new Date(), paymentId: 'x', connector: 'Adyen' },
    );
    expect(payment.amount?.minorUnits).toBe(9_223_372_036_854_775_807n);
    expect(payment.capturedAmount?.minorUnits).toBe(9_223_372_036_854_775_807n);
    expect(payment.card).toEqual({ network: 'VISA', domesticNetwork: 'CARTES_BANCAIRES' });
    expect(payment.processor?.authorizationCode).toBe('X1');
  });

  it('maps a status number unknown to this proto to UNKNOWN, keeping it', () => {
    const payment = transformUcsResponse(response({ status: 99 as unknown as 'STARTED' }), lookup, { fetchedAt: new Date(), paymentId: 'x', connector: 'Stripe' });
    expect(payment).toMatchObject({ status: 'UNKNOWN', providerStatus: '99' });
  });
});

describe('UCS errors', () => {
  const serviceError = (code: grpc.status, details = 'x'): grpc.ServiceError =>
    Object.assign(new Error(details), { code, details, metadata: new grpc.Metadata() });

  it.each([
    [grpc.status.NOT_FOUND, 'PAYMENT_NOT_FOUND'],
    [grpc.status.RESOURCE_EXHAUSTED, 'PROVIDER_RATE_LIMITED'],
    [grpc.status.UNAUTHENTICATED, 'PROVIDER_AUTH_FAILED'],
    [grpc.status.PERMISSION_DENIED, 'PROVIDER_AUTH_FAILED'],
    [grpc.status.UNAVAILABLE, 'PROVIDER_UNAVAILABLE'],
    [grpc.status.DEADLINE_EXCEEDED, 'PROVIDER_TIMEOUT'],
    [grpc.status.INVALID_ARGUMENT, 'PROVIDER_REJECTED'],
    [grpc.status.INTERNAL, 'PROVIDER_UNAVAILABLE'],
    [grpc.status.UNKNOWN, 'PROVIDER_UNAVAILABLE'],
    [grpc.status.CANCELLED, 'PROVIDER_UNAVAILABLE'],
  ])('gRPC status %i → %s', (code, expected) => {
    expect(grpcFailure(serviceError(code), false).code).toBe(expected);
  });

  it('reads an undecodable response as a bad response, and a cancellation by our caller as such', () => {
    expect(grpcFailure(serviceError(grpc.status.INTERNAL, 'Response message parsing error'), false).code).toBe('PROVIDER_BAD_RESPONSE');
    expect(grpcFailure(serviceError(grpc.status.CANCELLED), true).code).toBe('REQUEST_CANCELLED');
  });

  it.each([
    [404, 'PAYMENT_NOT_FOUND'],
    [401, 'PROVIDER_AUTH_FAILED'],
    [429, 'PROVIDER_RATE_LIMITED'],
    [504, 'PROVIDER_TIMEOUT'],
    [500, 'PROVIDER_UNAVAILABLE'],
    [400, 'PROVIDER_REJECTED'],
  ])('an OK response with error and no status, connector HTTP %i → %s', (statusCode, expected) => {
    const failure = inBandFailure({ status: 'PAYMENT_STATUS_UNSPECIFIED', status_code: statusCode, error: {} } as UcsGetResponse);
    expect(failure?.code).toBe(expected);
  });

  it('treats an error beside a real status as payment data (a decline), not a failure', () => {
    expect(inBandFailure({ status: 'AUTHORIZATION_FAILED', status_code: 402, error: {} } as UcsGetResponse)).toBeUndefined();
  });
});
