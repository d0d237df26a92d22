import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { HttpSimulator } from '../../src/simulation/http-simulator.js';

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
