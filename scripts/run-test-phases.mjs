// The test command (`pnpm test`): each phase in order, stopping at the first failure, then how long each
// took, so a CI run shows where its 15-minute budget goes.
import { spawnSync } from 'node:child_process';

const phases = [
  ['typecheck', ['run', 'typecheck']],
  ['lint', ['run', 'lint']],
  ['workspace tests', ['run', 'test:workspace']],
  ['package tests', ['-r', '--workspace-concurrency=1', 'run', 'test']],
  ['browser tests', ['run', 'test:browser']],
];

const took = [];
let failed = null;
for (const [name, args] of phases) {
  const started = Date.now();
  const result = spawnSync('pnpm', args, { stdio: 'inherit' });
  took.push([name, (Date.now() - started) / 1000]);
  if (result.status !== 0) {
    failed = name;
    break;
  }
}
console.log(`\nTest phases${failed ? ` (stopped: ${failed} failed)` : ''}:`);
for (const [name, seconds] of took) console.log(`  ${name.padEnd(16)} ${seconds.toFixed(1).padStart(6)} s`);
console.log(`  ${'total'.padEnd(16)} ${took.reduce((sum, [, seconds]) => sum + seconds, 0).toFixed(1).padStart(6)} s`);
process.exit(failed ? 1 : 0);
