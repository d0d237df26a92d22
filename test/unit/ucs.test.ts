import * as grpc from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { PaymentStatus } from '../../src/providers/ucs/__generated__/types/PaymentStatus.js';
import { grpcFailure, inBandFailure } from '../../src/providers/ucs/client.js';
import { readUcsStatus, transformUcsResponse } from '../../src/providers/ucs/transform.js';
import { parseUcsPaymentId, ucsGetRequest, type UcsGetResponse, type UcsLookup } from '../../src/providers/ucs/wire.js';
import { money } from '../helpers/money.js';

describe('UCS payment ids', () => {
  it.each([
    ['pi_3Oxxx~1000~USD', { connectorTransactionId: 'pi_3Oxxx', minorAmount: 1000n, currency: 'USD', captureMethod: 'MANUAL' }],
    ['8835511210681190~500~EUR~AUTOMATIC', { connectorTransactionId: '8835511210681190', minorAmount: 500n, currency: 'EUR', captureMethod: 'AUTOMATIC' }],
    ['pi~0~USD~SEQUENTIAL_AUTOMATIC', { connectorTransactionId: 'pi', minorAmount: 0n, currency: 'USD', captureMethod: 'SEQUENTIAL_AUTOMATIC' }],
    ['a~b~9223372036854775807~JPY', { connectorTransactionId: 'a~b', minorAmount: 9_223_372_036_854_775_807n, currency: 'JPY', captureMethod: 'MANUAL' }],
  ])('parses %s (no capture method: read as MANUAL, the safe reading)', (id, lookup) => {
    expect(parseUcsPaymentId(id)).toEqual(lookup);
  });

  it.each([
    ['pi_3Oxxx', 'amount in minor units'],
    ['pi_3Oxxx~1000', 'amount in minor units'],
    ['~1000~USD', 'amount in minor units'],
    ['pi~10.00~USD', 'amount in minor units'],
    // One spelling per payment: no leading zeros, no lower-case currency, no ~MANUAL.
    ['pi~01000~USD', 'amount in minor units'],
    ['pi~00~USD', 'amount in minor units'],
    ['pi~1000~usd', 'in upper case'],
    ['pi~1000~USD~MANUAL', 'leave ~MANUAL out'],
    ['pi~1000~USD~manual', 'unknown capture method'],
    ['pi~1000~XYZ', 'in upper case'],
    // Currencies in the proto that connector-service's own table does not support.
    ['pi~1000~CURRENCY_UNSPECIFIED', 'in upper case'],
    ['pi~9223372036854775808~USD', 'amount in minor units'],
    ['pi~1000~USD~SOMETIMES', 'unknown capture method'],
    // Own properties only: an inherited name is no capture method and no currency.
    ['pi~1000~USD~toString', 'unknown capture method'],
    ['pi~1000~USD~constructor', 'unknown capture method'],
    ['pi~1000~__proto__', 'in upper case'],
    ['pi~1000~toString', 'in upper case'],
  ])('refuses %s, naming the format', (id, why) => {
    const parsed = parseUcsPaymentId(id);
    expect(parsed).toHaveProperty('problem');
    const { problem } = parsed as { problem: string };
    expect(problem).toContain('<connector transaction id>~<amount in minor units>~<currency>');
    expect(problem).toContain(why);
  });

  it('sends the amount as an exact int64 string and the capture method, MANUAL when the id names none', () => {
    const lookup = parseUcsPaymentId('pi_1~9223372036854775807~USD');
    if ('problem' in lookup) throw new Error(lookup.problem);
    expect(ucsGetRequest(lookup)).toEqual({
      connector_transaction_id: 'pi_1',
      amount: { minor_amount: '9223372036854775807', currency: 'USD' },
      capture_method: 'MANUAL',
    });
  });
});

