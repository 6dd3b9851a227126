// @ts-check
const fs = require('node:fs');
const path = require('node:path');

// The same swc options the dev runner uses (.swcrc): legacy decorators with metadata and
// kept class names, which type-graphql needs. Read here rather than left to @swc/jest,
// which looks for .swcrc in the current directory, not the project's.
const { $schema, ...swcOptions } = JSON.parse(fs.readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));

/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.(t|j)s$': ['@swc/jest', { ...swcOptions, swcrc: false }],
  },
  // ESM-only packages: Node 20 requires them natively, Jest's sandbox needs them compiled.
  transformIgnorePatterns: ['/node_modules/(?!(jose)/)'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  testTimeout: 30000,
};
