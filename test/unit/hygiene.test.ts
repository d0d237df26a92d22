import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { paymentIdProblem } from '../../src/loading/payment-id.js';
import { maskPans, passesLuhn } from '../../src/security/pan.js';
import { scrubText } from '../../src/security/scrub.js';
import { Secret } from '../../src/security/secret.js';

describe('maskPans', () => {
  it('masks Luhn-valid card numbers in free text, keeping BIN and last four', () => {
    expect(maskPans('card 4111111111111111 declined')).toBe('card 411111******1111 declined');
    expect(maskPans('Card 4111 1111 1111 1111 declined')).toBe('Card 411111******1111 declined');
    expect(maskPans('amex 3782-822463-10005')).toBe('amex 378282*****0005');
  });

  it('leaves numbers that are not card numbers alone', () => {
    expect(maskPans('order 1234567890123 total 42')).toBe('order 1234567890123 total 42');
    expect(maskPans('411111******1111')).toBe('411111******1111');
    expect(passesLuhn('4111111111111112')).toBe(false);
  });
});

describe('scrubText', () => {
  it('removes JWTs and PEM private keys', () => {
    const jwt = 'eyJhbGciOiJFUzUxMiJ9.eyJzY29wZXMiOlsidHJhbnNhY3Rpb25zLnJlYWQiXX0.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
    expect(scrubText(`Bearer ${jwt}`)).toBe('Bearer [jwt redacted]');
    const pem = '-----BEGIN PRIVATE KEY-----\nMIHuAgEAMBAGByqGSM49\n-----END PRIVATE KEY-----';
    expect(scrubText(`key=${pem} end`)).toBe('key=[private key redacted] end');
    expect(scrubText('"key":"-----BEGIN EC PRIVATE KEY-----\\nMIHu\\n-----END EC PRIVATE KEY-----\\n"')).toBe(
      '"key":"[private key redacted]"',
    );
  });
});

describe('Secret', () => {
  it('never prints its value', () => {
    const secret = new Secret('sk_live_123');
    expect(String(secret)).toBe('[redacted]');
    expect(`secret=${String(secret)}`).toBe('secret=[redacted]');
    expect(JSON.stringify({ secret })).toBe('{"secret":"[redacted]"}');
    expect(inspect({ secret })).not.toContain('sk_live_123');
    expect(secret.reveal()).toBe('sk_live_123');
  });
});

describe('paymentIdProblem', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['x'.repeat(129), 'longer than 128'],
    ['a/b', '/ ?'],
    ['a?b=1', '/ ?'],
    ['a#b', '/ ?'],
    ['a%2Fb', '/ ?'],
    ['a\\b', '/ ?'],
    ['..', '".."'],
    ['a..b', '".."'],
    ['a\nb', 'control'],
    ['a\u0000b', 'control'],
    ['a\u007fb', 'control'],
    [' abc', 'leading or trailing'],
  ])('refuses %j (%s)', (id, reason) => {
    expect(paymentIdProblem(id)).toContain(reason);
  });

  it.each(['kHdEw9EG', 'pay_settled', '7099948d-7286-47e4-aad8-b68f7eb44591', 'pi_123', 'a.b', 'x'.repeat(128)])(
    'accepts %j',
    (id) => {
      expect(paymentIdProblem(id)).toBeUndefined();
    },
  );
});
