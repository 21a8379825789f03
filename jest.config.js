// force timezone to UTC to allow tests to work regardless of local timezone
process.env.TZ = 'UTC';

const base = require('./.config/jest.config');
const { grafanaESModules, nodeModulesToTransform } = require('./.config/jest/utils');
const swcTransform = base.transform['^.+\\.(t|j)sx?$'];

module.exports = {
  ...base,
  // d3-color and a few other dependencies ship only ES modules as .mjs files
  transform: {
    ...base.transform,
    '^.+\\.mjs$': swcTransform,
  },
  // the PromQL language service's parser is imported from its ES build (its CommonJS index omits it)
  transformIgnorePatterns: [nodeModulesToTransform([...grafanaESModules, '@prometheus-io/codemirror-promql'])],
  // yaml's "default" export is an ES module build that jsdom tests would pick; use its CommonJS build
  moduleNameMapper: {
    ...base.moduleNameMapper,
    '^yaml$': '<rootDir>/node_modules/yaml/dist/index.js',
  },
  // the browser tests under tests/e2e run with Playwright, not jest
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/e2e/'],
};
