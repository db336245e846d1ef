import { vi } from 'vitest';

// The client's test files share one worker's module graph (isolate: false in vitest.config.ts), so the app's module-level
// state (the sidebar's customer lists, the request locale, the unsaved-changes flag) would pass from one file to the next.
// Each file starts from fresh modules of its own; what they depend on (Vue, vue-router, @vue/test-utils) stays loaded.
vi.resetModules();
