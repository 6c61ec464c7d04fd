import { withoutUndefined } from '../without-undefined';
import type { GateEvidence } from './gate-record';

function describeStep(step: GateEvidence['record']['steps'][number]): string {
  return step.target ? `nx run ${step.target}` : (step.argv ?? []).join(' ');
}

/** The evidence as a reviewer reads it: the seed's header block, then steps, output and checklist. */
export function renderGateMarkdown(evidence: GateEvidence, context: { task?: string; milestone?: string; releaseClass?: string } = {}): string {
  const record = { ...evidence.record, ...withoutUndefined(context) };
  const commands = record.steps.map((s) => `\`${describeStep(s)}\``).join('; ') || (record.kind === 'manual' ? 'manual checklist' : '(none)');
  const lines = [
    `# ${record.gate}: ${record.title}`,
    '',
    `- Date: ${record.finishedAt.slice(0, 10)}`,
    `- Task IDs: ${record.task ?? '(none)'}`,
    `- VG IDs: ${record.gate}`,
    `- Command(s): ${commands}`,
    `- Result: ${record.result}`,
    `- Notes: ${record.notes.length ? record.notes.join(' ') : 'none'}`,
    '',
    '## Context',
    '',
    `- Milestone: ${record.milestone ?? '(none)'}; release class: ${record.releaseClass ?? '(none)'}`,
    `- Enforcement: ${record.enforcement}; owner: ${record.owner}`,
    `- Started ${record.startedAt}, finished ${record.finishedAt} (${(record.durationMs / 1000).toFixed(1)}s)`,
    `- Commit: ${record.git.commit ?? '(unknown)'} on ${record.git.branch ?? '(unknown)'}${record.git.dirty === 'unknown' ? ', git could not say whether the tree is clean' : record.git.dirty ? ', with uncommitted changes' : ', clean tree'}`,
    `- Tools: node ${record.tools.node}, nx ${record.tools.nx ?? '?'}, nx-governance ${record.tools.plugin ?? '?'}`,
  ];
  for (const [label, version] of Object.entries(record.tools.steps)) lines.push(`- ${label}: ${version}`);
  if (record.steps.length) {
    lines.push('', '## Steps', '', '| # | Step | Exit code | Duration | Output sha256 |', '|---|---|---|---|---|');
    record.steps.forEach((step, i) => {
      const exit = step.timedOut ? 'timeout' : step.signal ? step.signal : String(step.exitCode ?? step.note ?? '-');
      lines.push(`| ${i + 1} | \`${describeStep(step)}\` | ${exit} | ${(step.durationMs / 1000).toFixed(1)}s | ${step.outputSha256?.slice(0, 16) ?? '-'} |`);
    });
  }
  if (record.criteria.length) {
    lines.push('', '## Pass criteria', '');
    for (const c of record.criteria) lines.push(`- ${c.passed ? 'met' : 'NOT met'}: ${c.name}: ${c.detail}`);
  }
  if (record.checklist) {
    lines.push('', '## Checklist', '');
    for (const a of record.checklist) lines.push(`- [${a.answer === 'yes' ? 'x' : ' '}] ${a.item}${a.note ? ` (${a.note})` : ''}`);
    if (record.attestation) lines.push('', `Attested by ${record.attestation.by} on ${record.attestation.at} (${record.attestation.file}).`);
  }
  for (const step of record.steps.filter((s) => s.tail?.length)) {
    lines.push('', `## Output of \`${describeStep(step)}\` (last ${step.tail!.length} lines${step.log ? `; full log ${step.log}` : ''})`, '', '```text', ...step.tail!.map((l) => l.replace(/```/g, "'''")), '```');
  }
  lines.push(
    '',
    '## Record',
    '',
    `- sha256: ${evidence.digest}`,
    `- Previous record: ${record.previousDigest ?? 'none (first record)'}; sequence ${record.sequence}`,
    `- Nx task hash: ${record.taskHash ?? '(not recorded)'}`,
    `- Signatures: ${evidence.envelope.signatures.length ? evidence.envelope.signatures.map((s) => s.keyid.slice(0, 16)).join(', ') : 'none'}`,
  );
  return `${lines.join('\n')}\n`;
}
