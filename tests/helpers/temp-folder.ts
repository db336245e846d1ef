import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A test run leaves nothing in the system's temporary folder. Everything the
 * run writes there (SQLite folders, Chromium profiles, tsx, child servers)
 * goes into one folder of its own: TMPDIR is set before the test workers start,
 * so workers, child processes and the browser inherit it. When the run ends
 * that folder must be empty: whatever is left is named (a helper that does not
 * clean up after itself), and the folder is removed either way.
 *
 * tsx would keep a compile cache there; the run does without it.
 */
export default function setup(): () => void {
  const runDir = mkdtempSync(join(tmpdir(), 'accueil-run-'));
  const saved = { TMPDIR: process.env.TMPDIR, TSX_DISABLE_CACHE: process.env.TSX_DISABLE_CACHE };
  process.env.TMPDIR = runDir;
  process.env.TSX_DISABLE_CACHE = '1';
  return () => {
    const left = readdirSync(runDir);
    rmSync(runDir, { recursive: true, force: true });
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    if (left.length) {
      console.error(
        `\nThe tests left ${left.length} entr${left.length === 1 ? 'y' : 'ies'} in the temporary folder (removed now): ${left.join(', ')}. ` +
          'Find the test or helper that creates them and make it remove what it creates.',
      );
      process.exitCode = 1;
    }
  };
}
