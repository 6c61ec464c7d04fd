/**
 * Compares what `nx g nx-governance:import` wrote with a fixture's hand-written
 * expected.json (e2e/fixtures/prose-corpus/README.md says what each key means)
 * and returns every difference the import report does not list. "Listed" means
 * named in the report's "Left for review" or "Not understood" sections: a
 * difference the import owns up to is the import's honest limit, one it does
 * not is a defect.
 */
import { compileIdPatterns, DEFAULT_ID_PATTERNS } from '../../packages/nx-governance/src/lib/ids/id-patterns';
import { parseMilestone } from '../../packages/nx-governance/src/lib/milestone/parse-milestone';

type Json = Record<string, unknown>;
type Read = (path: string) => string | undefined;

const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);
const norm = (text: unknown) => String(text ?? '').toLowerCase().replace(/[\s_-]+/g, ' ').trim();
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const sortedSame = (a: string[], b: string[]) => same([...a].sort(), [...b].sort());

export function unlistedDifferences(read: Read, milestoneFiles: string[], expected: Json): string[] {
  const json = (file: string) => JSON.parse(read(`governance/${file}`) ?? 'null') as Json | null;
  const report = read('governance/import-report.md') ?? '';
  const owned = report.slice(report.indexOf('## Left for review')).replace(/\\/g, '').toLowerCase();
  const listed = (...keys: unknown[]) => keys.some((k) => k !== undefined && k !== '' && owned.includes(String(k).toLowerCase()));
  const differences: string[] = [];
  const differ = (what: string, keys: unknown[]) => listed(...keys) || differences.push(what);
  // A gate is owned up to by a line about the gate itself, not by a card's gate list naming it.
  const aboutGates = owned.split('\n').filter((line) => !line.includes('required gates:')).join('\n');
  const gateListed = (id: string) => aboutGates.includes(id.toLowerCase());

  const gates = list(json('gates.json')?.gates);
  for (const gate of list(expected.gates)) {
    const got = gates.find((g) => g.id === gate.id);
    const id = String(gate.id);
    if (!got) {
      if (!gateListed(id)) differences.push(`gate ${id}: not imported`);
      continue;
    }
    if (got.kind !== gate.kind) differ(`gate ${id}: kind ${got.kind}, expected ${gate.kind}`, [id]);
    if (got.enforcement !== gate.enforcement) differ(`gate ${id}: enforcement ${got.enforcement}, expected ${gate.enforcement}`, [id]);
    if (gate.argv && !got.blocked) {
      const argv = list(got.steps).filter((s) => Array.isArray(s.argv)).map((s) => s.argv);
      if (!same(argv, gate.argv)) differ(`gate ${id}: steps ${JSON.stringify(argv)}, expected ${JSON.stringify(gate.argv)}`, [id]);
    }
    if (gate.argv && got.blocked) differ(`gate ${id}: blocked (${(got.blocked as Json).reason}), expected steps ${JSON.stringify(gate.argv)}`, [id]);
    if (gate.needsShell && !got.blocked) differ(`gate ${id}: runs, but its command needs a shell`, [id]);
    if (gate.condition && !norm(got.enforcementNote).includes(norm(gate.condition))) differ(`gate ${id}: condition "${gate.condition}" not kept`, [id]);
  }
  for (const text of list(expected.notCommands).map(String)) {
    const steps = gates.flatMap((g) => list(g.steps)).filter((s) => Array.isArray(s.argv)).map((s) => (s.argv as string[]));
    const found = text.includes(' ') ? steps.some((argv) => argv.join(' ').includes(text)) : steps.some((argv) => argv.includes(text));
    if (found) differences.push(`"${text}" became (part of) a step`);
  }

  const compat = json('compatibility.json');
  const consumers = list(compat?.consumers);
  for (const consumer of list(expected.consumers)) {
    // Never excused by a report line: a consumer the prose names is data (stated only when it is not in the workspace), or readiness passes without it.
    if (!consumers.some((c) => c.name === consumer.name)) differences.push(`consumer ${consumer.name}: not imported`);
  }
  // A row of a release line ("~2.4.0") is written as the newest release of the line, its note naming the line.
  const lineOf = (t: Json) => /release line (\S+?)(?:;|$)/.exec(String(t.note ?? ''))?.[1];
  const tuples = list(compat?.tuples).flatMap((t) => Object.keys((t.consumers as Json) ?? {}).map((c) => ({ consumer: c, core: t.core, line: lineOf(t), tier: t.tier })));
  const ranges = consumers.flatMap((c) => String(c.supports ?? '').split(' || ').filter(Boolean).map((core) => ({ consumer: c.name, core })));
  for (const tuple of list(expected.tuples)) {
    const got = tuples.find((t) => t.consumer === tuple.consumer && (t.core === tuple.core || t.line === tuple.core)) ?? ranges.find((r) => r.consumer === tuple.consumer && r.core === tuple.core);
    // Not excused by a report line either: a combination the prose states is data (its release undated when the prose gives no date).
    if (!got) differences.push(`tuple ${tuple.consumer} with core ${tuple.core}: not imported`);
    else if ('tier' in got && got.tier !== tuple.tier) differ(`tuple ${tuple.consumer} with core ${tuple.core}: tier ${got.tier}, expected ${tuple.tier}`, [tuple.consumer]);
  }
  const policy = (compat?.policy ?? {}) as Json;
  if (expected.supportWindow && !same(policy.supportWindow && pick(policy.supportWindow as Json, Object.keys(expected.supportWindow as Json)), expected.supportWindow)) {
    differ(`support window ${JSON.stringify(policy.supportWindow)}, expected ${JSON.stringify(expected.supportWindow)}`, ['support window']);
  }
  if (expected.deprecationLeadDays !== undefined && policy.deprecationLeadTimeDays !== expected.deprecationLeadDays) {
    differ(`deprecation lead time ${policy.deprecationLeadTimeDays}, expected ${expected.deprecationLeadDays}`, ['deprecation lead time']);
  }

  const playbook = json('playbook.json');
  const triggers = list(playbook?.rollbackTriggers);
  const unmatched = [...triggers];
  for (const trigger of list(expected.triggers)) {
    const at = unmatched.findIndex((t) => t.kind === trigger.kind && (trigger.budgetPercent === undefined || t.budgetPercent === trigger.budgetPercent));
    if (at < 0) differ(`${trigger.kind} trigger "${trigger.name}": not imported`, [trigger.name]);
    else unmatched.splice(at, 1);
  }
  for (const cls of list(expected.releaseClasses)) {
    const got = list(playbook?.releaseClasses).find((c) => c.id === cls.id);
    if (!got || !sortedSame(got.gates as string[], cls.gates as string[])) differ(`release class ${cls.id}: gates ${JSON.stringify(got?.gates)}, expected ${JSON.stringify(cls.gates)}`, [`${cls.id} gates`]);
  }

  const activities = list(json('cadence.json')?.activities);
  const free = [...activities];
  for (const activity of list(expected.activities)) {
    const at = free.findIndex((a) => sameInterval(a, activity) && (activity.gate === undefined || a.gate === activity.gate));
    if (at < 0) differ(`activity "${activity.name}" (${JSON.stringify(activity.interval)}): not imported`, [activity.name]);
    else free.splice(at, 1);
  }
  for (const text of list(expected.notActivities).map(String)) {
    if (activities.some((a) => norm(a.title).includes(norm(text)))) differences.push(`"${text}" became an activity`);
  }

  // The cards as the plugin reads them (validate, readiness and cadence use this parser), not as a pattern here would.
  const ids = compileIdPatterns({ ...DEFAULT_ID_PATTERNS, ...((json('governance.json')?.ids as object | undefined) ?? {}) });
  const cards = milestoneFiles.flatMap((file) => {
    const parsed = parseMilestone(file, read(file) ?? '', ids);
    return parsed.ok ? parsed.document.taskCards : [];
  });
  for (const card of list(expected.cards)) {
    const got = cards.find((c) => c.id === card.id);
    if (!got) {
      differ(`card ${card.id}: not imported`, [card.id, card.milestone]);
      continue;
    }
    const status = got.status?.value;
    if (card.status && norm(status) !== norm(card.status)) differ(`card ${card.id}: status ${status ?? 'none'}, expected ${card.status}`, [card.id]);
  }
  for (const runbook of list(expected.milestoneNamedRunbooks).map(String)) {
    if (!new RegExp(`${runbook.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+\` runbook`, 'i').test(report)) differences.push(`${runbook}: not reported as a runbook`);
  }
  return differences;
}

function sameInterval(got: Json, expected: Json): boolean {
  if (expected.interval === 'per-session') return got.interval === 'per-change' && /session/.test(String(got.changeKind ?? ''));
  return same(got.interval, expected.interval);
}

function pick(value: Json, keys: string[]): Json {
  return Object.fromEntries(keys.filter((k) => k in value).map((k) => [k, value[k]]));
}
