module.exports = {
  ...require('../jest.preset.js'),
  displayName: 'e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.e2e.spec.ts'],
  // Each test drives the real nx binary; a generous limit, never a timing assertion.
  testTimeout: 180_000,
  maxWorkers: 2,
  globalSetup: '<rootDir>/global-setup.ts',
};
