import { logger, type Tree } from '@nx/devkit';
import type { GovernanceData } from '../../lib/workspace/load-governance';
import { writeDataJson } from '../governance-tree';

/** `--releaseClass=none`: the gate is written, no class requires it (yet). */
export const NO_RELEASE_CLASS = 'none';

/**
 * The release class a new gate joins: `--releaseClass`, else the playbook's default class (the one
 * `nx run governance:gate` runs). Checked before anything is written, so a wrong class loses nothing.
 */
export function chooseReleaseClass(data: GovernanceData, requested: string | undefined): string | undefined {
  const playbook = data.playbook?.data;
  if (requested === NO_RELEASE_CLASS) return undefined;
  if (!playbook) {
    if (requested) throw new Error(`--releaseClass: there is no ${playbookFile(data)} with release classes; run nx g nx-governance:init first`);
    return undefined;
  }
  const classId = requested ?? playbook.defaultReleaseClass;
  const known = playbook.releaseClasses.map((c) => c.id);
  if (!known.includes(classId)) {
    throw new Error(`--releaseClass: unknown release class "${classId}", expected one of the playbook's classes: ${known.join(', ')} (or ${NO_RELEASE_CLASS})`);
  }
  return classId;
}

/** Adds the gate to the class in playbook.json (as written, not as parsed) and says which gate run now requires it. */
export function addGateToReleaseClass(tree: Tree, data: GovernanceData, gateId: string, classId: string | undefined): void {
  const runner = `nx run ${data.settings.projectName}`;
  if (classId === undefined) {
    logger.warn(`${gateId} is required by no release class: ${runner}:gate does not run it. Add it to a class in ${playbookFile(data)}, a milestone or a task card's Required gates.`);
    return;
  }
  const file = playbookFile(data);
  const raw = JSON.parse(tree.read(file, 'utf8')!);
  const releaseClass = raw.releaseClasses.find((c: { id: string }) => c.id === classId);
  if (!releaseClass.gates.includes(gateId)) releaseClass.gates.push(gateId);
  writeDataJson(tree, file, raw);
  const isDefault = raw.defaultReleaseClass === classId;
  logger.info(
    `${gateId} is required by release class ${classId} (${file}), ${isDefault ? `the class ${runner}:gate runs` : `run it with ${runner}:gate-${classId}`}.`,
  );
}

const playbookFile = (data: GovernanceData) => data.playbook?.file ?? data.settingsFile.replace(/governance\.json$/, 'playbook.json');
