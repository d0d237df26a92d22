import { spawn, type ChildProcess } from 'node:child_process';

const ROOT = new URL('../', import.meta.url);

export interface Started {
  readonly child: ChildProcess;
  readonly line: string;
}

/**
 * Starts an entry point in its own process (the load generator must not share an event loop with
 * what it measures) and resolves with the first stdout line matching `ready`. A `.ts` entry runs
 * through tsx; a built `.js` one as production runs it.
 */
export function startProcess(entry: string, env: Record<string, string>, ready: RegExp): Promise<Started> {
  const child = spawn(process.execPath, entry.endsWith('.ts') ? ['--import', 'tsx', entry] : [entry], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = buffer.split('\n').find((line) => ready.test(line));
      if (match) resolve({ child, line: match });
    });
    child.once('exit', (code) => {
      reject(new Error(`${entry} exited (${String(code)}) before it was ready`));
    });
  });
}

export function stopAll(children: readonly ChildProcess[]): void {
  for (const child of children) child.kill('SIGTERM');
}
