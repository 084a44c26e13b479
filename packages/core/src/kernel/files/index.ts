export * from './check-file-references.js';
export * from './file-descriptor.js';
export * from './file-limits.js';
export type * from './file-port.js';
export * from './file-types.js';
export { createMemoryFileStore } from './memory-file-store.js';
export * from './public-photo.js';
export * from './resolve-file-inputs.js';
