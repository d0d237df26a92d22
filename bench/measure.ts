/**
 * What a bench round measures besides autocannon's own figures, read from /proc (Linux) the same way
 * for every process: CPU seconds (utime + stime), resident memory, and how much of the machine other
 * processes used meanwhile, so that a round taken while the machine was busy is known to be one.
 */
import { readFileSync } from 'node:fs';

/** USER_HZ: /proc reports CPU time in these ticks (100 on every Linux we run on; `getconf CLK_TCK`). */
const TICKS_PER_SECOND = 100;

/** CPU seconds a process has used so far (user + system), from /proc/<pid>/stat fields 14 and 15. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
  // The command name (field 2) may hold spaces and parentheses: count fields after its closing one.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** Resident memory of a process in MiB, from /proc/<pid>/status. */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${String(pid)}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? '0') / 1024);
}

/** CPU seconds the whole machine has been busy (every state but idle and iowait), from /proc/stat. */
function machineBusySeconds(): number {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq, steal] = ticks.map(Number);
  return (user! + nice! + system! + irq! + softirq! + steal!) / TICKS_PER_SECOND;
}

/**
 * Other processes' CPU use over a window, in cores: the machine's busy time minus what `pids` used.
 * More than `BUSY_CORES` means a neighbour took a noticeable share of the machine while we measured.
 */
export const BUSY_CORES = 0.25;

export interface Window {
  /** Ends the window: CPU seconds each watched process used in it, and the others' load in cores. */
  end(): { readonly cpuSecondsByPid: ReadonlyMap<number, number>; readonly othersCores: number; readonly seconds: number };
}

export function openWindow(pids: readonly number[]): Window {
  const started = performance.now();
  const machineStart = machineBusySeconds();
  const start = new Map(pids.map((pid) => [pid, cpuSeconds(pid)]));
  return {
    end() {
      const seconds = (performance.now() - started) / 1000;
      const used = new Map(pids.map((pid) => [pid, cpuSeconds(pid) - start.get(pid)!]));
      const ours = [...used.values()].reduce((sum, value) => sum + value, 0);
      const othersCores = Math.max(0, machineBusySeconds() - machineStart - ours) / seconds;
      return { cpuSecondsByPid: used, othersCores: Number(othersCores.toFixed(2)), seconds };
    },
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The spread of `values` around their median, as a fraction: (max - min) / median. */
export function spread(values: readonly number[]): number {
  return Number(((Math.max(...values) - Math.min(...values)) / median(values)).toFixed(2));
}
