// Runs npm scripts side by side (`node tests/tools/side-by-side.mjs typecheck lint`) and exits with the first
// non-zero code once all have finished. The typecheck and the lint each keep one core busy for ≈ 20 s of CPU;
// on CI's 2 cores they finish together in about the time of the longer one.
import { spawn } from 'node:child_process';

const names = process.argv.slice(2);
const codes = await Promise.all(
  names.map(
    (name) =>
      new Promise((resolve) => {
        spawn('npm', ['run', '--silent', name], { stdio: 'inherit' }).on('exit', (code, signal) => {
          if (code !== 0) console.error(`[side-by-side] npm run ${name} failed (${signal ?? code})`);
          resolve(code ?? 1);
        });
      }),
  ),
);
process.exit(codes.find((c) => c !== 0) ?? 0);
