import { Users1764000000000 } from './1764000000000-users.js';

/** Every migration, oldest first. */
export const migrations = [Users1764000000000];
