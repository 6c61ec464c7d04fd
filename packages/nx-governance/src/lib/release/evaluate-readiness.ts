import { posix } from 'node:path';
import * as semver from 'semver';
import type { ReadinessItem } from '../evidence/evidence-schemas';
import { compatVerdict } from '../compat/compat-result';
import { notInWorkspace, type ResolvedConsumer, statedConsumers } from '../consumers/resolve-consumers';
import type { TreeState } from '../git/git';
import { latestImportedEvidence, type LoadedImportedEvidence, loadImportedEvidence } from '../evidence/imported-evidence-index';
import { describeJudgement, type GateJudgement, judgeGateEvidence } from '../evidence/judge-gate-evidence';
import { loadSignaturePolicy } from '../evidence/signature-policy';
import type { FileReader } from '../workspace/file-reader';
import type { GovernanceData } from '../workspace/load-governance';
import { resultsOfCheckout } from '../compat/checkout-results';
import { renderedDocuments } from '../docs/rendered-documents';
import { compatResultsAt } from './evidence-for-commit';
import { ROLLBACK_TUPLE_ID, rollbackTuple } from '../rollback/rollback-tuple';
import { activeMilestone, isOpenCard } from '../milestone/active-milestone';
import { importGaps } from '../import/import-gaps';

/** An item of the checklist as the release packet's schema defines it; an advisory finding is reported but does not decide go or no-go. */
export type { ReadinessItem } from '../evidence/evidence-schemas';
export type ItemState = ReadinessItem['state'];

export interface ReadinessInput {
  root: string;
  reader: FileReader;
  data: GovernanceData;
  consumers: ResolvedConsumer[];
  releaseClass: string;
  version: string;
  coreCommit?: string;
  /** Whether the tree has changes outside the evidence folder, or why git could not say. */
  tree: TreeState;
  /** Nx task hashes of the gate targets now, to tell current evidence from stale. */
  currentHashes: Record<string, string>;
}

const item = (id: string, check: string, state: ItemState, reason: string, evidence: string[] = [], advisory = false): ReadinessItem => ({ id, check, state, reason, evidence, advisory });

/** Every item of the pre-release checklist, judged from evidence: pass, fail or inconclusive. */
export function evaluateReadiness(input: ReadinessInput): ReadinessItem[] {
  return [...importGapItems(input), ...gateItems(input), ...consumerItems(input), docsItem(input), blockingCardsItem(input), cleanTreeItem(input), ...rollbackTupleItems(input)];
}

/** After a partial import, what the prose names and the data lacks: nothing says those are ready. */
function importGapItems({ reader, data }: ReadinessInput): ReadinessItem[] {
  return importGaps(reader, data).map((gap) => item(`import:${gap.kind}`, `the data holds every ${gap.kind.replace(/s$/, '')} the imported prose names`, 'inconclusive', gap.reason));
}

/** A gate's judgement as a checklist item: only a pass passes; stale, unknown and untrusted evidence is inconclusive. */
const ITEM_STATE: Record<GateJudgement['state'], ItemState> = {
  pass: 'pass',
  fail: 'fail',
  blocked: 'fail',
  pending: 'fail',
  stale: 'inconclusive',
  unknown: 'inconclusive',
  untrusted: 'inconclusive',
  missing: 'inconclusive',
};

function gateItems({ root, reader, data, releaseClass, currentHashes }: ReadinessInput): ReadinessItem[] {
  const policy = loadSignaturePolicy(reader, data);
  const gates = new Map((data.gates?.data.gates ?? []).map((g) => [g.id, g]));
  const imported = loadImportedEvidence(reader, posix.dirname(data.settingsFile));
  const ids = data.playbook?.data.releaseClasses.find((c) => c.id === releaseClass)?.gates ?? [];
  return ids.map((id) => {
    const advisory = gates.get(id)?.enforcement === 'advisory';
    const check = `gate ${id} has passing, current evidence for this commit`;
    // Current means Nx would compute the same task hash now: the commit may have moved on (committing the evidence itself, docs) without touching the gate's inputs.
    const judgement = judgeGateEvidence({ root, reader, settings: data.settings, policy, gate: id, currentTaskHash: currentHashes[id], unknownHashWhy: 'Nx computed no hash for the gate target' });
    if (judgement.state === 'missing') return importedOnlyItem(id, check, advisory, imported);
    return item(`gate:${id}`, check, ITEM_STATE[judgement.state], describeJudgement(judgement), [judgement.file], advisory);
  });
}

function consumerItems({ root, data, consumers, version, coreCommit }: ReadinessInput): ReadinessItem[] {
  const stated = statedConsumers(data);
  const check = (name: string) => `${name} passes against the candidate`;
  // A declared range that excludes the candidate is said first, for a consumer here or not: it is advisory.
  const outOfRange = (consumer: { name: string; supports?: string }) =>
    consumer.supports && semver.valid(version) && !semver.satisfies(version, consumer.supports)
      ? item(`consumer:${consumer.name}`, check(consumer.name), 'inconclusive', `${consumer.name} declares support for ${consumer.supports}, not ${version}`, [], true)
      : undefined;
  // Nothing here can run a consumer that is not in this workspace, whatever the core's commit.
  const outside = stated.map((consumer) => outOfRange(consumer) ?? item(`consumer:${consumer.name}`, check(consumer.name), 'inconclusive', notInWorkspace(consumer)));
  return [...workspaceConsumerItems(consumers, stated.length > 0, { root, data, coreCommit }, check, outOfRange), ...outside].sort((a, b) => a.id.localeCompare(b.id));
}

