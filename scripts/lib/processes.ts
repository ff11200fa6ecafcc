import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/**
 * Keeps track of the processes a command started and stops all of them, once, when the command ends
 * (Ctrl-C, SIGTERM, an error or a normal exit), so that nothing is left listening on a port.
 */
export class Supervisor {
  private readonly children = new Set<ChildProcess>();
  private readonly cleanups: Array<() => Promise<void> | void> = [];
  private stopping: Promise<void> | undefined;

  constructor() {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.once(signal, () => {
        void this.stopAll().then(() => {
          console.info('Stopped everything this command started.');
          process.exit(signal === 'SIGINT' ? 130 : 143);
        });
      });
    }
    process.once('exit', () => {
      for (const child of this.children) child.kill('SIGKILL');
    });
  }

  /**
   * Children get a process group of their own so that Ctrl-C in the terminal reaches only this
   * process, which then stops them in order (the gateway before the PACS).
   */
  spawn(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
    const child = spawn(command, args, { ...options, detached: true });
    this.children.add(child);
    child.once('exit', () => this.children.delete(child));
    return child;
  }

  /** Runs `cleanup` when everything stops; cleanups run in reverse order of registration. */
  onStop(cleanup: () => Promise<void> | void): void {
    this.cleanups.push(cleanup);
  }

  stopAll(): Promise<void> {
    this.stopping ??= this.doStop();
    return this.stopping;
  }

  private async doStop(): Promise<void> {
    for (const cleanup of [...this.cleanups].reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.error(`While stopping: ${(error as Error).message}`);
      }
    }
    await Promise.all([...this.children].map((child) => stopChild(child)));
  }
}

/** Asks a process to stop, and kills it if it has not stopped after `graceMs`. */
export function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
