import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.js';
import { GR4VY_SAMPLE_IDS } from '../../src/providers/gr4vy/fixtures.js';
import { PRIMER_LEAKY_ID } from '../../src/providers/primer/fixtures.js';
import { passesLuhn } from '../../src/security/pan.js';
import { startTestApp, type TestApp } from '../helpers/harness.js';

/**
 * Red team, issue 11 point 2: nothing sensitive leaves, by construction. Providers put card numbers
 * in every free-text field (touching letters and `_`, spaced, dotted) and echo this service's own
 * credentials and tokens back; none of it may reach a response, an error or a log line.
 */
const CARD_NUMBERS = /4111111111111111|4111 1111 1111 1111|4111\.1111\.1111\.1111|5555555555554444|378282246310005/;

/** Every String field of a payment, so no field can hide a leak. */
const EVERY_STRING = `query($id: ID!, $provider: Provider!) { payment(id: $id, provider: $provider) {
  id providerStatus orderId paymentMethodType description
  customer { id email name phone }
  card { network last4 bin holderName funding issuerCountry issuerName loyaltyProgram domesticNetwork }
  processor { name merchantId transactionId authorizationCode responseCode responseMessage }
  statusReason { category code message declineType advisedAction }
  nextAction { type description url }
  metadata { key value }
  transactions { id providerStatus processorTransactionId blockchainHash reason }
} }`;

describe('red team: nothing sensitive leaves the service', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('masks card numbers in every field a provider may put them, whatever touches the digits', async () => {
    const response = await app.query<{ payment: Record<string, unknown> }>(EVERY_STRING, { id: PRIMER_LEAKY_ID, provider: 'PRIMER' });
    // Two card numbers side by side are masked as one run (the space between them goes too).
    expect(response.data?.payment).toMatchObject({ orderId: 'ord_411111******1111_', customer: { name: 'x411111******1111411111******1111' } });
    expect(response.raw).not.toMatch(CARD_NUMBERS);
    expect(app.logs.text).not.toMatch(CARD_NUMBERS);
  });

  it('removes this service\'s own API key and any JWT a provider echoes back', async () => {
    const response = await app.query(EVERY_STRING, { id: PRIMER_LEAKY_ID, provider: 'PRIMER' });
    const apiKey = app.simulator('PRIMER').requests.at(-1)?.headers['x-api-key'];
    expect(typeof apiKey === 'string' && apiKey.length > 8).toBe(true);
    expect(response.raw).not.toContain(apiKey as string);
    expect(response.raw).toContain('[redacted]');
    expect(response.raw).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
  });

  it('removes a live Gr4vy bearer token echoed in a processor message', async () => {
    const response = await app.query(EVERY_STRING, { id: GR4VY_SAMPLE_IDS.leaky, provider: 'GR4VY' });
    const bearer = String(app.simulator('GR4VY').requests.at(-1)?.headers.authorization).slice('Bearer '.length);
    expect(bearer.startsWith('eyJ')).toBe(true);
    expect(response.raw).toContain('[jwt redacted]');
    expect(response.raw + app.logs.text).not.toContain(bearer);
    expect(response.raw).not.toMatch(CARD_NUMBERS);
  });

  it('removes UCS\'s x-connector-config echoed in an in-band decline', async () => {
    const response = await app.query(EVERY_STRING, { id: 'pi_echo_config~1000~USD', provider: 'UCS' });
    const config = String(app.simulator('UCS').requests.at(-1)?.headers['x-connector-config']);
    expect(config).toContain('api_key');
    const apiKey = (JSON.parse(config) as { config: { Stripe: { api_key: string } } }).config.Stripe.api_key;
    expect(response.raw).toContain('[redacted]');
    expect(response.raw + app.logs.text).not.toContain(apiKey);
    expect(response.raw).not.toMatch(CARD_NUMBERS);
  });

  it('masks card numbers a caller sends, in validation messages and log lines alike', async () => {
    const asId = await app.query(EVERY_STRING, { id: '4111111111111111', provider: 'PRIMER' });
    const asEnum = await app.query('{ payment(id: "x", provider: PRIMER_4111111111111111) { id } }');
    expect(asEnum.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(asId.raw + asEnum.raw + app.logs.text).not.toMatch(CARD_NUMBERS);
  });

  it('writes only valid JSON log lines, epoch times that pass Luhn included', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger('info', sink);
    // A 13-digit epoch millisecond count that passes Luhn: scrubbing the serialized line masked these.
    let luhnEpoch = 1_796_190_000_000;
    while (!passesLuhn(String(luhnEpoch))) luhnEpoch += 1;
    logger.info({ at: luhnEpoch, card: 'x4111111111111111', nested: { list: ['4111 1111 1111 1111'] } }, 'pan 4111111111111111_');
    for (const line of [...app.logs.lines, ...lines]) expect(() => JSON.parse(line) as unknown, line).not.toThrow();
    const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(entry).toMatchObject({ at: luhnEpoch, card: 'x411111******1111', nested: { list: ['411111******1111'] }, msg: 'pan 411111******1111_' });
  });
});
