import { type ExecutorContext, logger } from '@nx/devkit';
import { reportPath } from '../../core/gates/close-gate-run';
import { resolveCore } from '../../core/consumers/resolve-core';
import { readManifestField } from '../../core/consumers/read-manifest-field';
import { writeSealedRecord } from '../../core/evidence/write-sealed-record';
import { asPathSegment } from '../../core/fs/inside-workspace';
import { gitUser } from '../../core/gates/attestation';
import { folderCommit, git, headCommit, isDirty } from '../../core/git/git';
import { evaluateReadiness } from '../../core/release/evaluate-readiness';
import { type ReleasePacket, readinessVerdict, renderReleasePacket } from '../../core/release/release-packet';
import { writeJsonReport } from '../../core/reports/write-json-report';
import { knownList } from '../../core/validation/rule-context';
import { diskFileReader } from '../../core/workspace/file-reader';
import { currentTaskHashes } from '../nx-task-hash';
import { runNx } from '../run-nx';
import { DEFAULT_GATE_TARGET } from '../../core/gates/gate-scopes';
import { loadGovernanceForExecutor } from '../workspace-governance';
import type { ReleaseReadinessExecutorSchema } from './schema';

export default async function releaseReadinessExecutor(options: ReleaseReadinessExecutorSchema, context: ExecutorContext): Promise<{ success: boolean }> {
  const governance = loadGovernanceForExecutor(context, options.settingsFile);
  if (!governance.ok) return { success: false };
  const { data, consumers } = governance;
  const playbook = data.playbook?.data;
  const releaseClass = options.class ?? playbook?.defaultReleaseClass;
  const classIds = playbook?.releaseClasses.map((c) => c.id) ?? [];
  if (!playbook || !releaseClass || !classIds.includes(releaseClass)) {
    logger.error(`Unknown release class ${releaseClass ?? '(none)'}, expected one of: ${knownList(classIds)}`);
    return { success: false };
  }
  const versionFolder = asPathSegment('--releaseVersion', String(options.releaseVersion));
  if (!versionFolder.ok) {
    logger.error(versionFolder.error);
    return { success: false };
  }
  if (options.runMissing) {
    logger.info(`Running the gates of ${releaseClass} first (--runMissing)`);
    // The release class's own aggregate target runs its gates; readiness then judges whatever evidence that left.
    await runNx(context.root, ['run', `${context.projectName}:${DEFAULT_GATE_TARGET}-${releaseClass}`], { inheritOutput: true });
  }
  const reader = diskFileReader(context.root);
  const core = resolveCore(reader, data.settings);
  const head = headCommit(context.root) ?? 'unknown';
  const gateIds = playbook.releaseClasses.find((c) => c.id === releaseClass)!.gates;
  const items = evaluateReadiness({
    root: context.root,
    reader,
    data,
    consumers,
    releaseClass,
    version: String(options.releaseVersion),
    head,
    coreCommit: core.path ? git(context.root, ['log', '-1', '--format=%H', '--', core.path]) : undefined,
    dirty: isDirty(context.root, undefined, data.settings.paths.evidence),
    currentHashes: await currentTaskHashes(context.projectName!, gateIds),
  });
  const verdict = readinessVerdict(items);
  const manager = playbook.roles.find((r) => r.id === 'release-manager') ?? playbook.roles[0];
  const version = (file?: string, field?: string) => (file && field ? readManifestField(file, reader.read(file) ?? '', field) : undefined);
  const packet: ReleasePacket = {
    kind: 'nx-governance/release-packet',
    date: new Date().toISOString(),
    version: String(options.releaseVersion),
    releaseClass,
    owner: `${manager.title} (${manager.owner})`,
    approver: options.approver ?? gitUser(context.root),
    currentTuple: {
      core: { version: String(options.releaseVersion), commit: head },
      consumers: Object.fromEntries(
        consumers.map((c) => [c.name, { version: version(c.versionSource?.file, c.versionSource?.field), commit: c.path ? folderCommit(context.root, c.path) : undefined }]),
      ),
    },
    rollbackTuple: data.compatibility?.data.tuples.find((t) => t.id === 'rollback'),
    items,
    advisoryFindings: items.filter((i) => i.advisory && i.state !== 'pass'),
    verdict,
  };
  logger.info(`Release readiness of ${packet.version} (${releaseClass}) at ${head.slice(0, 12)}`);
  for (const i of items) {
    const line = `${i.state.padEnd(13)} ${i.check}: ${i.reason}${i.advisory ? ' (advisory)' : ''}`;
    (i.state === 'pass' ? logger.info : i.advisory || i.state === 'inconclusive' ? logger.warn : logger.error)(line);
  }
  const { sealed, file } = writeSealedRecord(
    context.root,
    `${data.settings.paths.evidence}/releases/${packet.version}`,
    `${packet.date.replace(/[:.]/g, '-')}-${releaseClass}`,
    packet,
    renderReleasePacket,
  );
  if (options.json) writeJsonReport(reportPath(context.root, options.json), sealed);
  (verdict === 'go' ? logger.info : logger.error)(`Verdict: ${verdict.toUpperCase()}. Release packet: ${file}`);
  return { success: verdict === 'go' };
}
