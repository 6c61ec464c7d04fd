import { join, relative, sep } from 'node:path';
import { gatesFolder } from './evidence-layout';
import fg from 'fast-glob';
import { commitExists } from '../git/git';
import type { GovernanceSettings } from '../schemas/governance';
import { diskFileReader } from '../workspace/file-reader';
import { checkChains } from './check-chains';
import { checkMarkdownViews } from './check-markdown-views';
import { checkTrackedEvidence } from './check-tracked-evidence';
import { changedImportedEvidence } from './imported-evidence-index';
import { type ParsedEvidence, readEvidence } from './read-evidence';
import type { EvidenceProblem, Report, VerifyOptions, VerifyReport } from './verify-types';

export type { EvidenceProblem, EvidenceProblemKind, Report, VerifyOptions, VerifyReport } from './verify-types';

export const UNSIGNED_NOTICE =
  'Records are unsigned: governance/keys/ holds no public key and requireSignatures is off. ' +
  'The sha256 digests and chain links show that each record is internally consistent and that none was lost or reordered by accident; ' +
  'they do not show who made a record: anyone who can write to the repository can forge one and recompute its digest. ' +
  'To sign, commit an Ed25519 public key in governance/keys/ and give gate runs the private key (GOVERNANCE_SIGNING_KEY).';

/**
 * Checks every file under the evidence folder through the one evidence reader
 * (schema per kind, digest, signature policy), then what no single file can
 * show: each markdown file is the rendering of its sealed JSON, each chain is
 * whole and `latest` is its head, nothing git knows of is missing, nothing is
 * a symlink, every commit exists and latest evidence is current.
 */
export function verifyEvidence(root: string, settings: GovernanceSettings, options: VerifyOptions): VerifyReport {
  const problems: EvidenceProblem[] = [];
  const notices = options.policy.required ? [] : [UNSIGNED_NOTICE];
  const report: Report = (file, kind, message) => problems.push({ file, kind, message });
  const evidenceRoot = join(root, settings.paths.evidence);
  const entries = fg.sync('**', { cwd: evidenceRoot, dot: false, onlyFiles: false, followSymbolicLinks: false, objectMode: true });
  const workspacePath = (name: string) => relative(root, join(evidenceRoot, name)).split(sep).join('/');
  for (const entry of entries) if (entry.dirent.isSymbolicLink()) report(workspacePath(entry.path), 'symlink', 'found a symlink, expected a real file or folder (a link can point evidence anywhere)');
  const importedFiles = new Set(options.imported?.entries.map((e) => e.file) ?? []);
  const files = entries.filter((e) => e.dirent.isFile()).map((e) => workspacePath(e.path)).filter((f) => !importedFiles.has(f)).sort();

  const reader = diskFileReader(root);
  const intact: ParsedEvidence[] = [];
  for (const file of files.filter((f) => f.endsWith('.json'))) {
    const trusted = readEvidence(reader, file, options.policy);
    if (!trusted.ok) report(file, trusted.problem, trusted.message);
    // A record whose only fault is its signature is still whole: the chain and markdown checks go on with it, so one fault is named once.
    const read = trusted.ok || (trusted.problem !== 'unsigned' && trusted.problem !== 'bad-signature') ? trusted : readEvidence(reader, file, { ...options.policy, ignoreSignatures: true });
    if (!read.ok) continue;
    intact.push(read);
    if (read.kind === 'nx-governance/gate-evidence' || read.kind === 'nx-governance/task-evidence') {
      const commit = read.value.record.git.commit;
      if (commit && !commitExists(root, commit)) report(file, 'unknown-commit', `commit ${commit} is not in this repository's history`);
    }
  }
  checkMarkdownViews(reader, files, intact, report);
  const gatesPrefix = `${gatesFolder(settings)}/`;
  const chainFiles = files.filter((f) => f.startsWith(gatesPrefix) && /^[^/]+\/(latest|records\/(\d{6}-[^/]*|anchor-\d{6}))\.json$/.test(f.slice(gatesPrefix.length)));
  notices.push(...checkChains(root, settings, intact, options, report, chainFiles));
  checkTrackedEvidence(root, settings, files, report);
  if (options.imported?.entries.length) {
    notices.push(
      `${options.imported.entries.length} imported evidence file(s), from before the plugin, are listed separately: unsealed and unsigned, they show only what their text says; each is checked against the digest recorded at import.`,
    );
    for (const { file, why } of changedImportedEvidence(reader, options.imported)) report(file, 'imported-changed', why);
  }
  return { checked: files.length, problems, notices };
}
