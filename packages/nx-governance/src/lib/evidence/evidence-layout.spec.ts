import { defaultGovernanceSettings } from '../schemas/governance';
import * as layout from './evidence-layout';

const settings = { ...defaultGovernanceSettings(), paths: { ...defaultGovernanceSettings().paths, evidence: 'ops/evidence' } };

describe('evidence layout', () => {
  it('builds every evidence location from the evidence folder', () => {
    expect({
      gate: layout.gateFolder(settings, 'VG-A-001'),
      records: layout.gateRecordsFolder(settings, 'VG-A-001'),
      record: layout.gateRecordFile(settings, { sequence: 42, gate: 'VG-A-001' }),
      recordMarkdown: layout.gateRecordFile(settings, { sequence: 42, gate: 'VG-A-001' }, 'md'),
      latest: layout.gateLatestFile(settings, 'VG-A-001'),
      logs: layout.gateLogsFolder(settings, 'VG-A-001'),
      running: layout.runningMarkersFolder(settings),
      compat: layout.compatResultsFolder(settings, 'app'),
      compatLogs: layout.compatLogsFolder(settings, 'app'),
      attestations: layout.attestationsFolder(settings, 'VG-M-001'),
      releases: layout.releasesFolder(settings, '1.2.3'),
      rollback: layout.rollbackFolder(settings),
      taskCopy: layout.taskCopyBase(settings, 'VG-A-001', { date: '2026-02-19', milestone: 'M6', task: 'M6-T01' }),
    }).toEqual({
      gate: 'ops/evidence/gates/VG-A-001',
      records: 'ops/evidence/gates/VG-A-001/records',
      record: 'ops/evidence/gates/VG-A-001/records/000042-VG-A-001.json',
      recordMarkdown: 'ops/evidence/gates/VG-A-001/records/000042-VG-A-001.md',
      latest: 'ops/evidence/gates/VG-A-001/latest.json',
      logs: 'ops/evidence/gates/VG-A-001/logs',
      running: 'ops/evidence/.running',
      compat: 'ops/evidence/compat/app/results',
      compatLogs: 'ops/evidence/compat/app/logs',
      attestations: 'ops/evidence/attestations/VG-M-001',
      releases: 'ops/evidence/releases/1.2.3',
      rollback: 'ops/evidence/rollback',
      taskCopy: 'ops/evidence/2026-02-19/milestone-M6/M6-T01-VG-A-001',
    });
  });

  it('turns a timestamp into a file name part without : or .', () => {
    expect(layout.timestampFileName('2026-02-19T10:00:00.000Z')).toBe('2026-02-19T10-00-00-000Z');
    expect(layout.timestampFileName(new Date('2026-02-19T10:00:00.000Z'))).toBe('2026-02-19T10-00-00-000Z');
  });
});
