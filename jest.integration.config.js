// Integration tests run real programs (promtool, Prometheus) in Node, one at a time.
process.env.TZ = 'UTC';

const unit = require('./jest.config');

module.exports = {
  ...unit,
  testEnvironment: 'node',
  // the unit setup polyfills browser globals (HTMLCanvasElement, …) that do not exist in node
  setupFilesAfterEnv: [],
  testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 120000,
  globalTeardown: '<rootDir>/tests/integration/globalTeardown.ts',
};
