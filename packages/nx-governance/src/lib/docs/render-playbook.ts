import { GENERATED_MARKER } from './generated-marker';
import { escapeMarkdown as e } from '../markdown/escape';
import type { Gate } from '../schemas/gates';
import { type PlaybookFile, roleLabels, type RollbackTrigger } from '../schemas/playbook';

const GENERATED = `${GENERATED_MARKER} from governance/playbook.json and governance/gates.json. Do not edit by hand. -->`;

export function describeTrigger(trigger: RollbackTrigger): string {
  switch (trigger.kind) {
    case 'functional':
      return `fires when a required gate fails for the candidate: ${trigger.gates.join(', ')}`;
    case 'compatibility':
      return 'fires when a consumer in the support window regressed against the candidate';
    case 'performance':
      if (!trigger.gate || !trigger.metric) return `fires when performance is more than ${trigger.budgetPercent}% worse for the candidate than for the baseline (no ${trigger.gate ? 'metric' : 'gate'} named yet: judged by hand)`;
      return `fires when ${trigger.metric} (gate ${trigger.gate}) is more than ${trigger.budgetPercent}% worse for the candidate than for the baseline`;
    case 'metric':
      return `fires when ${trigger.file}${trigger.pointer} is ${[trigger.min !== undefined ? `below ${trigger.min}` : '', trigger.max !== undefined ? `above ${trigger.max}` : ''].filter(Boolean).join(' or ')}`;
    case 'other':
      return `judged by hand (no evidence can judge it yet): ${trigger.description}`;
  }
}

/** The release and rollback playbook a person can follow without anything else. */
export function renderPlaybookMarkdown(playbook: PlaybookFile, gates: Gate[]): string {
  const owner = roleLabels(playbook);
  const ownerOf = (id: string) => e(owner.get(id) ?? id);
  const gateTitle = new Map(gates.map((g) => [g.id, `${e(g.title)} (${g.kind}, ${g.enforcement})`]));
  const lines = [
    GENERATED,
    '',
    '# Release and Rollback Playbook',
    '',
    '## Roles',
    '',
    '| Role | Title | Owner |',
    '|---|---|---|',
    ...playbook.roles.map((r) => `| ${e(r.id)} | ${e(r.title)} | ${e(r.owner)} |`),
    '',
    '## Release classes',
    '',
    `The default class is ${e(playbook.defaultReleaseClass)}. Run a class's gates with \`npx nx run governance:gate --releaseClass=<class>\`.`,
    '',
  ];
  for (const c of playbook.releaseClasses) {
    lines.push(`### ${e(c.id)} ${e(c.title)}`, '', ...(c.description ? [e(c.description), ''] : []), ...c.gates.map((g) => `- ${e(g)}: ${gateTitle.get(g) ?? 'unknown gate'}`), '');
  }
  lines.push(
    '## Pre-release checklist',
    '',
    ...playbook.preReleaseChecklist.map((i, n) => `${n + 1}. ${e(i.text)}${i.owner ? ` Owner: ${ownerOf(i.owner)}.` : ''}`),
    '',
    'Check it with `npx nx run governance:release-readiness --releaseVersion=<version> --class=<class>`.',
    '',
    '## Go / no-go rules',
    '',
    ...playbook.goNoGo.map((i) => `- ${e(i.text)}${i.owner ? ` Owner: ${ownerOf(i.owner)}.` : ''}`),
    '',
    '## Rollback triggers',
    '',
    'Evaluate them with `npx nx run governance:rollback-check --candidate=<rev> --baseline=<rev>`.',
    '',
    // An 'other' trigger's description is its whole rule, already in describeTrigger; a sentence's own period is not doubled.
    ...playbook.rollbackTriggers.map((t) => `- ${e(t.id)} (${t.kind}): ${e(describeTrigger(t).replace(/\.$/, ''))}.${t.description && t.kind !== 'other' ? ` ${e(t.description)}` : ''}`),
    '',
    '## Rollback procedure',
    '',
    ...playbook.rollbackProcedure.map((s, n) => `${n + 1}. ${e(s.step)} Owner: ${ownerOf(s.owner)}.`),
    '',
  );
  return lines.join('\n');
}