function workspaceConsumerItems(
  consumers: ResolvedConsumer[],
  othersStated: boolean,
  { root, data, coreCommit }: Pick<ReadinessInput, 'root' | 'data' | 'coreCommit'>,
  check: (name: string) => string,
  outOfRange: (consumer: ResolvedConsumer) => ReadinessItem | undefined,
): ReadinessItem[] {
  // Declaring none is a fact of the data, not missing evidence: there is nothing a release could break.
  if (!consumers.length) return othersStated ? [] : [item('consumers', 'every consumer passes against the candidate', 'pass', 'no consumer is declared')];
  if (!coreCommit) return [item('consumers', 'every consumer passes against the candidate', 'inconclusive', 'the core has no folder to find its commit')];
  const results = compatResultsAt(root, data.settings, consumers.map((c) => c.name), coreCommit);
  return consumers.map((consumer) => {
    const ranged = outOfRange(consumer);
    if (ranged) return ranged;
    const result = results.get(consumer.name);
    if (!result) return item(`consumer:${consumer.name}`, check(consumer.name), 'inconclusive', `no compatibility result against core ${coreCommit.slice(0, 12)}`);
    const verdict = compatVerdict(result.result);
    const state: ItemState = verdict === 'pass' || verdict === 'fail' ? verdict : 'inconclusive';
    return item(`consumer:${consumer.name}`, check(consumer.name), state, `${result.result}: ${result.reason}`, [`sha256 ${result.digest.slice(0, 12)}`]);
  });
}

function docsItem({ root, reader, data }: ReadinessInput): ReadinessItem {
  const stale = renderedDocuments(reader, data, resultsOfCheckout(root, data.settings)).filter((doc) => reader.read(doc.path) !== doc.content).map((doc) => doc.path);
  return item('docs-in-sync', 'the matrix and rendered docs are in sync with the data', stale.length ? 'fail' : 'pass', stale.length ? `stale: ${stale.join(', ')} (run nx sync)` : 'in sync');
}

function blockingCardsItem({ data }: ReadinessInput): ReadinessItem {
  const active = activeMilestone(data.milestones);
  const blocking = active?.taskCards.filter((c) => c.releaseBlocking && isOpenCard(c.status?.value)) ?? [];
  const check = 'no release-blocking task card of the active milestone is open';
  if (!active) return item('release-blockers', check, 'pass', 'every task card is done');
  if (blocking.length) return item('release-blockers', check, 'fail', `open in ${active.id}: ${blocking.map((c) => `${c.id} (${c.status?.value ?? 'no status'})`).join(', ')}`);
  // Open cards that are not release-blocking are said, so that "pass" is not read as "the milestone is done".
  const open = active.taskCards.filter((c) => isOpenCard(c.status?.value)).map((c) => c.id);
  return item('release-blockers', check, 'pass', open.length ? `no release-blocking card open in ${active.id}; open, not release-blocking: ${open.join(', ')}` : `none open in ${active.id}`);
}

function cleanTreeItem({ tree }: ReadinessInput): ReadinessItem {
  const check = 'the tree is clean';
  if (!tree.ok) return item('clean-tree', check, 'inconclusive', `git cannot say whether the tree is clean: ${tree.reason}`);
  return item('clean-tree', check, tree.dirty ? 'fail' : 'pass', tree.dirty ? 'uncommitted changes outside the evidence folder' : 'clean');
}

function rollbackTupleItems({ data, consumers }: ReadinessInput): ReadinessItem[] {
  const tuple = rollbackTuple(data.compatibility?.data);
  // A consumer not in this workspace still needs a version to roll back to: the tuple is data, not a test run.
  return [...consumers, ...statedConsumers(data)].map((consumer) => {
    const check = `a rollback tuple exists for ${consumer.name}`;
    const id = `rollback:${consumer.name}`;
    if (!tuple) return item(id, check, 'fail', `compatibility.json has no tuple named ${ROLLBACK_TUPLE_ID}`);
    const version = tuple.consumers[consumer.name];
    if (version === undefined) return item(id, check, 'fail', `the ${ROLLBACK_TUPLE_ID} tuple names no version of ${consumer.name}`);
    return item(id, check, 'pass', `${tuple.id}: core ${tuple.core}, ${consumer.name} ${version}`);
  });
}

/**
 * A gate with evidence only from before the plugin (indexed by import): shown,
 * labelled as imported, but never a pass: it is unsealed and tied to no inputs,
 * so nothing says it still holds for this commit.
 */
function importedOnlyItem(id: string, check: string, advisory: boolean, imported: LoadedImportedEvidence): ReadinessItem {
  if (!imported.ok) return item(`gate:${id}`, check, 'inconclusive', `no evidence; the imported evidence index is broken: ${imported.reason}`, [], advisory);
  const latest = latestImportedEvidence(imported.index, id);
  if (!latest) return item(`gate:${id}`, check, 'inconclusive', 'no evidence', [], advisory);
  const reason = `only imported evidence: ${latest.result}${latest.date ? ` on ${latest.date}` : ''} (unsealed, not tied to this commit's inputs); run the gate to seal current evidence`;
  return item(`gate:${id}`, check, 'inconclusive', reason, [latest.file], advisory);
}
