import { compileIdPatterns } from '../ids/id-patterns';
import { createMarkdownParser } from '../markdown/parse-markdown';
import { importCadence } from './import-cadence';
import { emptyPlaybook, importPlaybook } from './import-playbook';
import { emptyLog, type ImportLog } from './import-log';
import { readMarkdownDocument } from './markdown-document';

const GATES = ['VG-CONTRACT-001', 'VG-CONTRACT-002', 'VG-COMPAT-001', 'VG-SPEC-001', 'VG-REL-001'];

function cadenceOf(file: string, lines: string[]) {
  const log: ImportLog = emptyLog();
  const document = readMarkdownDocument(createMarkdownParser(), file, lines.join('\n'));
  const { cadence } = importCadence(document, GATES, log, compileIdPatterns());
  const activities = cadence.activities.map((a) => [a.title, a.interval, a.changeKind ?? '-', a.owner, a.gate ?? '-']);
  return { activities, cadence, log, lines: (kind: keyof ImportLog) => log[kind].map((i) => `${i.line}: ${i.what}: ${i.why}`) };
}

describe('importCadence', () => {
  it('takes the gate an activity row names in its output or title when the table has no gate column, and keeps the change kind as written', () => {
    const { activities } = cadenceOf('docs/CADENCE.md', [
      '# Cadence',
      '',
      '| Activity | Interval | Owner | Output |',
      '|---|---|---|---|',
      '| Contract review | per consumer-visible change | core owner | `docs/CONTRACT.md` updated, VG-CONTRACT-001 evidence |',
      '| Tuple run (VG-COMPAT-001) | weekly | release owner | |',
      '| API doc review | per API change | maintainer | notes |',
    ]);
    expect(activities).toEqual([
      ['Contract review', 'per-change', 'consumer-visible change', 'core-owner', 'VG-CONTRACT-001'],
      ['Tuple run', 'weekly', '-', 'release-owner', 'VG-COMPAT-001'],
      ['API doc review', 'per-change', 'API change', 'maintainer', '-'],
    ]);
  });

  it('reads list items that open with their interval ("**Weekly** — owner: what") under a routine-maintenance heading of any document', () => {
    const { activities, log } = cadenceOf('docs/MAINTENANCE.md', [
      '# Keeping ember healthy',
      '',
      '## Routine maintenance',
      '',
      '- **On every protocol change** — core maintainer: regenerate the golden frames and record',
      '  VG-CONTRACT-002.',
      '- **Weekly (Mondays)** — compat steward: run the smoke (VG-COMPAT-001).',
      '- **Every 2 weeks** — core maintainer + py maintainer: review `docs/protocol.md` against the code (VG-CONTRACT-001).',
      '- **Per release** — release captain: refresh the compatibility table.',
      '- **Monthly** — release captain: prune old evidence.',
      '- **Quarterly** — compat steward: revisit the support window.',
      '- Remember to be kind.',
    ]);
    expect(activities).toEqual([
      ['Regenerate the golden frames and record VG-CONTRACT-002', 'per-change', 'protocol change', 'core-maintainer', 'VG-CONTRACT-002'],
      ['Run the smoke', 'weekly', '-', 'compat-steward', 'VG-COMPAT-001'],
      ['Review docs/protocol.md against the code', { days: 14 }, '-', 'core-maintainer', 'VG-CONTRACT-001'],
      ['Refresh the compatibility table', 'before-release', '-', 'release-captain', '-'],
      ['Prune old evidence', 'monthly', '-', 'release-captain', '-'],
      ['Revisit the support window', 'quarterly', '-', 'compat-steward', '-'],
    ]);
    expect(log.notUnderstood.map((i) => `${i.line}: ${i.what}`)).toEqual(['12: Remember to be kind.']);
  });

  it('reads activities written as paragraphs of a cadence document: the interval opens them, the roles do them', () => {
    const { activities, lines } = cadenceOf('plan/CADENCE.md', [
      '# How we keep things current',
      '',
      'Every change that alters the wire format goes through a contract review by the',
      'contract stewards (core lane owner + undertow owner) before it merges; the review',
      'is recorded as VG-CONTRACT-001 evidence.',
      '',
      'At the start of every active session, the core lane owner reads the open-items',
      'list and writes a hand-off note at the end.',
      '',
      'Once a week, usually on Tuesday, the surf-agent owner runs the full',
      'compatibility sweep (VG-COMPAT-001).',
      '',
      'Every 14 days the core lane owner reviews the spec and records VG-SPEC-001.',
      '',
      'Before each release the release lead walks through the checklist (VG-REL-001).',
      '',
      'Each month the release lead and the tide-notebook owner go through the decision log.',
      '',
      'This page says how we work, and nobody reads it weekly.',
    ]);
    expect(activities.map(([, interval, kind, owner, gate]) => [interval, kind, owner, gate])).toEqual([
      ['per-change', 'change that alters the wire format', 'core-lane-owner', 'VG-CONTRACT-001'],
      ['per-change', 'active session', 'core-lane-owner', '-'],
      ['weekly', '-', 'surf-agent-owner', 'VG-COMPAT-001'],
      [{ days: 14 }, '-', 'core-lane-owner', 'VG-SPEC-001'],
      ['before-release', '-', 'release-lead', 'VG-REL-001'],
      ['monthly', '-', 'release-lead', '-'],
    ]);
    expect(activities[0][0]).toBe('Every change that alters the wire format goes through a contract review by the contract stewards before it merges');
    expect(lines('converted').filter((l) => l.includes('cadence activity')).map((l) => l.split(':')[0])).toEqual(['3', '7', '10', '13', '15', '17']);
    expect(lines('notUnderstood')).toEqual(['19: This page says how we work, and nobody reads it weekly.: no interval opens it and it names no owner of the decision log or the compatibility matrix']);
  });

  it('reads who owns the decision log and the compatibility matrix from a table, items or a sentence, and reports owners it has no place for', () => {
    const table = cadenceOf('docs/CADENCE.md', ['# Maintenance Cadence', '', '## Ownership', '', '| Artifact | Owner |', '|---|---|', '| Decision log | release manager |', '| Validation matrix | core lane owner |', '| Compatibility matrix | compatibility owner |']);
    expect(table.cadence.ownership).toEqual({ decisionLog: 'release-manager', compatibilityMatrix: 'compatibility-owner' });
    expect(table.lines('review')).toEqual(['8: owner of the validation matrix: core-lane-owner: cadence.json records owners of the decision log and the compatibility matrix only']);
    const sentence = cadenceOf('plan/CADENCE.md', [
      '# How we keep things current',
      '',
      'The decision log belongs to the release lead, the validation page to the core lane owner and the compatibility matrix to the surf-agent owner.',
    ]);
    expect(sentence.cadence.ownership).toEqual({ decisionLog: 'release-lead', compatibilityMatrix: 'surf-agent-owner' });
    expect(sentence.lines('review')).toEqual(['3: owner of the validation page: core-lane-owner: cadence.json records owners of the decision log and the compatibility matrix only']);
    const colon = cadenceOf('docs/CADENCE.md', ['# Cadence', '', 'Decision log: maintainer. Tuples table: release owner.']);
    expect(colon.cadence.ownership).toEqual({ decisionLog: 'maintainer', compatibilityMatrix: 'release-owner' });
  });

  it('owners of the decision log and the compatibility table are the cadence\'s in any document, not roles of the playbook', () => {
    const lines = ['# Release playbook', '', '## Owners', '', '- Decision log: release captain.', '- **Release manager** — @alice; owns the go/no-go call.'];
    const { cadence, log } = cadenceOf('docs/RELEASING.md', lines);
    expect(cadence.ownership).toEqual({ decisionLog: 'release-captain' });
    expect(log.notUnderstood).toEqual([]);
    const playbook = emptyPlaybook();
    const document = readMarkdownDocument(createMarkdownParser(), 'docs/RELEASING.md', lines.join('\n'));
    importPlaybook(document.sections, { gates: [], ids: compileIdPatterns(), requiredGates: () => ({ gates: [] }) }, playbook, emptyLog());
    expect(playbook.roles.map((r) => [r.id, r.owner])).toEqual([['release-manager', '@alice']]);
  });

  it('under an interval heading, a gate in parentheses is the gate, not the owner', () => {
    const { activities } = cadenceOf('docs/CADENCE.md', ['# Cadence', '', '## Weekly', '', '- Run the compatibility sweep (VG-COMPAT-001) (owner: compat steward)', '- Review the spec (VG-SPEC-001)']);
    expect(activities).toEqual([
      ['Run the compatibility sweep', 'weekly', '-', 'compat-steward', 'VG-COMPAT-001'],
      ['Review the spec', 'weekly', '-', 'release-manager', 'VG-SPEC-001'],
    ]);
  });

  it('reads nothing from a document that is not about cadence', () => {
    expect(cadenceOf('docs/PLAYBOOK.md', ['# Playbook', '', '## Before each release', '', '- Release manager: run the checklist.']).activities).toEqual([]);
  });
});