describe('UCS status mapping: all 28 PaymentStatus values of the proto', () => {
  // [status, isFinal], and why where it departs from hyperswitch (README "Status, finality and refunds").
  const expected: Record<keyof typeof PaymentStatus, readonly [string, boolean]> = {
    PAYMENT_STATUS_UNSPECIFIED: ['UNKNOWN', false],
    STARTED: ['PROCESSING', false],
    PAYMENT_METHOD_AWAITED: ['REQUIRES_PAYMENT_METHOD', false],
    DEVICE_DATA_COLLECTION_PENDING: ['REQUIRES_ACTION', false],
    CONFIRMATION_AWAITED: ['REQUIRES_CONFIRMATION', false],
    AUTHENTICATION_PENDING: ['REQUIRES_ACTION', false],
    AUTHENTICATION_SUCCESSFUL: ['PROCESSING', false],
    AUTHENTICATION_FAILED: ['FAILED', true],
    AUTHORIZING: ['PROCESSING', false],
    AUTHORIZED: ['AUTHORIZED', false],
    AUTHORIZATION_FAILED: ['DECLINED', true],
    PARTIALLY_AUTHORIZED: ['AUTHORIZED', false],
    CHARGED: ['CAPTURED', true],
    PARTIAL_CHARGED: ['PARTIALLY_CAPTURED', true], // "the remaining amount cannot be captured"
    PARTIAL_CHARGED_AND_CHARGEABLE: ['PARTIALLY_CAPTURED', false], // "remaining amount can be captured"
    AUTO_REFUNDED: ['CAPTURED', true], // captured, then refunded in full: refundState FULL
    CAPTURE_INITIATED: ['PROCESSING', false],
    CAPTURE_FAILED: ['AUTHORIZED', false], // the authorization stands; a capture may be retried
    VOID_INITIATED: ['PROCESSING', false],
    VOIDED: ['CANCELLED', true],
    VOID_FAILED: ['AUTHORIZED', false], // the authorization stands
    VOIDED_POST_CAPTURE: ['CANCELLED', true],
    COD_INITIATED: ['PROCESSING', false],
    EXPIRED: ['EXPIRED', true],
    ROUTER_DECLINED: ['FAILED', true],
    PENDING: ['PROCESSING', false],
    FAILURE: ['FAILED', true],
    UNRESOLVED: ['UNKNOWN', false],
  };

  it('maps all 28 values of the proto', () => {
    expect(Object.keys(PaymentStatus)).toHaveLength(28);
    for (const status of Object.keys(PaymentStatus) as Array<keyof typeof PaymentStatus>) {
      const { status: unified, isFinal } = readUcsStatus(status);
      expect([status, unified, isFinal]).toEqual([status, ...expected[status]]);
    }
  });
});

