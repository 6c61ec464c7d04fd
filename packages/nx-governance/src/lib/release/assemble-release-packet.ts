import { RELEASE_MANAGER_ROLE } from '../schemas/common';
import { readManifestField } from '../consumers/read-manifest-field';
import type { ResolvedConsumer } from '../consumers/resolve-consumers';
import { resolveCore } from '../consumers/resolve-core';
import { gitUser } from '../git/git-user';
import { folderCommit, git, headCommit, treeState } from '../git/git';
import type { PlaybookFile } from '../schemas/playbook';
import type { FileReader } from '../workspace/file-reader';
import type { GovernanceData } from '../workspace/load-governance';
import { evaluateReadiness } from './evaluate-readiness';
import { type ReleasePacket, readinessVerdict } from './release-packet';
import { rollbackTuple } from '../rollback/rollback-tuple';

export interface ReleasePacketInput {
  root: string;
  reader: FileReader;
  data: GovernanceData;
  playbook: PlaybookFile;
  consumers: ResolvedConsumer[];
  releaseClass: string;
  version: string;
  /** Who approves; the git user when not given. */
  approver?: string;
  /** Nx task hashes of the gate targets now, to tell current evidence from stale. */
  currentHashes: Record<string, string>;
  now: Date;
}

/** The release packet of a candidate: every readiness item judged from evidence, the tuples, and go or no-go. */
export function assembleReleasePacket(input: ReleasePacketInput): ReleasePacket {
  const { root, reader, data, playbook, consumers, releaseClass, version } = input;
  const core = resolveCore(reader, data.settings);
  const head = headCommit(root) ?? 'unknown';
  const items = evaluateReadiness({
    root,
    reader,
    data,
    consumers,
    releaseClass,
    version,
    coreCommit: core?.path ? git(root, ['log', '-1', '--format=%H', '--', core.path]) : undefined,
    tree: treeState(root, undefined, data.settings.paths.evidence),
    currentHashes: input.currentHashes,
  });
  const manager = playbook.roles.find((r) => r.id === RELEASE_MANAGER_ROLE) ?? playbook.roles[0];
  const manifestVersion = (file?: string, field?: string) => (file && field ? readManifestField(file, reader.read(file) ?? '', field) : undefined);
  return {
    kind: 'nx-governance/release-packet',
    date: input.now.toISOString(),
    version,
    releaseClass,
    owner: `${manager.title} (${manager.owner})`,
    approver: input.approver ?? gitUser(root),
    currentTuple: {
      core: { version, commit: head },
      consumers: Object.fromEntries(
        consumers.map((c) => [c.name, { version: manifestVersion(c.versionSource?.file, c.versionSource?.field), commit: c.path ? folderCommit(root, c.path) : undefined }]),
      ),
    },
    rollbackTuple: rollbackTuple(data.compatibility?.data),
    items,
    advisoryFindings: items.filter((i) => i.advisory && i.state !== 'pass'),
    verdict: readinessVerdict(items),
  };
}
