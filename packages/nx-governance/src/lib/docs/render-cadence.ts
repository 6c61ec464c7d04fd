import { GENERATED_MARKER } from './generated-marker';
import { escapeMarkdown as e } from '../markdown/escape';
import type { CadenceFile } from '../schemas/cadence';
import type { PlaybookFile } from '../schemas/playbook';

const GENERATED = `${GENERATED_MARKER} from governance/cadence.json. Do not edit by hand. -->`;

export function describeInterval(interval: CadenceFile['activities'][number]['interval'], changeKind?: string): string {
  if (typeof interval === 'object') return `every ${interval.days} days`;
  if (interval === 'per-change') return `every ${changeKind ? `${changeKind} ` : ''}change`;
  return interval.replace('-', ' ');
}

/** The maintenance cadence runbook: what is reviewed how often, by whom, producing what. */
export function renderCadenceMarkdown(cadence: CadenceFile, playbook: PlaybookFile | undefined): string {
  const owner = new Map(playbook?.roles.map((r) => [r.id, `${r.title} (${r.owner})`]) ?? []);
  const who = (role: string) => e(owner.get(role) ?? role);
  return [
    GENERATED,
    '',
    '# Maintenance Cadence',
    '',
    '| Activity | How often | Owner | Required output | Recorded by |',
    '|---|---|---|---|---|',
    ...cadence.activities.map(
      (a) => `| ${e(a.title)} | ${e(describeInterval(a.interval, a.changeKind))} | ${who(a.owner)} | ${e(a.output)} | ${a.gate ? `evidence of ${e(a.gate)}` : 'an attestation'} |`,
    ),
    '',
    '## Ownership',
    '',
    `- Decision log: ${who(cadence.ownership.decisionLog)}`,
    `- Compatibility matrix: ${who(cadence.ownership.compatibilityMatrix)}`,
    '',
    'Check what is due with `npx nx run governance:cadence` (`--strict` fails on anything overdue, `--as-of=YYYY-MM-DD` makes it reproducible).',
    '',
  ].join('\n');
}
