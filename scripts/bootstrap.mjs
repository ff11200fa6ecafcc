// @ts-check
// The entry point behind `npm start|dev|test|seed|bench`. It has no dependencies so that it can run on a
// fresh clone: it installs node modules and Debian packages that are missing, then hands over to the
// TypeScript command in scripts/.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Debian packages each command needs. */
const RUNTIME_PACKAGES = ['orthanc', 'orthanc-dicomweb', 'orthanc-gdcm', 'dcmtk', 'libgdcm-tools'];
const BROWSER_PACKAGES = ['chromium', 'fonts-dejavu-core', 'fonts-noto-cjk'];
/** @type {Record<string, string[]>} */
const PACKAGES_FOR = {
  start: RUNTIME_PACKAGES,
  dev: RUNTIME_PACKAGES,
  seed: RUNTIME_PACKAGES,
  test: [...RUNTIME_PACKAGES, ...BROWSER_PACKAGES],
  bench: [...RUNTIME_PACKAGES, ...BROWSER_PACKAGES],
};

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  process.stderr.write(`\nFovea cannot start: ${message}\n`);
  process.exit(2);
}

/**
 * @param {string} cmd
 * @param {string[]} args
 * @param {import('node:child_process').SpawnSyncOptions} [options]
 */
function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.error) fail(`could not run ${cmd}: ${result.error.message}`);
  return result.status ?? 1;
}

function ensureNodeModules() {
  const lock = join(root, 'package-lock.json');
  if (!existsSync(lock)) fail('package-lock.json is missing; this checkout is incomplete.');
  const hash = createHash('sha256').update(readFileSync(lock)).digest('hex');
  const stamp = join(root, 'node_modules', '.fovea-lock-hash');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === hash) return;
  // `npm install` with the committed lock file installs exactly the locked versions. `npm ci` is not used
  // because it rejects a lock file that lacks optional packages for other platforms (rollup's), which
  // a registry mirror without those packages produces.
  process.stdout.write('Installing node modules from package-lock.json…\n');
  if (run('npm', ['install', '--no-audit', '--no-fund']) !== 0) fail('npm install failed (see above).');
  writeFileSync(stamp, `${hash}\n`);
}

/** @param {string} name */
function isInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

/** @param {string[]} wanted */
function ensureSystemPackages(wanted) {
  const isDebian = existsSync('/etc/debian_version');
  const missing = isDebian ? wanted.filter((name) => !isInstalled(name)) : [];
  if (missing.length === 0) {
    if (!isDebian && !commandExists('Orthanc')) {
      fail(
        `this is not a Debian system and Orthanc was not found on PATH.\n` +
          `Install the equivalents of: ${wanted.join(' ')}`,
      );
    }
    return;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    fail(
      `these Debian packages are missing: ${missing.join(' ')}\n` +
        `Install them as root, then run the command again:\n\n  sudo apt-get install -y ${missing.join(' ')}\n`,
    );
  }
  process.stdout.write(`Installing Debian packages: ${missing.join(' ')}\n`);
  // Debian's orthanc package would start its own system service; Fovea runs Orthanc itself with a
  // private configuration, so service starts are refused while installing.
  const policy = '/usr/sbin/policy-rc.d';
  const ownPolicy = !existsSync(policy);
  if (ownPolicy) writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
  try {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (run('apt-get', ['update', '-q'], { env }) !== 0) fail('apt-get update failed (see above).');
    const status = run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], { env });
    if (status !== 0) fail(`apt-get install failed for: ${missing.join(' ')} (see above).`);
  } finally {
    if (ownPolicy) unlinkSync(policy);
  }
}

/** @param {string} name */
function commandExists(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

const [command = 'start', ...rest] = process.argv.slice(2);
const packages = PACKAGES_FOR[command];
if (!packages)
  throw fail(`unknown command "${command}"; expected one of ${Object.keys(PACKAGES_FOR).join(', ')}.`);
ensureNodeModules();
ensureSystemPackages(packages);
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const child = spawn(tsx, [join(root, 'scripts', `${command}.ts`), ...rest], { stdio: 'inherit', cwd: root });
child.once('error', (error) => fail(`could not run scripts/${command}.ts: ${error.message}`));
// Ctrl-C reaches the command itself (same terminal process group); it stops what it started and exits.
// This process waits for it rather than dying first and leaving its output behind the prompt.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.once('exit', (code, signal) => process.exit(code ?? (signal ? 130 : 1)));
