import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { chromiumVersion } from './browser';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  chromium: string;
  node: string;
  commit: string;
  /** Uncommitted changes were present when the figures were taken. */
  dirty: boolean;
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

export async function machineInfo(): Promise<MachineInfo> {
  const cpu = cpus();
  return {
    cpuModel: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    chromium: await chromiumVersion(),
    node: process.version,
    commit: git(['rev-parse', '--short', 'HEAD']) || 'unknown',
    dirty: git(['status', '--porcelain', '--untracked-files=no']) !== '',
  };
}
