import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { TEST_PASSWORD_HASH_COST } from './test-env.js';

const root = resolve(import.meta.dirname, '../..');

export interface Exited {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface ServerProcess {
  child: ChildProcess;
  /** Everything printed so far. */
  output(): { stdout: string; stderr: string };
  /** Resolves when the process ends; rejects (after killing it) when it is still running after `hangMs`. */
  exited(hangMs?: number): Promise<Exited>;
  /** Resolves with the port once the server says it is listening. */
  listening(hangMs?: number): Promise<number>;
}

/**
 * `server/main.ts` in its own process, as `npm start` runs it (through tsx, so
 * no build is needed), with only the variables given (plus PATH and TMPDIR):
 * nothing from the test runner's environment leaks into its configuration.
 */
export function startServerProcess(env: Record<string, string>, tmpDir: string): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      TMPDIR: tmpDir,
      EMAIL_DOMAIN_CHECK: 'off',
      PASSWORD_HASH_COST: String(TEST_PASSWORD_HASH_COST),
      DOOR_ANSWER_MS: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const ended = new Promise<Exited>((ok) => child.on('close', (code, signal) => ok({ code, signal, stdout, stderr })));
  // The watchdog stops with the wait it guards: a server still running long after it said it listens is not killed.
  const within = <T>(p: Promise<T>, ms: number, what: string) => {
    let timer: NodeJS.Timeout | undefined;
    const watchdog = new Promise<never>((_ok, fail) => {
      timer = setTimeout(() => {
        child.kill('SIGKILL');
        fail(new Error(`the server ${what} after ${ms / 1000} s.\nstdout: ${stdout}\nstderr: ${stderr}`));
      }, ms);
      timer.unref();
    });
    return Promise.race([p, watchdog]).finally(() => clearTimeout(timer));
  };
  return {
    child,
    output: () => ({ stdout, stderr }),
    exited: (hangMs = 20_000) => within(ended, hangMs, 'was still running'),
    listening: (hangMs = 30_000) =>
      within(
        new Promise<number>((ok, fail) => {
          const look = () => {
            const m = /listening on http:\/\/localhost:(\d+)/.exec(stdout);
            if (m) ok(Number(m[1]));
          };
          child.stdout!.on('data', look);
          ended.then((e) => fail(new Error(`the server stopped (code ${e.code}) before listening.\nstderr: ${e.stderr}`)));
        }),
        hangMs,
        'was not listening',
      ),
  };
}
