// `npm run lint` refuses import cycles with dependency-cruiser (scripts/lint.mjs): the same rule ESLint's
// import-x/no-cycle gave, at a fraction of its cost (that one rule was three quarters of ESLint's time).
// Type-only imports (`import type`) are read but left out of cycles, as import-x left them out: they vanish at compile time.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle: modules that import each other, directly or through others.',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only'], viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|coverage|node_modules|client/src/graphql/generated)/' },
    // Imports as written (a type-only import is marked so), without compiling each file first: three times faster.
    tsPreCompilationDeps: true,
    // The server's imports name the compiled .js of a .ts file (NodeNext); the client's name .ts and .vue files.
    enhancedResolveOptions: {
      extensions: ['.ts', '.mts', '.js', '.mjs', '.vue', '.json'],
    },
  },
};
