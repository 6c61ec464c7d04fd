// Copies the JSON files that sit beside the plugin's sources (executor and
// generator schemas) into dist/, where executors.json and generators.json point.
import { cpSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..', 'packages', 'nx-governance');
const src = join(packageRoot, 'src');
const dist = join(packageRoot, 'dist');

function* assets(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* assets(path);
    else if (name.endsWith('.json') && !path.includes(`${join('import', 'fixtures')}`)) yield path;
  }
}

let count = 0;
for (const file of assets(src)) {
  const target = join(dist, relative(src, file));
  mkdirSync(dirname(target), { recursive: true });
  cpSync(file, target);
  count++;
}
console.log(`copied ${count} asset(s) into ${relative(process.cwd(), dist) || dist}`);
