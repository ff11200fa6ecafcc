import { mkdirSync, openSync, readFileSync, writeFileSync, existsSync, closeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Supervisor } from './processes';
import { stopChild } from './processes';

const PLUGIN_DIR = '/usr/share/orthanc/plugins';

export interface OrthancOptions {
  /** Folder for the database, the storage area, the worklist files, the log and the credentials. */
  dataDir: string;
  httpPort: number;
  dicomPort: number;
  /** Application Entity title of Orthanc's DICOM server. */
  aet: string;
}

export interface RunningOrthanc {
  /** Base URL of Orthanc's REST API, without credentials. */
  url: string;
  /** DICOMweb root served by Orthanc's DICOMweb plugin. */
  dicomWebUrl: string;
  /** Value of the Authorization header that Orthanc accepts. */
  authorization: string;
  worklistDir: string;
  logFile: string;
  /** Calls Orthanc's REST API with the credentials. */
  rest(path: string, init?: RequestInit): Promise<Response>;
  /** Calls `listener` if Orthanc stops without being asked to. */
  onUnexpectedExit(listener: (reason: string) => void): void;
  stop(): Promise<void>;
}

/** The credentials the gateway uses; created once per data folder so Orthanc has one known client. */
export function orthancCredentials(dataDir: string): { username: string; password: string } {
  const file = join(dataDir, 'gateway-credentials.json');
  if (existsSync(file))
    return JSON.parse(readFileSync(file, 'utf8')) as { username: string; password: string };
  mkdirSync(dataDir, { recursive: true });
  const credentials = { username: 'fovea-gateway', password: randomBytes(24).toString('base64url') };
  writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

export function orthancConfig(options: OrthancOptions, credentials: { username: string; password: string }) {
  const storage = join(options.dataDir, 'storage');
  return {
    Name: 'Fovea',
    StorageDirectory: storage,
    IndexDirectory: storage,
    StorageCompression: false,
    HttpPort: options.httpPort,
    DicomPort: options.dicomPort,
    DicomAet: options.aet,
    DicomCheckCalledAet: false,
    // Only loopback clients, and only with the gateway's credentials: the gateway is the one client.
    RemoteAccessAllowed: false,
    AuthenticationEnabled: true,
    RegisteredUsers: { [credentials.username]: credentials.password },
    // Worklist answers are converted to this encoding; UTF-8 keeps non-Latin names intact.
    DefaultEncoding: 'Utf8',
    HttpCompressionEnabled: false,
    KeepAlive: true,
    TcpNoDelay: true,
    HttpThreadsCount: 50,
    HttpRequestTimeout: 60,
    // The worklist plugin answers C-FIND from the .wl files; Orthanc queries itself through the
    // "fovea-mwl" modality so that the REST route /modalities/fovea-mwl/find-worklist works.
    DicomModalities: { 'fovea-mwl': [options.aet, '127.0.0.1', options.dicomPort] },
    Plugins: [
      join(PLUGIN_DIR, 'libOrthancDicomWeb.so'),
      join(PLUGIN_DIR, 'libOrthancGdcm.so'),
      join(PLUGIN_DIR, 'libModalityWorklists.so'),
    ],
    DicomWeb: {
      Enable: true,
      Root: '/dicom-web/',
      EnableWado: true,
      Ssl: false,
      StudiesMetadata: 'Full',
      SeriesMetadata: 'Full',
    },
    // GDCM stays off. Debian's civetweb gives Orthanc's HTTP threads 100 KiB of stack, and
    // gdcm::ImageWriter::Write (called for every transcoding GDCM answers) reserves 129 KiB of stack on
    // entry: each GDCM transcoding writes past the thread's stack, which either kills Orthanc (SIGSEGV
    // in libgdcmMSFF) or silently corrupts a neighbouring thread's stack, so crashes came and went with
    // the load. Restricting GDCM to JPEG 2000 only moved the crash: a JPEG 2000 frame asked for in
    // another syntax still killed Orthanc on the first request. The plugin cannot keep its decoder and
    // drop its transcoder, so neither is used: DCMTK converts every syntax but JPEG 2000, and JPEG 2000
    // frames are sent as stored and decoded in the browser.
    Gdcm: { Enable: false },
    Worklists: { Enable: true, Database: join(options.dataDir, 'worklists') },
    // A study is "stable" (and announced on /changes) shortly after its last instance arrives.
    StableAge: 3,
    OverwriteInstances: true,
  };
}

/** Starts Orthanc with a private configuration and resolves once its REST API answers. */
export async function startOrthanc(options: OrthancOptions, supervisor: Supervisor): Promise<RunningOrthanc> {
  mkdirSync(join(options.dataDir, 'storage'), { recursive: true });
  mkdirSync(join(options.dataDir, 'worklists'), { recursive: true });
  const credentials = orthancCredentials(options.dataDir);
  const configFile = join(options.dataDir, 'orthanc.json');
  writeFileSync(configFile, JSON.stringify(orthancConfig(options, credentials), null, 2), { mode: 0o600 });

  const { logFile } = describe(options);
  const logFd = openSync(logFile, 'w');
  const child = supervisor.spawn('Orthanc', ['--verbose', configFile], { stdio: ['ignore', logFd, logFd] });
  closeSync(logFd);
  let exited: string | undefined;
  child.once('exit', (code, signal) => {
    exited = `Orthanc exited (${signal ?? `code ${code}`})`;
  });
  child.once('error', (error) => {
    exited = `Orthanc could not be started: ${error.message}`;
  });

  const { url, authorization, rest } = orthancClient(options);

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`${exited}. Last lines of ${logFile}:\n${tail(logFile, 15)}`);
    try {
      const response = await rest('/system', { signal: AbortSignal.timeout(2000) });
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`Orthanc did not answer within 60 s; see ${logFile}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  let stopping = false;
  const running: RunningOrthanc = {
    ...describe(options),
    url,
    authorization,
    rest,
    onUnexpectedExit: (listener) => {
      child.once('exit', (code, signal) => {
        if (!stopping) listener(`Orthanc stopped unexpectedly (${signal ?? `exit code ${code}`})`);
      });
    },
    stop: () => {
      stopping = true;
      return stopChild(child);
    },
  };
  supervisor.onStop(() => running.stop());
  return running;
}

/** REST access to the Orthanc of `options` with the gateway's credentials. */
export function orthancClient(options: Pick<OrthancOptions, 'dataDir' | 'httpPort'>) {
  const { username, password } = orthancCredentials(options.dataDir);
  const url = `http://127.0.0.1:${options.httpPort}`;
  const authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  const rest = (path: string, init: RequestInit = {}) =>
    fetch(`${url}${path}`, {
      ...init,
      headers: { authorization, ...(init.headers as Record<string, string>) },
    });
  return { url, authorization, rest };
}

function describe(options: Pick<OrthancOptions, 'dataDir' | 'httpPort'>) {
  return {
    dicomWebUrl: `http://127.0.0.1:${options.httpPort}/dicom-web`,
    worklistDir: join(options.dataDir, 'worklists'),
    logFile: join(options.dataDir, 'orthanc.log'),
  };
}

/** The Orthanc of `options` if it is already running (started by another command), else undefined. */
export async function connectToRunningOrthanc(
  options: Pick<OrthancOptions, 'dataDir' | 'httpPort'>,
): Promise<RunningOrthanc | undefined> {
  const client = orthancClient(options);
  try {
    if (!(await client.rest('/system', { signal: AbortSignal.timeout(1500) })).ok) return undefined;
  } catch {
    return undefined;
  }
  // Not ours to stop: the command that started it does.
  return { ...describe(options), ...client, onUnexpectedExit: () => {}, stop: async () => {} };
}

function tail(file: string, lines: number): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
