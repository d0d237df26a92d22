import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PaymentLookupError } from '../../src/errors/payment-lookup-error.js';
import { DecimalText } from '../../src/model/money.js';
import type { HttpResponse } from '../../src/providers/http/json-http-client.js';
import { mayHoldLongNumber, parseJsonBody, parseJsonText } from '../../src/providers/http/responses.js';

const response = (body: unknown): HttpResponse => ({
  status: 200,
  headers: { 'content-type': 'application/json' },
  text: typeof body === 'string' ? body : JSON.stringify(body),
});

const schema = z.object({
  id: z.string(),
  status: z.string(),
  note: z.string().nullish(),
  card: z.object({ last4: z.string().nullish(), exp: z.object({ month: z.number() }).nullish() }).nullish(),
  items: z.array(z.object({ id: z.string(), amount: z.number().nullish() })).nullish(),
});

const essential = { essential: ['id', 'status'] };

describe('reading a provider body: the fields that define it, or an error; the rest as far as it fits', () => {
  it('leaves out a secondary field that does not fit and names its path, never its value', () => {
    const parsed = parseJsonBody('KUIKPOS', response({ id: 'p', status: 'SUCCESS', note: 4111111111111111, card: { last4: 1234 } }), schema, essential);
    expect(parsed.wire).toEqual({ id: 'p', status: 'SUCCESS', card: {} });
    expect([...parsed.dropped].sort()).toEqual(['card.last4', 'note']);
  });

  it('removes an array item that lacks a required field, keeping the list, and the other items in place', () => {
    const parsed = parseJsonBody('PRIMER', response({ id: 'p', status: 'S', items: [{ amount: 1 }, { id: 'b', amount: 'x' }, { id: 'c' }] }), schema, essential);
    expect(parsed.wire.items).toEqual([{ id: 'b' }, { id: 'c' }]);
    expect([...parsed.dropped].sort()).toEqual(['items.0', 'items.1.amount']);
  });

  it('refuses a body whose essential field does not fit, as PROVIDER_BAD_RESPONSE naming the field', () => {
    for (const body of [{ id: 42, status: 'S' }, { id: 'p' }, { id: 'p', status: ['x'] }, []]) {
      const read = () => parseJsonBody('GR4VY', response(body), schema, essential);
      expect(read).toThrow(PaymentLookupError);
      expect(read).toThrow(/unexpected shape at (id|status|body)/);
    }
  });

  it('is strict without an essential list: every mismatch makes the body unreadable', () => {
    expect(() => parseJsonBody('GR4VY', response({ id: 'p', status: 'S', note: 1 }), schema)).toThrow('unexpected shape at note');
  });

  it('reads numbers losslessly only where a float would lose digits', () => {
    expect(parseJsonText('{"a":100.50,"b":1299}')).toEqual({ a: 100.5, b: 1299 });
    expect(parseJsonText('{"a":9223372036854775807,"b":12345678901234567.89,"c":1.5}')).toEqual({
      a: 9_223_372_036_854_775_807n,
      b: new DecimalText('12345678901234567.89'),
      c: 1.5,
    });
    // Wherever a value may start, pretty-printed or not.
    expect(parseJsonText('{"a": [1, -9223372036854775807],\n  "b":\n\t12345678901234567.5}')).toEqual({
      a: [1, -9_223_372_036_854_775_807n],
      b: new DecimalText('12345678901234567.5'),
    });
  });

  it('takes the exact parser only for a long number, not for long digit runs inside strings', () => {
    for (const long of [' 12345678901234567', '{"a":1234567890123456}', '{"a": [0, 1234567890.123456]}', '{"a":\n -1234567890123456}']) expect(mayHoldLongNumber(long), long).toBe(true);
    const hash = '{"hash":"0x9f2c4a7e1b3d5f60718293a4b5c6d7e8f9012345678901234567890abcdef12","ref":"1234567890123456789","n":12}';
    expect(mayHoldLongNumber(hash)).toBe(false);
    expect(parseJsonText(hash)).toEqual(JSON.parse(hash));
    expect(parseJsonText('12345678901234567')).toBe(12_345_678_901_234_567n);
  });
});
