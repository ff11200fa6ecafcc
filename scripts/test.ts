// `npm test`: every check Fovea has, in order, then one closing line "N passed, N failed".
// Static checks count as one test each; unit and end-to-end tests are counted from their reports.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureAppBuilt } from './lib/build';

const ROOT = resolve(import.meta.dirname, '..');
const RESULTS = join(ROOT, 'test-results');
const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}
interface Stage {
  name: string;
  run: () => Tally;
}

function command(cmd: string, args: string[]): boolean {
  const result = spawnSync(cmd, args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  return result.status === 0;
}
const check = (ok: boolean): Tally => ({ passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 });

/** Counts from a report; a runner that crashed before writing one counts as one failure. */
function fromReport(ok: boolean, file: string, read: (json: never) => Tally): Tally {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const tally = read(JSON.parse(readFileSync(file, 'utf8')) as never);
  if (!ok && tally.failed === 0) tally.failed = 1;
  return tally;
}

const stages: Stage[] = [
  { name: 'typecheck', run: () => check(command(bin('tsc'), ['-p', 'tsconfig.json', '--noEmit'])) },
  { name: 'lint', run: () => check(command(bin('eslint'), ['.', '--max-warnings', '0'])) },
  { name: 'format', run: () => check(command(bin('prettier'), ['--check', '--log-level', 'warn', '.'])) },
  {
    name: 'unit',
    run: () => {
      const report = join(RESULTS, 'unit.json');
      const ok = command(bin('vitest'), [
        'run',
        '--reporter=default',
        '--reporter=json',
        `--outputFile=${report}`,
      ]);
      return fromReport(
        ok,
        report,
        (json: {
          numPassedTests: number;
          numFailedTests: number;
          numPendingTests: number;
          numTodoTests: number;
        }) => ({
          passed: json.numPassedTests,
          failed: json.numFailedTests,
          skipped: json.numPendingTests + json.numTodoTests,
        }),
      );
    },
  },
  {
    name: 'build',
    run: () => {
      try {
        ensureAppBuilt((line) => console.info(line));
        return check(true);
      } catch (error) {
        console.error((error as Error).message);
        return check(false);
      }
    },
  },
  {
    name: 'e2e',
    run: () => {
      const report = join(RESULTS, 'e2e.json');
      const ok = command(bin('playwright'), ['test']);
      return fromReport(
        ok,
        report,
        (json: { stats: { expected: number; unexpected: number; flaky: number; skipped: number } }) => ({
          passed: json.stats.expected + json.stats.flaky,
          failed: json.stats.unexpected,
          skipped: json.stats.skipped,
        }),
      );
    },
  },
];

const { values } = parseArgs({ options: { stage: { type: 'string', multiple: true } } });
const chosen = values.stage?.length ? stages.filter((stage) => values.stage!.includes(stage.name)) : stages;
if (chosen.length === 0) {
  console.error(`Unknown stage; choose from: ${stages.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
rmSync(join(RESULTS, 'unit.json'), { force: true });
rmSync(join(RESULTS, 'e2e.json'), { force: true });
mkdirSync(RESULTS, { recursive: true });

const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const rows: string[] = [];
for (const stage of chosen) {
  console.info(`\n=== ${stage.name} ===`);
  const started = Date.now();
  const tally = stage.run();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  rows.push(
    `${stage.name.padEnd(10)} ${String(tally.passed).padStart(4)} passed ${String(tally.failed).padStart(4)} failed ${String(tally.skipped).padStart(3)} skipped  ${seconds.padStart(6)} s`,
  );
  total.passed += tally.passed;
  total.failed += tally.failed;
  total.skipped += tally.skipped;
}
console.info(`\n=== summary ===\n${rows.join('\n')}\n`);
const skipped = total.skipped ? `, ${total.skipped} skipped` : '';
console.info(`${total.passed} passed, ${total.failed} failed${skipped}`);
process.exit(total.failed > 0 ? 1 : 0);
