import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { hostname } from 'node:os';
import { mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTempWorkspace, writeFiles } from '../../test-helpers/temp-workspace';
import { defaultGovernanceSettings } from '../schemas/governance';
import { diskFileReader } from '../workspace/file-reader';
import { appendGateRecord, sealGateEvidence, taskCopyOf, writeTaskEvidence } from './gate-store';
import { record as spoofable } from '../../test-helpers/spoofing';
import { loadSignaturePolicy } from './signature-policy';
import { verifyEvidence } from './verify-evidence';
import { writeSealedRecord } from './write-sealed-record';
import { renderReleasePacket } from '../release/release-packet';
import { renderRollbackMarkdown } from '../rollback/rollback-decision';
import { canonicalJson, sha256 } from './seal-record';

const settings = defaultGovernanceSettings();
const OK = 'evidence/gates/VG-OK-001';
const FAIL = 'evidence/gates/VG-FAIL-001';

function gateRecord(gate: string, result: 'pass' | 'fail', root: string) {
  const { sequence: _s, previousDigest: _p, ...rest } = spoofable('plain');
  return { ...rest, gate, title: gate, result, git: { ...rest.git, commit: undefined }, producedBy: { host: hostname(), checkout: root, runnerPid: 1 } };
}

describe('verifyEvidence', () => {
  let root: string;
  let cleanup: () => void;
  const verify = () => {
    const policy = loadSignaturePolicy(diskFileReader(root), { settingsFile: 'governance/governance.json', settings: { requireSignatures: false } });
    if (!policy.ok) throw new Error(policy.errors.join('\n'));
    return verifyEvidence(root, settings, { policy: policy.policy });
  };
  const problems = () => verify().problems.map((p) => `${p.file}: ${p.kind}`);
  const json = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8'));
  const writeJson = (file: string, value: unknown) => writeFileSync(join(root, file), `${JSON.stringify(value, null, 2)}\n`);

  beforeEach(() => {
    ({ root, cleanup } = makeTempWorkspace());
    appendGateRecord(root, settings, gateRecord('VG-OK-001', 'pass', root));
    appendGateRecord(root, settings, gateRecord('VG-FAIL-001', 'fail', root));
    appendGateRecord(root, settings, gateRecord('VG-FAIL-001', 'fail', root));
    const latest = json(`${FAIL}/latest.json`);
    writeTaskEvidence(root, settings, latest, { milestone: 'M1', task: 'M1-T01' });
  });
  afterEach(() => cleanup());

  it('verifies what the writers wrote, and says plainly that it is unsigned', () => {
    const report = verify();
    expect(report.problems).toEqual([]);
    expect(report.notices.join(' ')).toContain('Records are unsigned');
  });

  it('case 1: a kind changed to anything else is an error, not a skipped check', () => {
    const file = `${FAIL}/latest.json`;
    writeJson(file, { ...json(file), kind: 'nx-governance/anything', record: { ...json(file).record, result: 'pass' } });
    expect(problems()).toContain(`${file}: unknown-kind`);
  });

  it('case 2: a forged record with a recomputed digest and no signature fails while a public key is committed', () => {
    const { publicKey } = generateKeyPairSync('ed25519');
    writeFiles(root, { 'governance/keys/team.pem': publicKey.export({ type: 'spki', format: 'pem' }).toString() });
    writeJson(`${FAIL}/latest.json`, sealGateEvidence({ ...json(`${FAIL}/latest.json`).record, result: 'pass' }));
    expect(problems()).toContain(`${FAIL}/latest.json: unsigned`);
    // Each unsigned record is named once, as unsigned, not again as a break in its chain.
    expect(problems().filter((p) => p.includes('/records/'))).toEqual([
      `${FAIL}/records/000001-VG-FAIL-001.json: unsigned`,
      `${FAIL}/records/000002-VG-FAIL-001.json: unsigned`,
      `${OK}/records/000001-VG-OK-001.json: unsigned`,
    ]);
  });

  it('case 3: the newest record deleted, or the only one, is named', () => {
    rmSync(join(root, `${FAIL}/records/000002-VG-FAIL-001.json`));
    rmSync(join(root, `${FAIL}/records/000002-VG-FAIL-001.md`));
    rmSync(join(root, `${OK}/records/000001-VG-OK-001.json`));
    rmSync(join(root, `${OK}/records/000001-VG-OK-001.md`));
    expect(problems()).toEqual(expect.arrayContaining([`${FAIL}/latest.json: broken-chain`, `${OK}/latest.json: missing`]));
  });

  it("case 3: a one-record chain replaced by another gate's record is misplaced", () => {
    for (const [from, to] of [
      [`${FAIL}/records/000001-VG-FAIL-001`, `${OK}/records/000001-VG-OK-001`],
      [`${FAIL}/records/000001-VG-FAIL-001`, `${OK}/latest`],
    ]) {
      for (const ext of ['.json', '.md']) writeFileSync(join(root, `${to}${ext}`), readFileSync(join(root, `${from}${ext}`)));
    }
    expect(problems()).toEqual(expect.arrayContaining([`${OK}/latest.json: misplaced`, `${OK}/records/000001-VG-OK-001.json: misplaced`]));
  });

  it('case 3: a whole gate folder git tracks, deleted, is missing', () => {
    const git = (...args: string[]) => spawnSync('git', args, { cwd: root, encoding: 'utf8' });
    git('init', '-q');
    git('add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'evidence');
    rmSync(join(root, OK), { recursive: true });
    expect(problems()).toEqual(expect.arrayContaining([`${OK}/latest.json: missing`, `${OK}/records/000001-VG-OK-001.json: missing`]));
  });

  it('case 4: markdown edited from fail to pass is named, latest, record and task copy', () => {
    const copy = 'evidence/2026-01-01/milestone-M1/M1-T01-VG-FAIL-001.md';
    for (const file of [`${FAIL}/latest.md`, `${FAIL}/records/000001-VG-FAIL-001.md`, copy]) {
      writeFileSync(join(root, file), readFileSync(join(root, file), 'utf8').replace('- Result: fail', '- Result: pass'));
    }
    expect(problems()).toEqual([`${copy}: markdown-differs`, `${FAIL}/latest.md: markdown-differs`, `${FAIL}/records/000001-VG-FAIL-001.md: markdown-differs`]);
  });

  it("case 4: a task copy's context is sealed, and its place must agree with it", () => {
    const file = 'evidence/2026-01-01/milestone-M1/M1-T01-VG-FAIL-001.json';
    const copy = json(file);
    writeJson(file, { ...copy, context: { ...copy.context, task: 'M1-T02' } });
    expect(problems()).toEqual([`${file}: tampered`]);
    const resealed = taskCopyOf(json(`${FAIL}/latest.json`), { ...copy.context, task: 'M1-T02' });
    writeJson(file, resealed);
    expect(problems()).toEqual(expect.arrayContaining([`${file}: misplaced`]));
    expect(sha256(canonicalJson(resealed.record))).toBe(resealed.digest);
  });

  it('case 4: a release packet whose markdown says GO over a NO-GO record is named', () => {
    const item = { id: 'gate', check: 'gate passes', state: 'fail' as const, reason: 'failed', evidence: [], advisory: false };
    const packet = {
      kind: 'nx-governance/release-packet' as const,
      date: '2026-01-01',
      version: '0.4.3',
      releaseClass: 'R2',
      owner: 'Release manager',
      approver: 'Someone',
      currentTuple: { core: { version: '0.4.3', commit: 'abcdef' }, consumers: {} },
      items: [item],
      advisoryFindings: [],
      verdict: 'no-go' as const,
    };
    const { file } = writeSealedRecord(root, 'evidence/releases/0.4.3', '2026-01-01', packet, renderReleasePacket);
    expect(problems()).toEqual([]);
    writeFileSync(join(root, file), readFileSync(join(root, file), 'utf8').replace('NO-GO', 'GO'));
    expect(problems()).toEqual([`${file}: markdown-differs`]);
  });

  it('names a symlink inside the evidence folder', () => {
    const outside = mkdtempSync(join(tmpdir(), 'nx-governance-outside-'));
    try {
      renameSync(join(root, `${OK}/records`), join(outside, 'records'));
      symlinkSync(join(outside, 'records'), join(root, `${OK}/records`), 'dir');
      expect(problems()).toContain(`${OK}/records: symlink`);
      expect(() => appendGateRecord(root, settings, gateRecord('VG-OK-001', 'pass', root))).toThrow(`${OK}/records: found a symlink inside the evidence folder`);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('verifyEvidence with imported evidence', () => {
  it('lists imported files separately, never as broken sealed records, and names one that changed after import', () => {
    const { root, cleanup } = makeTempWorkspace();
    try {
      const text = '# M6-T01 VG-CONTRACT-001\n\n- Date: 2026-02-19\n- Result: pass\n';
      writeFiles(root, { 'evidence/2026-02-19/M6-T01-VG-CONTRACT-001.md': text, 'evidence/2026-02-19/summary.json': '{"passed": 3}' });
      const entry = (file: string, content: string) => ({ file, sha256: sha256(content), kind: 'markdown' as const, tasks: [], gates: ['VG-CONTRACT-001'], result: 'pass' as const, resultFrom: 'header' as const, imported: true as const, sealed: false as const });
      const imported = { kind: 'nx-governance/imported-evidence' as const, folder: 'evidence', entries: [entry('evidence/2026-02-19/M6-T01-VG-CONTRACT-001.md', text), entry('evidence/2026-02-19/summary.json', '{"passed": 3}')] };
      const policy = loadSignaturePolicy(diskFileReader(root), { settingsFile: 'governance/governance.json', settings: { requireSignatures: false } });
      if (!policy.ok) throw new Error(policy.errors.join('\n'));
      const clean = verifyEvidence(root, settings, { policy: policy.policy, imported });
      expect(clean.problems).toEqual([]);
      expect(clean.notices.join('\n')).toContain('2 imported evidence file(s), from before the plugin, are listed separately');
      writeFiles(root, { 'evidence/2026-02-19/M6-T01-VG-CONTRACT-001.md': text.replace('pass', 'fail') });
      expect(verifyEvidence(root, settings, { policy: policy.policy, imported }).problems.map((p) => `${p.file}: ${p.kind}`)).toEqual([
        'evidence/2026-02-19/M6-T01-VG-CONTRACT-001.md: imported-changed',
      ]);
    } finally {
      cleanup();
    }
  });
});

describe('verifyEvidence of a rollback decision', () => {
  it('re-renders its markdown from the sealed decision and names an edit', () => {
    const { root, cleanup } = makeTempWorkspace();
    try {
      const decision = {
        kind: 'nx-governance/rollback-decision' as const,
        decidedAt: '2026-03-01T00:00:00.000Z',
        candidate: { rev: 'HEAD', commit: 'a'.repeat(40) },
        baseline: { rev: 'v1', commit: 'b'.repeat(40) },
        triggers: [{ id: 'functional', kind: 'functional' as const, state: 'fired' as const, reason: 'VG-X fail', evidence: [] }],
        verdict: 'roll-back' as const,
        reason: 'functional fired',
        rollback: true,
        procedure: [{ step: 'Revert the release.', owner: 'Release manager (Ada)' }],
      };
      const { file } = writeSealedRecord(root, 'evidence/rollback', 'decision', decision, renderRollbackMarkdown);
      const policy = loadSignaturePolicy(diskFileReader(root), { settingsFile: 'governance/governance.json', settings: { requireSignatures: false } });
      if (!policy.ok) throw new Error(policy.errors.join('\n'));
      expect(verifyEvidence(root, settings, { policy: policy.policy }).problems).toEqual([]);
      const markdown = join(root, file.replace(/\.json$/, '.md'));
      writeFileSync(markdown, readFileSync(markdown, 'utf8').replace('| fired |', '| clear |'));
      expect(verifyEvidence(root, settings, { policy: policy.policy }).problems.map((p) => p.kind)).toEqual(['markdown-differs']);
    } finally {
      cleanup();
    }
  });
});
