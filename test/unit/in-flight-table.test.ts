import { describe, expect, it } from 'vitest';
import { InFlightTable } from '../../src/request/in-flight-table.js';

describe('in-flight table', () => {
  it('keeps, counts and forgets entries by key, any string included', () => {
    const table = new InFlightTable<number>();
    // Keys an object literal would treat specially: a null-prototype table must hold them as plain keys.
    for (const [index, key] of ['pay_1', '__proto__', 'constructor', 'toString', '0', ''].entries()) table.set(key, index);
    expect(table.size).toBe(6);
    expect(table.get('__proto__')).toBe(1);
    expect(table.get('constructor')).toBe(2);
    expect(table.get('hasOwnProperty')).toBeUndefined();
    table.set('pay_1', 10);
    expect(table.size).toBe(6);
    table.delete('__proto__');
    table.delete('__proto__');
    table.delete('never-set');
    expect(table.size).toBe(5);
    expect(table.get('__proto__')).toBeUndefined();
    expect(table.values().sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 10]);
  });
});
