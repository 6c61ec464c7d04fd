import { GENERATED_MARKER } from './generated-marker';
import type { Gate } from '../schemas/gates';
import type { PlaybookFile, RollbackTrigger } from '../schemas/playbook';

const GENERATED = `${GENERATED_MARKER} from governance/playbook.json and governance/gates.json. Do not edit by hand. -->`;

export function describeTrigger(trigger: RollbackTrigger): string {
  switch (trigger.kind) {
    case 'functional':
      return `fires when a required gate fails for the candidate: ${trigger.gates.join(', ')}`;
    case 'compatibility':
      return 'fires when a consumer in the support window regressed against the candidate';
    case 'performance':
      return `fires when ${trigger.metric} (gate ${trigger.gate}) is more than ${trigger.budgetPercent}% worse for the candidate than for the baseline`;
    case 'metric':
      return `fires when ${trigger.file}${trigger.pointer} is ${[trigger.min !== undefined ? `below ${trigger.min}` : '', trigger.max !== undefined ? `above ${trigger.max}` : ''].filter(Boolean).join(' or ')}`;
  }
}

/** The release and rollback playbook a person can follow without anything else. */
export function renderPlaybookMarkdown(playbook: PlaybookFile, gates: Gate[]): string {
  const owner = new Map(playbook.roles.map((r) => [r.id, `${r.title} (${r.owner})`]));
  const gateTitle = new Map(gates.map((g) => [g.id, `${g.title} (${g.kind}, ${g.enforcement})`]));
  const lines = [
    GENERATED,
    '',
    '# Release and Rollback Playbook',
    '',
    '## Roles',
    '',
    '| Role | Title | Owner |',
    '|---|---|---|',
    ...playbook.roles.map((r) => `| ${r.id} | ${r.title} | ${r.owner} |`),
    '',
    '## Release classes',
    '',
    `The default class is ${playbook.defaultReleaseClass}. Run a class's gates with \`npx nx run governance:gate --releaseClass=<class>\`.`,
    '',
  ];
  for (const c of playbook.releaseClasses) {
    lines.push(`### ${c.id} ${c.title}`, '', ...(c.description ? [c.description, ''] : []), ...c.gates.map((g) => `- ${g}: ${gateTitle.get(g) ?? 'unknown gate'}`), '');
  }
  lines.push(
    '## Pre-release checklist',
    '',
    ...playbook.preReleaseChecklist.map((i, n) => `${n + 1}. ${i.text}${i.owner ? ` Owner: ${owner.get(i.owner) ?? i.owner}.` : ''}`),
    '',
    'Check it with `npx nx run governance:release-readiness --releaseVersion=<version> --class=<class>`.',
    '',
    '## Go / no-go rules',
    '',
    ...playbook.goNoGo.map((i) => `- ${i.text}${i.owner ? ` Owner: ${owner.get(i.owner) ?? i.owner}.` : ''}`),
    '',
    '## Rollback triggers',
    '',
    'Evaluate them with `npx nx run governance:rollback-check --candidate=<rev> --baseline=<rev>`.',
    '',
    ...playbook.rollbackTriggers.map((t) => `- ${t.id} (${t.kind}): ${describeTrigger(t)}.${t.description ? ` ${t.description}` : ''}`),
    '',
    '## Rollback procedure',
    '',
    ...playbook.rollbackProcedure.map((s, n) => `${n + 1}. ${s.step} Owner: ${owner.get(s.owner) ?? s.owner}.`),
    '',
  );
  return lines.join('\n');
}
