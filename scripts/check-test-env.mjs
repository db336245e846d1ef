// Runs before `npm test`: the end-to-end tests need Debian's Chromium. On a
// fresh machine where we are root, install it (never a downloaded browser).
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(path)) {
  if (process.getuid?.() === 0) {
    console.log('[pretest] Chromium is missing: installing Debian\'s chromium package…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  } else {
    console.error('[pretest] Chromium is missing: run `sudo apt-get install -y chromium` (or set CHROMIUM_PATH).');
    process.exit(1);
  }
}
