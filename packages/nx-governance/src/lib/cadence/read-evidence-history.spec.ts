import { copyBundledGovernance, makeTempWorkspace } from '../../test-helpers/temp-workspace';
import { record } from '../../test-helpers/spoofing';
import { appendGateRecord } from '../evidence/gate-store';
import { diskFileReader } from '../workspace/file-reader';
import { loadGovernance } from '../workspace/load-governance';
import { readEvidenceHistory } from './read-evidence-history';

describe('readEvidenceHistory', () => {
  it('dates a manual gate by its attestation, not by the run that re-recorded it', () => {
    const { root, cleanup } = makeTempWorkspace();
    try {
      copyBundledGovernance(root);
      const { data } = loadGovernance(diskFileReader(root));
      const { sequence: _s, previousDigest: _p, ...manual } = record('plain');
      const attested = { ...manual, gate: 'VG-CONTRACT-001', result: 'pass' as const, attestation: { ...manual.attestation!, at: '2026-01-05T10:00:00.000Z' } };
      // The gate target ran again on later days and re-recorded the same attestation.
      appendGateRecord(root, data.settings, { ...attested, finishedAt: '2026-02-20T10:00:00.000Z' });
      appendGateRecord(root, data.settings, { ...attested, finishedAt: '2026-03-01T10:00:00.000Z' });
      expect(readEvidenceHistory(diskFileReader(root), data, [], { root, hashes: {} }).gateDates.get('VG-CONTRACT-001')).toEqual(['2026-01-05', '2026-01-05']);
    } finally {
      cleanup();
    }
  });
});
