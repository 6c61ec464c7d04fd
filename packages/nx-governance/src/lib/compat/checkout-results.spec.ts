import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempWorkspace } from '../../test-helpers/temp-workspace';
import type { CompatRecord } from './compat-result';
import { EVERY_RESULT, resultsOfCheckout } from './checkout-results';

const FILE = 'evidence/compat/consumer-a/latest.json';
const made = (commit: string) => ({ tuple: { core: { project: 'core', commit, dirty: false }, consumer: { name: 'consumer-a', dirty: false } } }) as CompatRecord;

describe('resultsOfCheckout', () => {
  let root: string;
  let cleanup: () => void;
  const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: root, encoding: 'utf8' }).stdout.trim();
  beforeEach(() => {
    ({ root, cleanup } = makeTempWorkspace({ [FILE]: '{"committed":true}\n' }));
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-qm', 'a result on main');
  });
  afterEach(() => cleanup());
  const settings = { paths: { evidence: 'evidence' } } as Parameters<typeof resultsOfCheckout>[1];

  it('counts a result committed as it is, whichever commit it was made at', () => {
    expect(resultsOfCheckout(root, settings)(FILE, made('0000000000000000000000000000000000000001'))).toBe(true);
  });

  it("leaves out an uncommitted result made at another commit: a branch's run that git carried to main", () => {
    writeFileSync(join(root, FILE), '{"fromBranch":true}\n');
    expect(resultsOfCheckout(root, settings)(FILE, made('0000000000000000000000000000000000000001'))).toBe(false);
  });

  it('counts an uncommitted result made at the commit checked out: a run here, to be committed', () => {
    writeFileSync(join(root, FILE), '{"fresh":true}\n');
    expect(resultsOfCheckout(root, settings)(FILE, made(git('rev-parse', 'HEAD')))).toBe(true);
  });

  it('counts every result where there is no repository to carry one from a branch', () => {
    expect(resultsOfCheckout('/virtual', settings)).toBe(EVERY_RESULT);
  });
});
