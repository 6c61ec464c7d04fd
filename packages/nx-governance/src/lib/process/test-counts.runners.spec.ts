import { join } from 'node:path';
import { runProcess } from './run-process';
import { type TestCounts, TestSummaryReader } from './test-counts';
import { makeTempWorkspace, REPO_ROOT, writeFiles } from '../../test-helpers/temp-workspace';

// Real processes on a shared machine: slow starts are no failure.
jest.setTimeout(240_000);

/**
 * Each runner on this machine, run for real through the process runner on a
 * tiny suite with a passing, a failing and a skipped test: its summary must
 * be read as exactly that.
 */
describe('TestSummaryReader on real runners', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ root: dir, cleanup } = makeTempWorkspace()));
  afterEach(() => cleanup());

  const write = (files: Record<string, string>) => writeFiles(dir, files);
  const run = async (argv: string[], env: NodeJS.ProcessEnv = {}): Promise<TestCounts | undefined> => {
    const reader = new TestSummaryReader();
    const result = await runProcess({ argv, cwd: dir, env: { ...process.env, ...env }, timeoutMs: 240_000, onLine: (line) => reader.read(line) });
    expect(result.spawnError).toBeUndefined();
    return reader.result();
  };

  it('jest, with colour codes', async () => {
    write({
      'a.test.js': "test('passes', () => expect(1).toBe(1));\ntest('fails', () => expect(1).toBe(2));\ntest.skip('skipped', () => {});\n",
      'b.test.js': "test('passes too', () => {});\n",
    });
    const jest = join(REPO_ROOT, 'node_modules/jest/bin/jest.js');
    // JEST_WORKER_ID and friends from this very jest run must not reach the inner one.
    const env = { FORCE_COLOR: '1', JEST_WORKER_ID: undefined, NODE_ENV: undefined };
    expect(await run(['node', jest, '--ci', '--rootDir', dir, '--config', '{"transform":{}}'], env)).toEqual({ passed: 2, failed: 1, skipped: 1, source: 'jest' });
  });

  it('node --test', async () => {
    write({ 'a.test.js': "const { test } = require('node:test');\ntest('passes', () => {});\ntest('fails', () => { throw new Error('no'); });\ntest('skipped', { skip: true }, () => {});\n" });
    expect(await run(['node', '--test', 'a.test.js'])).toEqual({ passed: 1, failed: 1, skipped: 1, source: 'node --test' });
  });

  const python = "import unittest\n\nclass T(unittest.TestCase):\n    def test_passes(self): pass\n    def test_fails(self): self.assertEqual(1, 2)\n    @unittest.skip('no')\n    def test_skipped(self): pass\n";

  it('python unittest', async () => {
    write({ 'test_a.py': python });
    expect(await run(['python3', '-m', 'unittest', 'test_a'])).toEqual({ passed: 1, failed: 1, skipped: 1, source: 'unittest' });
  });

  it('python unittest with expected failures: a pass, none failed', async () => {
    write({ 'test_b.py': "import unittest\n\nclass T(unittest.TestCase):\n    def test_passes(self): pass\n    @unittest.expectedFailure\n    def test_known_bug(self): self.assertEqual(1, 2)\n    @unittest.expectedFailure\n    def test_other_bug(self): raise ValueError()\n" });
    expect(await run(['python3', '-m', 'unittest', 'test_b'])).toEqual({ passed: 1, failed: 0, skipped: 2, source: 'unittest' });
  });

  it('pytest', async () => {
    write({ 'test_a.py': python });
    expect(await run(['python3', '-m', 'pytest', '-p', 'no:cacheprovider', 'test_a.py'])).toEqual({ passed: 1, failed: 1, skipped: 1, source: 'pytest' });
  });

  it('cargo test', async () => {
    write({
      'Cargo.toml': '[package]\nname = "counts"\nversion = "0.1.0"\nedition = "2021"\n',
      'src/lib.rs': '#[cfg(test)]\nmod tests {\n    #[test]\n    fn passes() {}\n    #[test]\n    fn fails() { assert_eq!(1, 2); }\n    #[test]\n    #[ignore]\n    fn skipped() {}\n}\n',
    });
    expect(await run(['cargo', 'test', '--offline', '--lib'], { CARGO_TARGET_DIR: join(dir, 'target') })).toEqual({ passed: 1, failed: 1, skipped: 1, source: 'cargo test' });
  });
});
