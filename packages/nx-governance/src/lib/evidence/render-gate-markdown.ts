import { codeSpan, escapeFencedLine, escapeMarkdown as e } from '../markdown/escape';
import { withoutUndefined } from '../without-undefined';
import type { GateEvidence } from './gate-record';

/** The step as a command line in a code span it cannot leave: argv and targets come from data. */
function describeStep(step: GateEvidence['record']['steps'][number], inTable = false): string {
  return codeSpan(step.target ? `nx run ${step.target}` : (step.argv ?? []).join(' '), inTable);
}

/**
 * The evidence as a reviewer reads it: the seed's header block, then steps,
 * output and checklist. Every value from data, git or output goes through
 * `escapeMarkdown`, so none of it can add a line (`verify-evidence` re-renders
 * this from the sealed JSON and names any file that differs).
 */
export function renderGateMarkdown(evidence: GateEvidence, context: { task?: string; milestone?: string; releaseClass?: string } = {}): string {
  const record = { ...evidence.record, ...withoutUndefined(context) };
  const commands = record.steps.map((s) => describeStep(s)).join('; ') || (record.kind === 'manual' ? 'manual checklist' : '(none)');
  const lines = [
    `# ${e(record.gate)}: ${e(record.title)}`,
    '',
    `- Date: ${e(record.finishedAt.slice(0, 10))}`,
    `- Task IDs: ${e(record.task ?? '(none)')}`,
    `- VG IDs: ${e(record.gate)}`,
    `- Command(s): ${commands}`,
    `- Result: ${e(record.result)}`,
    `- Notes: ${record.notes.length ? record.notes.map(e).join(' ') : 'none'}`,
    '',
    '## Context',
    '',
    `- Milestone: ${e(record.milestone ?? '(none)')}; release class: ${e(record.releaseClass ?? '(none)')}`,
    `- Enforcement: ${e(record.enforcement)}; owner: ${e(record.owner)}`,
    `- Started ${e(record.startedAt)}, finished ${e(record.finishedAt)} (${(record.durationMs / 1000).toFixed(1)}s)`,
    `- Commit: ${e(record.git.commit ?? '(unknown)')} on ${e(record.git.branch ?? '(unknown)')}${dirtiness(record.git.dirty)}`,
    `- Tools: node ${e(record.tools.node)}, nx ${e(record.tools.nx ?? '?')}, nx-governance ${e(record.tools.plugin ?? '?')}`,
  ];
  for (const [label, version] of Object.entries(record.tools.steps)) lines.push(`- ${e(label)}: ${e(version)}`);
  if (record.steps.length) {
    lines.push('', '## Steps', '', '| # | Step | Exit code | Duration | Output sha256 |', '|---|---|---|---|---|');
    record.steps.forEach((step, i) => {
      const exit = step.timedOut ? 'timeout' : step.signal ? step.signal : e(step.exitCode ?? step.note ?? '-');
      lines.push(`| ${i + 1} | ${describeStep(step, true)} | ${e(exit)} | ${(step.durationMs / 1000).toFixed(1)}s | ${e(step.outputSha256?.slice(0, 16) ?? '-')} |`);
    });
  }
  if (record.criteria.length) {
    lines.push('', '## Pass criteria', '');
    for (const c of record.criteria) lines.push(`- ${c.passed ? 'met' : 'NOT met'}: ${e(c.name)}: ${e(c.detail)}`);
  }
  if (record.checklist) {
    lines.push('', '## Checklist', '');
    for (const a of record.checklist) lines.push(`- [${a.answer === 'yes' ? 'x' : ' '}] ${e(a.item)}${a.note ? ` (${e(a.note)})` : ''}`);
    if (record.attestation) lines.push('', `Attested by ${e(record.attestation.by)} on ${e(record.attestation.at)} (${e(record.attestation.file)}).`);
  }
  for (const step of record.steps) {
    if (!step.tail?.length) continue;
    lines.push('', `## Output of ${describeStep(step)} (last ${step.tail.length} lines${step.log ? `; full log ${e(step.log)}` : ''})`, '', '```text', ...step.tail.map(escapeFencedLine), '```');
  }
  lines.push(
    '',
    '## Record',
    '',
    `- sha256: ${e(evidence.digest)}`,
    `- Previous record: ${e(record.previousDigest ?? 'none (first record)')}; sequence ${e(record.sequence)}`,
    `- Nx task hash: ${e(record.taskHash ?? '(not recorded)')}`,
    `- Signatures: ${evidence.envelope.signatures.length ? evidence.envelope.signatures.map((s) => e(s.keyid.slice(0, 16))).join(', ') : 'none'}`,
  );
  return `${lines.join('\n')}\n`;
}

function dirtiness(dirty: boolean | 'unknown'): string {
  if (dirty === 'unknown') return ', tree state unknown';
  return dirty ? ', with uncommitted changes' : ', clean tree';
}
