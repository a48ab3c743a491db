/**
 * One jest run for every workspace. ts-jest transpiles each file on its own (isolatedModules; type
 * checking is `tsc -b`, run by the build); workspace packages resolve to their sources so tests
 * need no prior build.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>'],
  testMatch: ['<rootDir>/*/test/**/*.test.ts', '<rootDir>/pcf-controls/*/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/out/'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }],
  },
  moduleNameMapper: {
    '^@smsc/core$': '<rootDir>/core/src/index.ts',
    '^@smsc/browser-shared$': '<rootDir>/browser-shared/src/index.ts',
  },
  modulePathIgnorePatterns: ['<rootDir>/.data/', '<rootDir>/dist/'],
  testTimeout: 30000,
};
