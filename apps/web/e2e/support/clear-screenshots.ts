import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Each run starts with an empty screenshots folder, so what is there was taken by this run. */
export default function clearScreenshots(): void {
  rmSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'screenshots'), { recursive: true, force: true });
}
