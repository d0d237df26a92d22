import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url);

/** Runs `src/main.ts` as its own process, as `npm start` does after building. */
function startProcess(env: Record<string, string>): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOST: '127.0.0.1', PORT: '0', ...env },
  });
}

/** Resolves with the URL the process logs once it listens. Keeps reading stdout afterwards, so the child never writes to a closed pipe. */
function readyUrl(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /subgraph ready at (http:\/\/[\d.:]+)\/graphql/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', () => {
      reject(new Error(`the process exited before it was ready:\n${output}`));
    });
  });
}

describe('the subgraph process', () => {
  it('refuses to start on a bad variable, naming it', async () => {
    const child = startProcess({ PORT: 'eighty' });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).toBe(78);
    expect(stderr).toContain('PORT:');
  });

  it('on SIGTERM finishes the request in flight, refuses new work and exits cleanly', async () => {
    const child = startProcess({ SIMULATOR_LATENCY_MS: '1000', LOG_LEVEL: 'info' });
    try {
      const url = await readyUrl(child);
      const inFlight = fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ payment(id: "pay_settled", provider: PRIMER) { id status } }' }),
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 100));

      const refused = await fetch(`${url}/ready`).then(
        (response) => response.status,
        () => 'refused',
      );
      expect([503, 'refused']).toContain(refused);

      const response = await inFlight;
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ data: { payment: { id: 'pay_settled', status: 'CAPTURED' } } });
      const [code, signal] = (await exited) as [number | null, string | null];
      expect({ code, signal }).toEqual({ code: 0, signal: null });
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('on SIGTERM turns /ready to 503 while it still serves, for the readiness delay, then drains and exits', async () => {
    const child = startProcess({ SHUTDOWN_READINESS_DELAY_MS: '800', LOG_LEVEL: 'info' });
    try {
      const url = await readyUrl(child);
      expect((await fetch(`${url}/ready`)).status).toBe(200);
      const exited = once(child, 'exit');
      const signalledAt = performance.now();
      child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 200));
      // Still listening (a load balancer can read the 503), and still answering GraphQL.
      expect((await fetch(`${url}/ready`)).status).toBe(503);
      const query = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
      expect(query.status).toBe(200);
      const [code] = (await exited) as [number | null];
      expect(code).toBe(0);
      expect(performance.now() - signalledAt).toBeGreaterThanOrEqual(800);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
