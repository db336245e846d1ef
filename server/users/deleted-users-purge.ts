import type { Logger } from 'pino';
import { SYSTEM_ACTOR } from '../auth/viewer.js';
import type { UserService } from './user.service.js';

/**
 * Erases, every `intervalMs`, the end users deleted longer ago than the
 * retention (DELETED_USERS_RETENTION_DAYS). Every process may run it: each
 * account is claimed in the database (see UserDeletion.purgeExpired), so it
 * is erased once. `now` is the clock (moved in tests).
 */
export class DeletedUsersPurge {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly users: UserService,
    private readonly log: Logger,
    private readonly intervalMs: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  start(): void {
    if (this.intervalMs <= 0) return;
    this.timer = setInterval(() => void this.runOnce(), this.intervalMs);
    this.timer.unref();
  }

  /** One pass (skipped when one is still running); resolves with how many accounts were erased. */
  async runOnce(): Promise<number> {
    if (this.running) return 0;
    let erased = 0;
    this.running = this.users
      .purgeExpired(SYSTEM_ACTOR, this.now())
      .then((n) => {
        erased = n;
        if (n) this.log.info({ erased: n }, 'deleted users erased after the retention period');
      })
      .catch((err: unknown) => this.log.error({ err }, 'purge of deleted users failed'))
      .finally(() => {
        this.running = null;
      });
    await this.running;
    return erased;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
