import { createMemoryCaseStore, createMemoryStore } from '../../src/index.js';
import { describeCaseStoreContract } from '../case-store-contract.js';

describeCaseStoreContract('memory', async (options) => createMemoryStore(options));
describeCaseStoreContract(
  'memory (cases alone)',
  async (options) => ({ ...createMemoryCaseStore(options), async close() {} }),
  { timersAndOutbox: false },
);
