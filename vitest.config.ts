import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

// Four projects: server tests over HTTP (MySQL and SQLite), component tests
// in happy-dom, checks of the repository itself (build, lint, the client's
// contract: generated code, documents, types), and end-to-end tests in
// Debian's Chromium.

// The server's own code must load the same graphql module as its dependencies do under Node
// (type-graphql, Apollo: the CommonJS entry), not Vite's preferred .mjs entry: graphql refuses
// schema objects from "another module or realm" (TypeInfo, custom scalars).
const sameGraphqlAsNode = { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] };

export default defineConfig({
  test: {
    // Once for the whole run: a temporary folder of its own, which must be empty at the end.
    globalSetup: ['tests/helpers/temp-folder.ts'],
    // Most server test time is spent waiting on MySQL (DDL of each file's own database, round trips), not on a
    // core: three test files at once finish the suite sooner than one per core on a 2-core machine.
    maxWorkers: 3,
    projects: [
      {
        resolve: sameGraphqlAsNode,
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          environment: 'node',
          // One module graph per worker, not per file: the server's code and its dependencies
          // (type-graphql, TypeORM, Apollo) were loaded again for every file, a third of the suite's time.
          // Each file still starts its own app on its own database.
          isolate: false,
          globalSetup: ['tests/helpers/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [vue()],
        test: {
          name: 'client',
          include: ['tests/client/**/*.test.ts'],
          environment: 'happy-dom',
          isolate: false,
          setupFiles: ['tests/client/fresh-modules.ts'],
          // Mounting the whole app is slow on a busy 2-core machine; 5 s (the default) made the first test of a file flaky.
          testTimeout: 20_000,
        },
      },
      {
        resolve: sameGraphqlAsNode,
        test: {
          name: 'checks',
          include: ['tests/checks/**/*.test.ts'],
          environment: 'node',
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: sameGraphqlAsNode,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/helpers/global-setup.ts', 'tests/e2e/build-client.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // What a page shows after a click may take longer than expect.poll's 1 s default while the other
          // projects' files run beside it (a token created, a save answered): 10 s before a poll fails.
          expect: { poll: { timeout: 10_000 } },
          // Each file has its own app and browser: they run beside the other projects' files, not after them all,
          // and share one module graph per worker as the server tests do.
          isolate: false,
        },
      },
    ],
  },
});