describe('UCS transform', () => {
  const lookup: UcsLookup = { connectorTransactionId: 'pi_1', minorAmount: 1000n, currency: 'USD', captureMethod: 'MANUAL' };
  const context = { id: 'pi_1~1000~USD', fetchedAt: new Date(), connector: 'Stripe' };
  const response = (extra: Partial<UcsGetResponse>): UcsGetResponse =>
    ({ connector_transaction_id: 'pi_1', status: 'AUTHORIZED', status_code: 200, response_headers: {}, ...extra });
  const transform = (extra: Partial<UcsGetResponse>, at: UcsLookup = lookup) =>
    transformUcsResponse(response({ amount: { minor_amount: at.minorAmount.toString(), currency: at.currency }, ...extra }), at, context);

  it('maps the seed\'s example response, keeping the id asked for and labelling the echoed amount', () => {
    const payment = transform({ captured_amount: '0', capture_method: 'MANUAL' });
    expect(payment).toMatchObject({
      id: 'pi_1~1000~USD',
      provider: 'UCS',
      status: 'AUTHORIZED',
      isFinal: false,
      providerStatus: 'AUTHORIZED',
      amount: money(1000, 'USD'),
      // connector-service echoes the amount it was sent: the caller's expectation, not UCS's proof.
      amountSource: 'CALLER_EXPECTATION',
      capturedAmount: money(0, 'USD'),
      processor: { name: 'Stripe', transactionId: 'pi_1', responseCode: '200' },
      transactions: [{ type: 'AUTHORIZATION', status: 'AUTHORIZED' }],
    });
    // UCS reports no authorized amount; the echo does not prove one.
    expect(payment.authorizedAmount).toBeUndefined();
  });

  it('labels an amount the connector overwrote as the provider\'s', () => {
    expect(transform({ amount: { minor_amount: '900', currency: 'USD' } })).toMatchObject({ amount: money(900, 'USD'), amountSource: 'PROVIDER' });
  });

  it('claims no authorized amount for a partial authorization', () => {
    const payment = transform({ status: 'PARTIALLY_AUTHORIZED' });
    expect(payment).toMatchObject({ status: 'AUTHORIZED', isFinal: false });
    expect(payment.authorizedAmount).toBeUndefined();
  });

  it('keeps a failed void or capture authorized and open, inventing no amount', () => {
    for (const status of ['VOID_FAILED', 'CAPTURE_FAILED'] as const) {
      const payment = transform({ status, captured_amount: '0' });
      expect(payment, status).toMatchObject({ status: 'AUTHORIZED', isFinal: false, capturedAmount: money(0, 'USD') });
      expect(payment.authorizedAmount, status).toBeUndefined();
    }
  });

  it('proves nothing authorized for a declined authorization', () => {
    expect(transform({ status: 'AUTHORIZATION_FAILED' })).toMatchObject({ status: 'DECLINED', isFinal: true, authorizedAmount: money(0, 'USD') });
  });

  it('reads AUTO_REFUNDED as captured and fully refunded', () => {
    const payment = transform({ status: 'AUTO_REFUNDED', captured_amount: '1000' });
    expect(payment).toMatchObject({ status: 'CAPTURED', isFinal: true, capturedAmount: money(1000, 'USD'), refundedAmount: money(1000, 'USD'), refundState: 'FULL' });
  });

  it('does not read a zero captured_amount on a captured status as "nothing captured"', () => {
    const payment = transform({ status: 'CHARGED', captured_amount: '0' });
    expect(payment).toMatchObject({ status: 'CAPTURED' });
    expect(payment.capturedAmount).toBeUndefined();
  });

  it('uses connector-service\'s own decimals where they differ from ISO 4217', () => {
    const at = (currency: UcsLookup['currency']): UcsLookup => ({ ...lookup, currency });
    expect(transform({ status: 'CHARGED' }, at('ISK')).amount).toEqual(money(1000, 'ISK', 2)); // ISO 0
    expect(transform({ status: 'CHARGED' }, at('MGA')).amount).toEqual(money(1000, 'MGA', 0)); // ISO 2
    expect(transform({ status: 'CHARGED' }, at('IQD')).amount).toEqual(money(1000, 'IQD', 2)); // ISO 3
    expect(transform({ status: 'CHARGED' }, at('LYD')).amount).toEqual(money(1000, 'LYD', 2)); // ISO 3
  });

  it('keeps int64 amounts exact and reads card data from connector_response', () => {
    const payment = transformUcsResponse(
      response({
        status: 'CHARGED',
        amount: { minor_amount: '9223372036854775807', currency: 'IDR' },
        captured_amount: '9223372036854775807',
        connector_response: { additional_payment_method_data: { card: { card_network: 'Visa', domestic_network: 'Cartes Bancaires', auth_code: 'X1' } } },
      }),
      { ...lookup, captureMethod: 'AUTOMATIC' },
      { ...context, connector: 'Adyen' },
    );
    expect(payment.amount?.minorUnits).toBe(9_223_372_036_854_775_807n);
    expect(payment.capturedAmount?.minorUnits).toBe(9_223_372_036_854_775_807n);
    expect(payment.card).toEqual({ network: 'VISA', domesticNetwork: 'CARTES_BANCAIRES' });
    expect(payment.processor?.authorizationCode).toBe('X1');
    expect(payment.transactions?.[0]?.type).toBe('SALE');
  });

  it('maps a status number unknown to this proto to UNKNOWN, keeping it', () => {
    const payment = transform({ status: 99 as unknown as 'STARTED' });
    expect(payment).toMatchObject({ status: 'UNKNOWN', isFinal: false, providerStatus: '99' });
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
