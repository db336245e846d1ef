import { refusal } from '../auth/policy.js';
import type { Viewer } from '../auth/viewer.js';
import { userPolicy } from './user.policy.js';
import type { BatchGuard } from './user-batch.js';
import type { CreateUserInput, UpdateUserInput } from './user.inputs.js';

/** The users' policies, input by input, for a batch (createUsers, upsertUsers, an import): a refused input fails alone. */
export function batchGuard(viewer: Viewer): BatchGuard {
  return (what) => {
    const why =
      what.kind === 'create'
        ? refusal(viewer, userPolicy.create, what.input as CreateUserInput)
        : refusal(viewer, userPolicy.update, { user: what.user, input: what.input as UpdateUserInput });
    return why ? why.message : null;
  };
}
