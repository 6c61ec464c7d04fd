import { posix } from 'node:path';
import { formatFiles, getProjects, logger, type Tree } from '@nx/devkit';
import { formatDiagnostic } from '../../lib/diagnostics';
import { handWrittenDocuments, SEPARATE_DOCS_FOLDER } from '../../lib/docs/generated-marker';
import { indexImportedEvidence } from '../../lib/evidence/imported-evidence';
import { placeConsumer } from '../../lib/import/consumer-projects';
import { coreNames } from '../../lib/import/find-core';
import { below, evidenceSource, isPluginEvidence, isPluginOutput, sourceFolder } from '../../lib/import/import-sources';
import { importProse } from '../../lib/import/import-prose';
import { taggedRelease } from '../../lib/import/release-tags';
import { createMarkdownParser } from '../../lib/markdown/parse-markdown';
import { sourceLinesOf } from '../../lib/import/problem-sources';
import { type ImportPlanLog, planImport } from '../../lib/import/plan-import';
import { stageGovernance } from '../../lib/import/staged-governance';
import { loadGovernance } from '../../lib/workspace/load-governance';
import { treeFileReader } from '../tree-file-reader';
import { proseCheckoutRoots, treeFiles, treeWorkspacePath } from './tree-paths';
import { normalizeOptions } from './normalize-options';
import type { ImportGeneratorSchema } from './schema';

/**
 * Imports a prose governance folder: the data files, the index of its
 * existing evidence and a report of what was converted, left for review or
 * not understood. Everything is validated before anything is written; the
 * hand-written documents are never touched.
 */
export default async function importGenerator(tree: Tree, raw: ImportGeneratorSchema): Promise<void> {
  const options = normalizeOptions(raw);
  const { settingsFile } = options;
  const { data, reader } = loadSettings(tree, settingsFile);
  const source = sourceFolder(options.source);
  const isFolder = (path: string) => tree.exists(path) && !tree.isFile(path);
  if (source !== '.' && !isFolder(source)) throw new Error(`${source} does not exist, expected a folder of prose governance documents (--source)`);
  const files = treeFiles(tree, source);
  const evidenceFolder = evidenceSource(source, data.settings, isFolder) ?? below(source, 'evidence');
  const inEvidence = (file: string) => file.startsWith(`${evidenceFolder}/`);
  const evidenceFiles = isFolder(evidenceFolder) ? treeFiles(tree, evidenceFolder).filter((f) => !isPluginEvidence(f, data.settings)) : [];
  const governanceFolder = posix.dirname(settingsFile);
  const reportFile = `${governanceFolder}/import-report.md`;
  const outsideEvidence = files.filter((f) => !inEvidence(f));
  // A set: with --source=. a repository's thousands of files were each looked up in the list of the plugin's outputs.
  const ownOutputs = new Set(outsideEvidence.filter((f) => isPluginOutput(f, source, governanceFolder, (path) => reader.read(path))));
  const prose = outsideEvidence.filter((f) => !ownOutputs.has(f));
  const roots = proseCheckoutRoots(tree, prose.filter((f) => f.endsWith('.md')).map((f) => reader.read(f) ?? ''));
  const imported = importProse(createMarkdownParser(), reader, source, prose, {
    coreNames: coreNames(reader, data.settings.core),
    ids: data.ids,
    reportFile,
    exclude: options.exclude,
    copyMilestones: options.copyMilestones,
    toWorkspace: (absolute) => treeWorkspacePath(tree, absolute, roots),
    exists: (path) => tree.exists(path),
  });
  imported.converted.push(...[...ownOutputs].map((file) => ({ file, line: 1, what: 'document', why: 'written by nx-governance (its data folder, or rendered with the generated marker): not prose, not read' })));
  if (imported.duplicateMilestones.length) {
    throw new Error(`Two files define the same milestone; nothing was written. Keep one, or leave the other out with --exclude=<glob>:\n${imported.duplicateMilestones.join('\n')}`);
  }
  const projects = new Map([...getProjects(tree)].map(([name, project]) => [name, project.root]));
  const evidence = indexImportedEvidence(reader, evidenceFolder, evidenceFiles, data.ids);
  const handWritten = handWrittenDocuments(reader, data.settings.paths.docs);
  const plan = planImport({
    settingsFile,
    settings: data.settings,
    source,
    imported,
    evidence: { index: evidence.index, skipped: evidence.skipped.map((s) => ({ file: s.file, line: 1, what: 'evidence file', why: s.why })) },
    copyMilestones: imported.copyMilestones,
    docsFolder: handWritten.length ? SEPARATE_DOCS_FOLDER : data.settings.paths.docs,
    force: options.force,
    read: (path) => reader.read(path),
    placeConsumer: (name) => placeConsumer(name, projects, reader),
    taggedRelease: (core) => taggedRelease(tree.root, core),
  });
  if (!plan.ok) throw new Error(plan.why);
  const pending = new Map([...plan.data, ...plan.copies]);
  const staged = stageGovernance(reader, pending, settingsFile);
  if (!staged.ok) {
    const problems = sourceLinesOf(staged.problems, imported, governanceFolder);
    throw new Error(`The imported governance does not validate; nothing was written. Fix the prose or the items below, then import again:\n${problems.join('\n')}`);
  }
  for (const [path, content] of plan.data) tree.write(path, content);
  if (!options.skipFormat) await formatFiles(tree);
  // Written after formatting: copies keep the originals' bytes, rendered documents the bytes nx sync:check expects.
  for (const [path, content] of plan.copies) tree.write(path, content);
  for (const doc of staged.rendered) tree.write(doc.path, doc.content);
  tree.write(plan.reportFile, plan.report);
  printSummary(imported, plan.log, evidence.index.entries.length, plan.reportFile);
}

