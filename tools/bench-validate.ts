// Benchmark: `nx run governance:validate` on a large governance folder (50
// milestones of 20 task cards, 200 gates) against a bare `nx show projects` in
// the same workspace and the same run. Prints medians and their ratio.
// Run: npm run bench:validate
import { TestWorkspace } from '../e2e/helpers/workspace';
import { median, row, RUNS, timeNx } from './bench-utils';

const MILESTONES = 50;
const CARDS = 20;
const GATES = 200;

const gateId = (n: number) => `VG-BENCH-${String(n).padStart(3, '0')}`;

function gatesJson(): string {
  const gates = Array.from({ length: GATES }, (_, i) =>
    i % 2 === 0
      ? { id: gateId(i + 1), title: `Gate ${i + 1}`, scope: 'bench', kind: 'manual', owner: 'release-manager', checklist: ['Reviewed.', 'Signed off.'] }
      : { id: gateId(i + 1), title: `Gate ${i + 1}`, scope: 'bench', kind: 'command', owner: 'release-manager', steps: [{ argv: ['node', '--version'] }] },
  );
  return JSON.stringify({ gates }, null, 2);
}

function milestone(m: number): string {
  const cards = Array.from({ length: CARDS }, (_, c) => {
    const id = `M${m}-T${String(c + 1).padStart(2, '0')}`;
    const gates = [gateId(((m * CARDS + c) % GATES) + 1), gateId(((m * 7 + c * 3) % GATES) + 1)];
    return `### ${id} Card ${c + 1}\n\n- Goal: benchmark card.\n- Status: done (2026-02-19)\n- Work items:\n- Do the thing: \`docs/x.md\`.\n- Acceptance criteria:\n- It is done.\n- Required gates: ${gates.join(', ')}\n`;
  });
  return `# M${m} - Benchmark milestone ${m}\n\n## Objective\n\nMeasure.\n\n## Entry Criteria\n\n- M${m - 1} complete.\n\n## Exit Criteria\n\n- Measured.\n\n## Task Cards\n\n${cards.join('\n')}`;
}

const workspace = TestWorkspace.create();
try {
  workspace.write('governance/gates.json', gatesJson());
  workspace.delete('governance/milestones/M6.md');
  for (let m = 1; m <= MILESTONES; m++) workspace.write(`governance/milestones/M${m}.md`, milestone(m));
  // Playbook and cadence name the bundled gates; keep them valid against the generated ones.
  const playbook = JSON.parse(workspace.read('governance/playbook.json'));
  for (const c of playbook.releaseClasses) c.gates = [gateId(1), gateId(2)];
  playbook.rollbackTriggers[0].gates = [gateId(2)];
  workspace.write('governance/playbook.json', JSON.stringify(playbook, null, 2));
  const cadence = JSON.parse(workspace.read('governance/cadence.json'));
  for (const a of cadence.activities) if (a.gate) a.gate = gateId(1);
  workspace.write('governance/cadence.json', JSON.stringify(cadence, null, 2));

  timeNx(workspace, ['run', 'governance:validate', '--skip-nx-cache']); // warm the project graph cache
  const validate: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    bare.push(timeNx(workspace, ['show', 'projects']));
    validate.push(timeNx(workspace, ['run', 'governance:validate', '--skip-nx-cache']));
  }
  const v = median(validate);
  const b = median(bare);
  console.log(`governance: ${MILESTONES} milestones x ${CARDS} cards, ${GATES} gates; median of ${RUNS} runs`);
  console.log(row('nx show projects (baseline)', `${b.toFixed(0)} ms`));
  console.log(row('nx run governance:validate (uncached)', `${v.toFixed(0)} ms`));
  console.log(row('ratio validate / baseline', (v / b).toFixed(2)));
} finally {
  workspace.remove();
}
