import { createServer } from 'node:net';

/** A port that was free on the loopback interface a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port was assigned'));
      });
    });
  });
}

export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly purpose: string,
    readonly envVar: string,
  ) {
    super(
      `Port ${port} (${purpose}) is already in use — is Fovea or another program already running?\n` +
        `Stop it, or choose another port: ${envVar}=<port> npm start`,
    );
  }
}

/** Fails with a message a person can act on when `port` is taken (on any interface). */
export function assertPortFree(port: number, purpose: string, envVar: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port, purpose, envVar) : error);
    });
    // Orthanc binds every interface, so the check does too.
    server.listen(port, () => server.close(() => resolve()));
  });
}
