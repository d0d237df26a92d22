import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Node resolves `graphql` to its CommonJS build for every importer (the package has no exports
    // map), so production has one graphql. Vite would give this project's own files the ESM build
    // instead, beside the CommonJS one the dependencies load: two realms, whose schemas and errors
    // graphql refuses to mix. Tests resolve it as production does.
    alias: { graphql: createRequire(import.meta.url).resolve('graphql') },
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Integration suites start real servers on loopback; isolation by process keeps ports and handles apart.
    pool: 'forks',
  },
});
