import { Users1764000000000 } from './1764000000000-users.js';
import { AuthAudit1764100000000 } from './1764100000000-auth-audit.js';

/** Every migration, oldest first. */
export const migrations = [Users1764000000000, AuthAudit1764100000000];
