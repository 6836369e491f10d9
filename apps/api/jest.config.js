const base = require('../../jest.config.base.js');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  // openid-client and its two dependencies ship ES modules only; swc compiles them like workspace code.
  transformIgnorePatterns: ['/node_modules/(?!(@crm/|\\.pnpm/(openid-client|oauth4webapi|jose)@|openid-client/|oauth4webapi/|jose/))'],
};
