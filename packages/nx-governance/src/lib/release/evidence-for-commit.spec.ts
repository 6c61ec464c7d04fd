import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempWorkspace } from '../../test-helpers/temp-workspace';
import { writeCompatEvidence } from '../../test-helpers/release-evidence';
import { compatResultsFolder } from '../evidence/evidence-layout';
import { defaultGovernanceSettings } from '../schemas/governance';
import { compatResultsAt } from './evidence-for-commit';

const settings = defaultGovernanceSettings();

describe('compatResultsAt', () => {
  let root: string;
  let cleanup: () => void;
  beforeEach(() => ({ root, cleanup } = makeTempWorkspace()));
  afterEach(() => cleanup());

  it('finds the committed latest result in a clone that has no local history (the same commit reads the same everywhere)', () => {
    writeCompatEvidence(root, 'consumer-a', 'abc1234', 'pass');
    expect(compatResultsAt(root, settings, ['consumer-a'], 'abc1234').get('consumer-a')?.result).toBe('pass');
    // A fresh clone: the evidence policy commits latest.json; results/ stayed on the machine that ran it.
    rmSync(join(root, compatResultsFolder(settings, 'consumer-a')), { recursive: true });
    expect(compatResultsAt(root, settings, ['consumer-a'], 'abc1234').get('consumer-a')?.result).toBe('pass');
  });
});
