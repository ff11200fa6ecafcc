import { join, resolve } from 'node:path';
import type { Supervisor } from './processes';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** What server/main.ts prints once it listens. */
const READY = /Fovea gateway is ready: (\S+)/;
const START_TIMEOUT_MS = 30_000;

/**
 * Runs the gateway (server/main.ts) in a process of its own under `supervisor`, configured by `env`
 * (FOVEA_* variables), and resolves to its URL once it listens. Rejects with what it printed when it
 * exits or stays silent instead.
 */
export function startGatewayProcess(env: Record<string, string>, supervisor: Supervisor): Promise<string> {
  // Node itself with tsx's loader rather than tsx's launcher: one process, which the supervisor's
  // signals reach.
  const child = supervisor.spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`The gateway did not start: ${why}\n${output.trim()}`));
    };
    const timer = setTimeout(() => fail(`no answer within ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = READY.exec(output);
      if (ready) {
        clearTimeout(timer);
        child.off('exit', onExit);
        // From now on its log (errors only, at the level the stack sets) is passed on as it comes.
        child.stdout!.off('data', read);
        child.stderr!.off('data', keep);
        child.stdout!.pipe(process.stderr, { end: false });
        child.stderr!.pipe(process.stderr, { end: false });
        resolvePromise(ready[1]!);
      }
    };
    const keep = (chunk: Buffer) => {
      output += chunk.toString();
    };
    const onExit = (code: number | null, signal: string | null) =>
      fail(`it exited (${signal ?? `code ${code}`})`);
    child.stdout!.on('data', read);
    child.stderr!.on('data', keep);
    child.once('exit', onExit);
  });
}
