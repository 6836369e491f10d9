// Sums the gzipped size of the JavaScript the built index.html loads before anything renders:
// its entry script, everything that script imports statically, and modulepreloaded chunks.
// Lazy route chunks are listed separately.
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const refs = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((match) => match[1]);

const seen = new Set();
const queue = [...refs];
while (queue.length > 0) {
  const file = queue.shift();
  if (seen.has(file)) continue;
  seen.add(file);
  const code = readFileSync(join(dist, file), 'utf8');
  // Static imports only (`import … from "./x.js"`, `import "./x.js"`); `import("./x.js")` is lazy.
  for (const match of code.matchAll(/(?:^|[;\n}])\s*(?:import|export)\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) {
    queue.push(`assets/${match[1]}`);
  }
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
let initial = 0;
console.log('Initial JavaScript (loaded by index.html before first render):');
for (const file of seen) {
  const size = gz(file);
  initial += size;
  console.log(`  ${file.padEnd(48)} ${kb(size).padStart(9)} gzip`);
}
console.log(`  ${'TOTAL'.padEnd(48)} ${kb(initial).padStart(9)} gzip`);

console.log('\nLoaded on demand (routes, shared contract):');
for (const file of readdirSync(join(dist, 'assets')).filter((name) => name.endsWith('.js')).map((name) => `assets/${name}`)) {
  if (!seen.has(file)) console.log(`  ${file.padEnd(48)} ${kb(gz(file)).padStart(9)} gzip`);
}
