import { createMemoryStore } from '../src/index.js';
import { describeStoreContract } from './store-contract.js';

describeStoreContract('memory', async (options) => createMemoryStore(options));
