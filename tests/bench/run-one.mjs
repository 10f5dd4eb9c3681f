// One benchmark file's bundle run in a process of its own (tests/bench/run.mjs starts one per *.bench.ts): its
// figures are written as JSON to the path given, so no bench measures in a heap, GC state or JIT state left by
// the benches before it. Peers a bench compares against (MiniSearch beside our search) stay in its process.
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [bundle, resultsPath] = process.argv.slice(2);
const mod = await import(pathToFileURL(bundle).href);
writeFileSync(resultsPath, JSON.stringify(await mod.run()));
// Some benches leave a timer or a socket of a library behind; the figures are written, so the process ends here.
process.exit(0);
