import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip as gzipCallback } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import vue from '@vitejs/plugin-vue';

/**
 * Brotli and gzip copies of the built scripts and styles (`x.js.br`, `x.js.gz`), made once at build time at the
 * highest levels, which the server sends to browsers that take them (server/static-assets.ts): the first load of
 * the app is some 110 kB instead of 600.
 */
const brotli = promisify(brotliCompress);
const gzip = promisify(gzipCallback);

function precompress(): Plugin {
  return {
    name: 'accueil:precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const names = Object.keys(bundle).filter((n) => /\.(js|css|svg)$/.test(n));
      // On libuv's threads, in parallel.
      await Promise.all(
        names.map(async (name) => {
          const file = resolve(options.dir!, name);
          const content = await readFile(file);
          if (content.length < 1024) return;
          const [br, gz] = await Promise.all([brotli(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }), gzip(content, { level: 9 })]);
          await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
        }),
      );
    },
  };
}

// The admin app lives in client/; the server serves the build from dist/client.
// `npm run dev` proxies /graphql to the API (ACCUEIL_API overrides the target).
export default defineConfig({
  root: resolve(import.meta.dirname, 'client'),
  plugins: [vue(), precompress()],
  define: {
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'true',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  build: {
    outDir: resolve(import.meta.dirname, 'dist/client'),
    emptyOutDir: true,
    rolldownOptions: {
      // No warning that plugins took "significant time": nothing a user of the build can act on.
      checks: { bundlerTimings: false },
      output: {
        // The libraries and the translations apart from the app's own code: each chunk stays under Vite's 500 kB
        // warning, and a release that changes only the app leaves the browser's cached copies of the others valid.
        codeSplitting: {
          groups: [
            { name: 'vue', test: /node_modules[\\/](vue|@vue|vue-router)[\\/]/, priority: 30 },
            { name: 'i18n', test: /node_modules[\\/](vue-i18n|@intlify)[\\/]/, priority: 20 },
            { name: 'vendor', test: /node_modules/, priority: 10 },
            { name: 'locales', test: /[\\/]locales[\\/]/, priority: 5 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/graphql': process.env.ACCUEIL_API ?? 'http://localhost:4000',
    },
  },
});
