import { readdirSync } from 'node:fs';
import { TestWorkspace } from '../helpers/workspace';

/**
 * One bundled workspace through a release: a full gate and compat run (go),
 * a core change (no-go), a slowed core and a broken core (rollback triggers).
 */
describe('release readiness, rollback triggers and cadence on the bundled workspace', () => {
  let workspace: TestWorkspace;
  let good: string;
  beforeAll(() => (workspace = TestWorkspace.create()));
  afterAll(() => workspace.remove());

  const readiness = () => workspace.nx('run', 'governance:release-readiness', '--releaseVersion=0.4.3', '--class=R2', '--approver=Release Bot');

  it('says go after a full gate and compat run, and writes the release packet', () => {
    good = workspace.git('rev-parse', 'HEAD');
    expect(workspace.nx('run', 'governance:gate').code).toBe(0);
    // Pass or fail depends on this machine's speed against the committed baseline; the trigger needs the recorded value.
    workspace.nx('run', 'governance:VG-LOOP-PERF-001');
    expect(JSON.parse(workspace.read('evidence/gates/VG-LOOP-PERF-001/latest.json')).record.criteria[0]).toMatchObject({ name: 'throughput', value: expect.any(Number) });
    expect(workspace.nx('sync').code).toBe(0);
    workspace.commit('evidence and rendered docs for 0.4.3');
    const run = readiness();
    expect(run.output).toContain('Verdict: GO.');
    expect(run.code).toBe(0);
    expect(run.output).toMatch(/pass\s+gate VG-LOOP-TEST-001 has passing, current evidence for this commit: pass/);
    expect(run.output).toMatch(/pass\s+loop-agent passes against the candidate: pass/);
    const folder = 'evidence/releases/0.4.3';
    const packetFile = readdirSync(workspace.path(folder)).find((n) => n.endsWith('.json'))!;
    const packet = JSON.parse(workspace.read(`${folder}/${packetFile}`));
    expect(packet).toMatchObject({
      kind: 'nx-governance/release-packet',
      version: '0.4.3',
      releaseClass: 'R2',
      verdict: 'go',
      approver: 'Release Bot',
      owner: 'Release manager (loop maintainers)',
      rollbackTuple: { id: 'rollback', core: '0.4.0' },
    });
    expect(packet.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(packet.advisoryFindings).toEqual([]);
  });

  it("takes the version from the core's manifest when none is given, as after nx release version", () => {
    const run = workspace.nx('run', 'governance:release-readiness', '--class=R2', '--approver=Release Bot');
    expect(run.output).toContain('Release readiness of 0.4.2 (R2)');
    expect(run.output).toContain('Verdict: GO.');
    expect(readdirSync(workspace.path('evidence/releases/0.4.2')).some((n) => n.endsWith('.json'))).toBe(true);
  });

  it('says no-go after a core change, naming the missing evidence', () => {
    workspace.edit('loop/src/lib.rs', '"echo" => Outcome::Text(request.input.clone()),', '"echo" => Outcome::Text(request.input.trim().to_string()),');
    workspace.commit('loop: trim echo input');
    const run = readiness();
    expect(run.code).not.toBe(0);
    expect(run.output).toContain('Verdict: NO-GO.');
    expect(run.output).toMatch(/inconclusive\s+gate VG-LOOP-TEST-001 has passing, current evidence for this commit: stale: record \d+ \(pass, from [0-9a-f]{12}\) is stale: made for Nx task hash \d+, but the gate's inputs now hash to \d+ \(run: nx run governance:VG-LOOP-TEST-001\)/);
    expect(run.output).toMatch(/inconclusive\s+rlm-claude-code passes against the candidate: no compatibility result against core [0-9a-f]{12}/);
  });

  it('keeps every trigger clear for the good release against itself', () => {
    const run = workspace.nx('run', 'governance:rollback-check', `--candidate=${good}`, `--baseline=${good}`);
    expect(run.code).toBe(0);
    expect(run.output).toMatch(/functional\s+clear\s+VG-LOOP-TEST-001, VG-LOOP-CONTRACT-001 passed/);
    expect(run.output).toMatch(/compatibility\s+clear\s+every consumer passes/);
    expect(run.output).toMatch(/performance\s+clear\s+throughput [\d.]+ -> [\d.]+ \(unchanged, budget 10%\)/);
    expect(run.output).toContain('No trigger fired: no rollback.');
  });

  it('fires the performance trigger for a deliberately slowed core, and is inconclusive where evidence is missing', () => {
    workspace.edit(
      'loop/src/main.rs',
      '    let sum = checksum(&input, iterations);',
      '    let sum = checksum(&input, iterations);\n    // Deliberately slowed for the rollback test: the work is done three more times.\n    for _ in 0..3 {\n        std::hint::black_box(checksum(std::hint::black_box(&input), iterations));\n    }',
    );
    const slowed = workspace.commit('loop: slow down the benchmark');
    workspace.nx('run', 'governance:VG-LOOP-PERF-001');
    const run = workspace.nx('run', 'governance:rollback-check', `--candidate=${slowed}`, `--baseline=${good}`, '--json=reports/rollback.json');
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(/performance\s+fired\s+throughput [\d.]+ -> [\d.]+ \((\d+)\.\d% worse, budget 10%\)/);
    expect(run.output).toMatch(/functional\s+inconclusive\s+no evidence of VG-LOOP-TEST-001, VG-LOOP-CONTRACT-001 for/);
    expect(run.output).toMatch(/compatibility\s+inconclusive\s+no passing or failing result for io-rflx, loop-agent, rlm-claude-code/);
    expect(run.output).toContain('ROLL BACK: performance fired. Roll back to core 0.4.0 with rlm-claude-code 0.3.0, loop-agent 0.1.4, io-rflx 1.2.0 (tuple rollback):');
    expect(run.output).toContain('1. Announce the rollback in the decision log with the trigger that fired. Owner: Release manager (loop maintainers).');
    const decision = JSON.parse(workspace.read('reports/rollback.json'));
    expect(decision).toMatchObject({ kind: 'nx-governance/rollback-decision', rollback: true });
    expect(decision.triggers.find((t: { id: string }) => t.id === 'performance').state).toBe('fired');
  });

  it('fires the functional and compatibility triggers for a core that breaks a gate and a consumer', () => {
    workspace.edit('loop/src/lib.rs', '"reverse" => Outcome::Text(request.input.chars().rev().collect()),', '"reverse" => Outcome::Text(request.input.clone()),');
    const broken = workspace.commit('loop: break reverse');
    workspace.nx('run', 'governance:gate', '--releaseClass=R2');
    const run = workspace.nx('run', 'governance:rollback-check', `--candidate=${broken}`, `--baseline=${good}`);
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(/functional\s+fired\s+VG-LOOP-TEST-001 fail/);
    expect(run.output).toMatch(/compatibility\s+fired\s+loop-agent regressed against core/);
    expect(readdirSync(workspace.path('evidence/rollback')).filter((n) => n.endsWith('.md')).length).toBeGreaterThanOrEqual(2);
  });

  it('reports the cadence as overdue for a date past the interval, and --strict fails', () => {
    const run = workspace.nx('run', 'governance:cadence', '--as-of=2027-06-01', '--strict');
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(/contract-review\s+release-manager\s+monthly\s+\d{4}-\d\d-\d\d\s+\d{4}-\d\d-\d\d\s+overdue/);
    expect(run.output).toMatch(/compat-run\s+compatibility-owner\s+weekly\s+\d{4}-\d\d-\d\d\s+\d{4}-\d\d-\d\d\s+overdue/);
    expect(run.output).toContain('deprecation envelope-v0 passed its removal date 2026-05-01 and is still listed');
    const today = workspace.nx('run', 'governance:cadence');
    expect(today.code).toBe(0);
  });

  it('says the rendered playbook is out of sync after a playbook edit', () => {
    workspace.edit('governance/playbook.json', '"budgetPercent": 10', '"budgetPercent": 15');
    const check = workspace.nx('sync:check');
    expect(check.code).not.toBe(0);
    expect(check.output).toContain('docs/execution-plan/RELEASE-ROLLBACK-PLAYBOOK.md');
  });
});
