import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { StoreContract } from './store-contract';

/**
 * Every `*.contract.ts` beside this file, so a new repository's contract runs against every store
 * without anyone editing the runners. Each exported function is taken as a StoreContract.
 */
export function loadStoreContracts(): { file: string; contract: StoreContract }[] {
  const files = readdirSync(__dirname).filter((name) => name.endsWith('.contract.ts')).sort();
  return files.flatMap((file) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the contract files are found at run time
    const exported = require(path.join(__dirname, file)) as Record<string, unknown>;
    const contracts = Object.values(exported).filter((value): value is StoreContract => typeof value === 'function');
    if (contracts.length === 0) throw new Error(`${file} exports no contract function (makeStore) => void`);
    return contracts.map((contract) => ({ file, contract }));
  });
}
