/* The test-only v2 (migrate policy) as a module the migration command loads with --workflow. */
import { posWorkflowV2 } from '../../../core/test/pos/migration-v2-workflow.js';

export const workflow = posWorkflowV2('migrate');
