import { roleLabels } from '../schemas/playbook';
import { type CadenceReport, evaluateCadence } from '../cadence/evaluate-cadence';
import { readEvidenceHistory } from '../cadence/read-evidence-history';
import type { ResolvedConsumer } from '../consumers/resolve-consumers';
import type { CompatibilityMatrix } from '../matrix/compute-matrix';
import { resultsOfCheckout } from '../compat/checkout-results';
import { workspaceMatrix } from '../matrix/workspace-matrix';
import { readCompatResults } from '../matrix/read-compat-results';
import { activeMilestone, newestMilestone } from '../milestone/active-milestone';
import type { FileReader } from '../workspace/file-reader';
import type { GovernanceData } from '../workspace/load-governance';
import { gateLatestFile } from '../evidence/evidence-layout';
import { type GateJudgement, type GateState, judgeGateStates } from './gate-states';
import { lastRollbackState, type PageRollback } from './page-rollback';
import { compatTimelines, type PageTimeline } from './page-timelines';

export interface PageGate {
  id: string;
  title: string;
  owner: string;
  enforcement: string;
  state: GateState;
  reason: string;
  fix?: string;
  finishedAt?: string;
  /** Whole days from the record's finish to `asOf`. */
  ageDays?: number;
  evidence?: string;
}

export interface PageModel {
  kind: 'nx-governance/page';
  formatVersion: 1;
  asOf: string;
  project: string;
  /** The reports whose JSON holds the same data, computed by the same functions. */
  sameDataAs: string[];
  matrix?: CompatibilityMatrix;
  releaseClasses: Array<{ id: string; title: string; isDefault: boolean; gates: PageGate[] }>;
  /** The active milestone; when every card is done, the newest one (`active: false`). */
  milestone?: { id: string; title: string; file: string; active: boolean; cards: Array<{ id: string; title: string; status: string; releaseBlocking: boolean; requiredGates: Array<{ id: string; state: GateState }> }> };
  cadence: CadenceReport;
  rollback: PageRollback;
  timelines: PageTimeline[];
}

export interface PageInput {
  /** The workspace root, where a latest record's chain must be. */
  root: string;
  reader: FileReader;
  data: GovernanceData;
  consumers: ResolvedConsumer[];
  asOf: string;
  /** Nx task hashes of the gate targets now, to tell current evidence from stale; undefined when Nx could not give them. */
  currentHashes: Readonly<Record<string, string>> | undefined;
}

/**
 * Everything the page shows, from the functions the JSON reports use: the
 * matrix as `compat-query` and `nx sync` compute it, the cadence as `cadence`
 * evaluates it, each gate's state from the one judgement of evidence, the
 * rollback triggers as the last `rollback-check` decided them. `--json`
 * writes this model; the page renders nothing else.
 */
export function buildPageModel({ root, reader, data, consumers, asOf, currentHashes }: PageInput): PageModel {
  const { settings } = data;
  const names = consumers.map((c) => c.name);
  const results = readCompatResults(reader, settings, names);
  const compat = data.compatibility?.data;
  const playbook = data.playbook?.data;
  const gates = data.gates?.data.gates ?? [];
  const judged = judgeGateStates(root, reader, data, gates.map((g) => g.id), currentHashes);
  const owners = roleLabels(playbook);
  const gateRow = (id: string): PageGate => {
    const gate = gates.find((g) => g.id === id);
    const judgement = judged.get(id);
    return {
      id,
      title: gate?.title ?? id,
      owner: gate ? (owners.get(gate.owner) ?? gate.owner) : 'unknown',
      enforcement: gate?.enforcement ?? 'unknown',
      ...(judgement ? pickJudgement(judgement, settings, id, asOf) : { state: 'missing' as const, reason: 'the gate is not defined' }),
    };
  };
  const active = activeMilestone(data.milestones);
  const shown = active ?? newestMilestone(data.milestones);
  return {
    kind: 'nx-governance/page',
    formatVersion: 1,
    asOf,
    project: settings.projectName,
    sameDataAs: [`nx run ${settings.projectName}:compat-query --json`, `nx sync (the matrix JSON)`, `nx run ${settings.projectName}:cadence --json`, `nx run ${settings.projectName}:rollback-check --json`],
    ...(compat ? { matrix: workspaceMatrix(reader, data, consumers, resultsOfCheckout(root, data.settings)) } : {}),
    releaseClasses: (playbook?.releaseClasses ?? []).map((c) => ({ id: c.id, title: c.title, isDefault: c.id === playbook?.defaultReleaseClass, gates: c.gates.map(gateRow) })),
    ...(shown
      ? {
          milestone: {
            id: shown.id,
            title: shown.title,
            file: shown.file,
            active: shown === active,
            cards: shown.taskCards.map((card) => ({
              id: card.id,
              title: card.title,
              status: card.status?.value ?? 'no status',
              releaseBlocking: card.releaseBlocking,
              requiredGates: card.requiredGates.map((id) => ({ id, state: judged.get(id)?.state ?? ('missing' as const) })),
            })),
          },
        }
      : {}),
    cadence: evaluateCadence(data, readEvidenceHistory(reader, data, names, { root, hashes: { ...currentHashes } }, results), names, asOf),
    rollback: lastRollbackState(reader, data),
    timelines: compatTimelines(names, results),
  };
}

function pickJudgement(judgement: GateJudgement, settings: GovernanceData['settings'], gate: string, asOf: string): Omit<PageGate, 'id' | 'title' | 'owner' | 'enforcement'> {
  const record = 'evidence' in judgement ? judgement.evidence?.record : undefined;
  return {
    state: judgement.state,
    reason: judgement.reason,
    ...('fix' in judgement && judgement.fix ? { fix: judgement.fix } : {}),
    ...(record ? { finishedAt: record.finishedAt, ageDays: daysBetween(record.finishedAt.slice(0, 10), asOf), evidence: gateLatestFile(settings, gate, 'md') } : {}),
  };
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
