import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// The admin app lives in client/; the server serves the build from dist/client.
// `npm run dev` proxies /graphql to the API (ACCUEIL_API overrides the target).
export default defineConfig({
  root: resolve(import.meta.dirname, 'client'),
  plugins: [vue()],
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
  },
  server: {
    proxy: {
      '/graphql': process.env.ACCUEIL_API ?? 'http://localhost:4000',
    },
  },
});
