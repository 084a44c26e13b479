import { createMemoryFileStore } from '../src/index.js';
import { describeFileStoreContract } from './file-store-contract.js';

describeFileStoreContract('memory', async () => createMemoryFileStore());
