import {
  createMemoryCaseStore,
  createMemoryFileStore,
  createMemoryStore,
} from '../../src/index.js';
import { describeCaseFilesContract } from '../case-files-contract.js';
import { describeCaseStoreContract } from '../case-store-contract.js';

describeCaseStoreContract('memory', async (options) => createMemoryStore(options));
describeCaseStoreContract(
  'memory (cases alone)',
  async (options) => ({ ...createMemoryCaseStore(options), async close() {} }),
  { timersAndOutbox: false },
);

describeCaseFilesContract('memory', async ({ directory }) => {
  const files = createMemoryFileStore();
  return { store: createMemoryStore({ directory, files }), files, async close() {} };
});
describeCaseFilesContract('memory (cases alone)', async ({ directory }) => {
  const files = createMemoryFileStore();
  return { store: createMemoryCaseStore({ directory, files }), files, async close() {} };
});
