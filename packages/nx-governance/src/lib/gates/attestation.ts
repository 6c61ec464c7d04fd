import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fg from 'fast-glob';
import { insideWorkspaceOrThrow } from '../fs/inside-workspace';
import { writeFileAtomically } from '../fs/write-file-atomically';
import type { Attestation } from '../evidence/evidence-schemas';
import { attestationsFolder, timestampFileName } from '../evidence/evidence-layout';
import { DIGEST_ONLY, readEvidenceOfKind } from '../evidence/read-evidence';
import { canonicalJson, sealRecord, sha256, type Sealed } from '../evidence/seal-record';
import { diskFileReader } from '../workspace/file-reader';
import type { ManualGate } from '../schemas/gates';
import type { GovernanceSettings } from '../schemas/governance';

/** An attestation as its schema defines it; `fingerprint` hashes the gate's checklist and the files it covers. */
export type { Attestation } from '../evidence/evidence-schemas';

/** A hash of the gate's definition and of every file its `inputs` cover: an attestation holds while it is unchanged. */
export function manualGateFingerprint(root: string, gate: ManualGate): string {
  const files = gate.inputs?.length ? fg.sync(gate.inputs, { cwd: root, onlyFiles: true, dot: false }).sort() : [];
  const hashes = files.map((file) => [file, sha256(readFileSync(join(root, file)))]);
  return sha256(canonicalJson({ id: gate.id, checklist: gate.checklist, inputs: gate.inputs ?? [], files: hashes }));
}


export function writeAttestation(root: string, settings: GovernanceSettings, attestation: Attestation): string {
  const sealed = sealRecord(attestation);
  const name = `${timestampFileName(attestation.at)}-${attestation.task ?? 'any-task'}.json`;
  const relative = `${attestationsFolder(settings, attestation.gate)}/${name}`;
  writeFileAtomically(insideWorkspaceOrThrow(root, relative, settings.paths.evidence), `${JSON.stringify(sealed, null, 2)}\n`);
  return relative;
}

/** The newest intact attestation of the gate for this fingerprint (and task, when one is given). */
export function findCurrentAttestation(
  root: string,
  settings: GovernanceSettings,
  gate: string,
  fingerprint: string,
  task?: string,
): { attestation: Sealed<Attestation>; file: string } | undefined {
  const reader = diskFileReader(root);
  for (const file of reader.list(attestationsFolder(settings, gate), '.json').reverse()) {
    const read = readEvidenceOfKind(reader, file, DIGEST_ONLY, 'nx-governance/attestation');
    if (!read.ok || read.value.gate !== gate || read.value.fingerprint !== fingerprint) continue;
    if (task && read.value.task && read.value.task !== task) continue;
    return { attestation: read.value, file };
  }
  return undefined;
}
