const { availableParallelism } = require('node:os');
const base = require('../../jest.config.base.js');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  // The suites mostly wait on sockets (API, simulator, SMTP sink): two workers even on two cores (164 s → 92 s here).
  maxWorkers: Math.max(2, availableParallelism() - 1),
  // openid-client and its two dependencies ship ES modules only; swc compiles them like workspace code.
  transformIgnorePatterns: ['/node_modules/(?!(@crm/|\\.pnpm/(openid-client|oauth4webapi|jose)@|openid-client/|oauth4webapi/|jose/))'],
};