/**
 * The settings the import reads (ids, core, paths); only their problems stop it. The data files it replaces may be
 * broken or of an old id form (init's seed gate after ids.gate changed): what it writes is validated as a whole before
 * anything is written, so a problem left in a file it keeps is still refused there, with its file and line.
 */
function loadSettings(tree: Tree, settingsFile: string) {
  const reader = treeFileReader(tree);
  const { data, diagnostics } = loadGovernance(reader, settingsFile);
  const errors = diagnostics.filter((d) => d.severity === 'error' && d.file === settingsFile);
  if (errors.length) throw new Error(`${settingsFile} has problems; fix them first (nx run governance:validate):\n${errors.slice(0, 10).map(formatDiagnostic).join('\n')}`);
  return { data, reader };
}

function printSummary(imported: ReturnType<typeof importProse>, log: ImportPlanLog, evidence: number, reportFile: string): void {
  const blocked = imported.gates.filter((g) => 'blocked' in g).map((g) => g.id);
  logger.info(`Imported ${imported.gates.length} gate(s) (${blocked.length} blocked until converted by hand${blocked.length ? `: ${blocked.join(', ')}` : ''}), ${imported.releaseClasses.length} release class(es), ${imported.milestones.length} milestone(s), ${evidence} evidence file(s).`);
  if (imported.milestoneIndexFiles.length) logger.info(`Not milestones (no milestone title): ${imported.milestoneIndexFiles.join(', ')}.`);
  logger.info(`Converted ${log.converted.length} item(s); ${log.review.length} left for review; ${log.notUnderstood.length} not understood. Each is listed with its file and line in ${reportFile}.`);
  for (const item of log.review) logger.warn(`  review: ${item.file}:${item.line}: ${item.what}: ${item.why}`);
  for (const item of log.notUnderstood) logger.warn(`  not understood: ${item.file}:${item.line}: ${item.what}: ${item.why}`);
  for (const d of imported.milestoneProblems) logger.warn(`  ${formatDiagnostic(d)}`);
}
