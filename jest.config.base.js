/** Jest settings the Node packages (apps/api, apps/zoom-simulator) share; `<rootDir>` is the package requiring it. */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }],
  },
  // Workspace packages ship TypeScript source; let swc compile them too.
  transformIgnorePatterns: ['/node_modules/(?!@crm/)'],
  testTimeout: 30000,
};
