import { type ExecutorContext, logger } from '@nx/devkit';
import { releasesFolder, timestampFileName } from '../../lib/evidence/evidence-layout';
import { writeSealedRecord } from '../../lib/evidence/write-sealed-record';
import { assembleReleasePacket } from '../../lib/release/assemble-release-packet';
import { readinessFix } from '../../lib/release/readiness-fix';
import { renderReleasePacket } from '../../lib/release/release-packet';
import { asPathSegment } from '../../lib/fs/inside-workspace';
import { writeJsonReport } from '../../lib/reports/write-json-report';
import { knownList } from '../../lib/text/known-list';
import { diskFileReader } from '../../lib/workspace/file-reader';
import { resolveCore } from '../../lib/consumers/resolve-core';
import { scopeTargetName } from '../../lib/workspace/target-names';
import { pluginOptionsIn } from '../../plugins/options';
import { currentTaskHashes } from '../nx-task-hash';
import { runNx } from '../run-nx';
import { loadGovernanceForExecutor } from '../workspace-governance';
import { normalizeOptions } from './normalize-options';
import type { ReleaseReadinessExecutorSchema } from './schema';
import { withOneLineWriteErrors } from '../one-line-write-errors';

async function releaseReadinessExecutor(raw: ReleaseReadinessExecutorSchema, context: ExecutorContext): Promise<{ success: boolean }> {
  const options = normalizeOptions(raw);
  const project = context.projectName;
  if (!project) {
    logger.error('release-readiness runs as a target of the governance project (nx run governance:release-readiness); Nx gave it no project, so there are no gate targets to hash.');
    return { success: false };
  }
  const governance = loadGovernanceForExecutor(context, options.settingsFile);
  if (!governance.ok) return { success: false };
  const { data, consumers } = governance;
  const playbook = data.playbook?.data;
  const releaseClass = playbook?.releaseClasses.find((c) => c.id === (options.class ?? playbook.defaultReleaseClass));
  if (!playbook || !releaseClass) {
    const classIds = playbook?.releaseClasses.map((c) => c.id) ?? [];
    logger.error(`Unknown release class ${options.class ?? playbook?.defaultReleaseClass ?? '(none)'}, expected one of: ${knownList(classIds, options.class)}`);
    return { success: false };
  }
  // Without --releaseVersion, the version the core's manifest states (what `nx release version` just wrote).
  const version = options.releaseVersion ?? resolveCore(diskFileReader(context.root), data.settings)?.version;
  if (!version) {
    const core = data.settings.core ? `give the core (${data.settings.core.project}) a version in its manifest` : `name the core in ${data.settingsFile} ("core": { "project": "my-lib", "path": "libs/my-lib" }) to read its version`;
    logger.error(`No release version: pass --releaseVersion=<version>, or ${core}.`);
    return { success: false };
  }
  const versionFolder = asPathSegment('--releaseVersion', String(version));
  if (!versionFolder.ok) {
    logger.error(versionFolder.error);
    return { success: false };
  }
  if (options.runMissing) {
    logger.info(`Running the gates of ${releaseClass.id} first (--runMissing)`);
    // The release class's own aggregate target runs its gates; readiness then judges whatever evidence that left.
    const run = await runNx(context.root, ['run', `${project}:${scopeTargetName(pluginOptionsIn(context.nxJsonConfiguration).gateTargetName, releaseClass.id)}`]);
    // A gate that failed is judged below from its evidence; a run that never finished leaves none to judge.
    if (!run.ok) {
      logger.error(`Could not run the gates of ${releaseClass.id}: ${run.reason}`);
      return { success: false };
    }
  }
  const packet = assembleReleasePacket({
    root: context.root,
    reader: diskFileReader(context.root),
    data,
    playbook,
    consumers,
    releaseClass: releaseClass.id,
    version: String(version),
    approver: options.approver,
    currentHashes: await currentTaskHashes(project, releaseClass.gates),
    now: new Date(),
  });
  logger.info(`Release readiness of ${packet.version} (${packet.releaseClass}) at ${packet.currentTuple.core.commit.slice(0, 12)}`);
  const names = { governanceProject: project, consumerProjects: new Map(consumers.map((c) => [c.name, c.project])), compatTarget: pluginOptionsIn(context.nxJsonConfiguration).compatTargetName, version: packet.version, settingsFile: data.settingsFile, settings: data.settings };
  for (const i of packet.items) {
    const fix = i.advisory ? undefined : readinessFix(i, names);
    const line = `${i.state.padEnd(13)} ${i.check}: ${i.reason}${i.advisory ? ' (advisory)' : ''}${fix ? `. Fix: ${fix}` : ''}`;
    (i.state === 'pass' ? logger.info : i.advisory || i.state === 'inconclusive' ? logger.warn : logger.error)(line);
  }
  const folder = releasesFolder(data.settings, packet.version);
  const { sealed, file } = writeSealedRecord(context.root, folder, `${timestampFileName(packet.date)}-${packet.releaseClass}`, packet, renderReleasePacket);
  writeJsonReport(context.root, options.json, sealed);
  (packet.verdict === 'go' ? logger.info : logger.error)(`Verdict: ${packet.verdict.toUpperCase()}. Release packet: ${file}`);
  return { success: packet.verdict === 'go' };
}

export default withOneLineWriteErrors(releaseReadinessExecutor);
