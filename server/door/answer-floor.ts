import { performance } from 'node:perf_hooks';

/**
 * The public door's answers (sign-up, a password-reset request, the Submit a
 * request form) take no less than DOOR_ANSWER_MS after their field began,
 * whatever happened, so that their time does not tell a known address from an
 * unknown one (a known one mails a reset link, a new one makes an account, a
 * refused one writes nothing). A floor, not a fixed time: work that takes
 * longer than it answers when done.
 */
export async function answerNoSoonerThan(startedAt: number, floorMs: number): Promise<void> {
  // A timer may fire a fraction of a millisecond early against the monotonic clock: wait again for what is left.
  for (let left = startedAt + floorMs - performance.now(); left > 0; left = startedAt + floorMs - performance.now()) {
    await new Promise((resolve) => setTimeout(resolve, Math.ceil(left)));
  }
}

/**
 * Runs `work` and answers (its result or its error) no sooner than `floorMs`
 * after it began. Measured from the field, not the HTTP request: the root
 * fields of a mutation run one after another, so a floor counted from the
 * request would be spent by a first field (signUp, then
 * requestPasswordReset(target) in one operation) and leave the second's time
 * bare.
 */
export async function withAnswerFloor<T>(floorMs: number, work: () => Promise<T>): Promise<T> {
  const startedAt = performance.now();
  try {
    return await work();
  } finally {
    await answerNoSoonerThan(startedAt, floorMs);
  }
}
