import fg from 'fast-glob';
import { runGit } from '../git/git';
import type { GovernanceSettings } from '../schemas/governance';
import type { FileReader } from '../workspace/file-reader';

/** What a prune must leave: records committed evidence names, files it cites, files git tracks. */
export interface PrunePins {
  /** Digests of the records task copies are copies of. */
  copiedDigests: Set<string>;
  /** Workspace-relative files that release packets and rollback decisions cite. */
  cited: Set<string>;
  /** Workspace-relative evidence files git tracks (committed or staged). */
  tracked: Set<string>;
}

export type PinsResult = { ok: true; pins: PrunePins } | { ok: false; problems: string[] };

type Cited = { evidence?: unknown };

function citedFiles(items: unknown): string[] {
  return Array.isArray(items) ? items.flatMap((item: Cited) => (Array.isArray(item?.evidence) ? item.evidence.filter((f): f is string => typeof f === 'string') : [])) : [];
}

/**
 * Reads what pins evidence, from the committed side of the policy (every JSON
 * outside the gate and compat histories) and from git. Nothing here is
 * trusted, only collected: pinning too much keeps a file, too little loses
 * one, so a file that is not JSON, or git that cannot answer, stops the prune.
 */
export function readPrunePins(root: string, settings: GovernanceSettings, reader: FileReader): PinsResult {
  const evidence = settings.paths.evidence;
  const listed = runGit(root, ['ls-files', '-z', '--', evidence]);
  if (!listed.ok) return { ok: false, problems: [`${evidence}: ${listed.reason}: found no answer from git, expected the list of evidence it tracks (tracked evidence is never pruned); nothing was deleted`] };
  const pins: PrunePins = { copiedDigests: new Set(), cited: new Set(), tracked: new Set(listed.stdout.split('\0').filter(Boolean)) };
  const problems: string[] = [];
  const committedSide = fg.sync('**/*.json', { cwd: `${root}/${evidence}`, ignore: ['gates/**', 'compat/**'], onlyFiles: true, followSymbolicLinks: false }).sort();
  for (const name of committedSide) {
    const file = `${evidence}/${name}`;
    let content: { kind?: unknown; digest?: unknown; items?: unknown; advisoryFindings?: unknown; triggers?: unknown };
    try {
      content = JSON.parse(reader.read(file) ?? 'null') ?? {};
    } catch (error) {
      problems.push(`${file}: found text that is not JSON (${(error as Error).message}), expected evidence (a task copy there could name a record); nothing was deleted`);
      continue;
    }
    if (content.kind === 'nx-governance/task-evidence' && typeof content.digest === 'string') pins.copiedDigests.add(content.digest);
    for (const cited of [...citedFiles(content.items), ...citedFiles(content.advisoryFindings), ...citedFiles(content.triggers)]) pins.cited.add(cited);
  }
  return problems.length ? { ok: false, problems } : { ok: true, pins };
}

/** Why a history file must stay, or undefined when it may go. */
export function pinOf(pins: PrunePins, files: string[], digest: string | undefined, latestDigest: string | undefined): string | undefined {
  if (digest && digest === latestDigest) return 'latest.json is a copy of it';
  if (digest && pins.copiedDigests.has(digest)) return 'task evidence is a copy of it';
  const cited = files.find((f) => pins.cited.has(f));
  if (cited) return `a release packet or rollback decision cites ${cited}`;
  const tracked = files.find((f) => pins.tracked.has(f));
  if (tracked) return `git tracks ${tracked} (the evidence policy keeps history local: git rm --cached it to let prune remove it)`;
  return undefined;
}
