import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';

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
export function startProcess(command: string | readonly string[], env: Record<string, string>, ready: RegExp): Promise<Started> {
  // A built entry may come with the Node flags production starts it with (`[...flags, entry]`).
  const argv = typeof command === 'string' ? [command] : [...command];
  const entry = argv.at(-1)!;
  const child = spawn(process.execPath, entry.endsWith('.ts') ? ['--import', 'tsx', ...argv] : argv, {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<never>((_, reject) => {
    child.once('exit', (code) => {
      reject(new Error(`${entry} exited (${String(code)}) before it was ready`));
    });
  });
  return Promise.race([nextLine(child, ready), exited]).then((line) => ({ child, line }));
}

/**
 * A bench helper process (floor, peer, Apollo floor, OTLP sink) that prints `<LABEL> <url>` once
 * listening: started as `startProcess` starts it, with the URL it serves.
 */
export async function startHelper(command: string | readonly string[], env: Record<string, string>, label: string): Promise<{ url: string; child: ChildProcess }> {
  const { child, line } = await startProcess(command, env, new RegExp(`^${label} http`));
  return { url: line.slice(label.length).trim(), child };
}

/**
 * The first complete line `child` prints to stdout from now on that matches `pattern`. The child's
 * stdout keeps flowing afterwards, so a chatty child never blocks on a full pipe.
 */
export function nextLine(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve) => {
    let partial = '';
    const onData = (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      const match = lines.find((line) => pattern.test(line));
      if (match === undefined) return;
      child.stdout?.off('data', onData);
      resolve(match);
    };
    child.stdout?.on('data', onData);
  });
}

/** Kills one child at once and waits for it to exit: the next measurement must not share the cores with it draining. */
export async function stopNow(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}

export function stopAll(children: readonly ChildProcess[]): void {
  for (const child of children) child.kill('SIGTERM');
}

/** The Dockerfile production is built from: what the bench reads production's runtime and flags from. */
const dockerfile = () => readFileSync(new URL('Dockerfile', ROOT), 'utf8');

/** The Node flags the Dockerfile's CMD starts the service with, so the bench runs what production runs. */
export function productionNodeFlags(): string[] {
  const cmd = /^CMD (\[.*\])$/m.exec(dockerfile())?.[1];
  const argv = cmd ? (JSON.parse(cmd) as string[]) : [];
  if (argv[0] !== 'node' || argv.at(-1) !== 'dist/src/main.js') throw new Error('the Dockerfile CMD is no longer `node [flags] dist/src/main.js`: update the bench');
  return argv.slice(1, -1);
}

/** The Node major version production runs: the last stage's `FROM node:<major>…` in the Dockerfile (the runtime image). */
export function productionNodeMajor(): number {
  const major = [...dockerfile().matchAll(/^FROM node:(\d+)/gm)].at(-1)?.[1];
  if (!major) throw new Error('the Dockerfile no longer starts FROM node:<major>: update the bench');
  return Number(major);
}

/**
 * A build of the subgraph (`dist/src/main.js`, or another build's) started as production starts it,
 * on a free loopback port: the Dockerfile's Node flags (or `nodeFlags`), `NODE_ENV=production`, and `env` on top.
 * Resolves once it logs that it is ready, with the URL it serves (without `/graphql`).
 */
export async function startSubgraph(env: Record<string, string>, entry = 'dist/src/main.js', nodeFlags = productionNodeFlags()): Promise<{ url: string; child: ChildProcess }> {
  const { child, line } = await startProcess([...nodeFlags, entry], { NODE_ENV: 'production', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env }, /subgraph ready at /);
  return { url: /ready at (\S+)\/graphql/.exec(line)![1]!, child };
}
