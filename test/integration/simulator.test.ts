import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { HttpSimulator } from '../../src/simulation/http-simulator.js';
import { RequestLog } from '../../src/simulation/request-log.js';

describe('simulated provider latency', () => {
  it('answers latencyMs after the request arrived, with the time spent working out the answer inside it', async () => {
    const workMs = 150;
    const latencyMs = 300;
    const simulator = await HttpSimulator.start(
      {
        name: 'slow-to-decide',
        serverError: () => ({ status: 503 }),
        handle: async () => {
          await sleep(workMs);
          return { status: 200, body: { ok: true } };
        },
      },
      { latencyMs },
    );
    try {
      const started = performance.now();
      const response = await fetch(`${simulator.url}/anything`);
      const elapsed = performance.now() - started;
      expect(await response.json()).toEqual({ ok: true });
      expect(elapsed).toBeGreaterThanOrEqual(latencyMs - 1);
      // Waiting the full latency after the work would take latencyMs + workMs (450 ms).
      expect(elapsed).toBeLessThan(latencyMs + workMs - 20);
    } finally {
      await simulator.close();
    }
  });
});

describe('request log', () => {
  it('stays bounded when every request asks for a new path, as the bench does, and still counts every call', () => {
    const log = new RequestLog();
    for (let n = 0; n <= 10_000; n += 1) log.start({ method: 'GET', path: `/payments/pay_gen_${String(n)}`, headers: {} })();
    expect(log.totalCalls).toBe(10_001);
    expect(log.callsTo('/payments/pay_gen_10000')).toBe(1);
    // The oldest path's count went to make room.
    expect(log.callsTo('/payments/pay_gen_0')).toBe(0);
    expect(log.requests).toHaveLength(1_000);
  });
});
