// Shared Jest settings: TypeScript through SWC (the transpiler Nx itself uses to
// load this workspace's plugin from source), Node environment, specs beside code.
// Trees from createTreeWithEmptyWorkspace select a formatter this repository does not install;
// formatting is Nx's job and not under test here.
process.env.NX_SKIP_FORMAT = 'true';

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};
