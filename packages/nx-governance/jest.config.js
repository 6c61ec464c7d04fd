module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'nx-governance',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
