import { posix } from 'node:path';
import { formatDiagnostic } from '../diagnostics';
import { isGeneratedDocument } from '../docs/generated-marker';
import { type RenderedDocument, renderedDocuments } from '../docs/rendered-documents';
import { validateGovernance } from '../validation/validate-governance';
import type { FileReader } from '../workspace/file-reader';
import type { GovernanceData } from '../workspace/load-governance';

/** A reader that sees `pending` writes over `base`, so data can be validated before anything is written. */
export function overlayReader(base: FileReader, pending: ReadonlyMap<string, string>): FileReader {
  return {
    read: (path) => pending.get(path) ?? base.read(path),
    list: (dir, extension) =>
      [...new Set([...base.list(dir, extension), ...[...pending.keys()].filter((p) => posix.dirname(p) === dir && p.endsWith(extension))])].sort(),
    findByName: (name) => [...new Set([...base.findByName(name), ...[...pending.keys()].filter((p) => posix.basename(p) === name)])].sort(),
  };
}

export type StagedGovernance = { ok: true; rendered: RenderedDocument[] } | { ok: false; problems: string[] };

/**
 * Validates the governance as it would be with `pending` written, and renders
 * the documents `nx sync` would, so that `nx sync:check` is green straight
 * after. A document that would replace a hand-written file is a problem, not a write.
 */
export function stageGovernance(base: FileReader, pending: ReadonlyMap<string, string>, settingsFile: string): StagedGovernance {
  const reader = overlayReader(base, pending);
  const result = validateGovernance(reader, settingsFile);
  if (result.errors.length) return { ok: false, problems: result.errors.map(formatDiagnostic) };
  return renderStaged(base, reader, result.data);
}

/** The problems the governance would have with `pending` written; empty when it stays valid. */
export function stagedProblems(base: FileReader, pending: ReadonlyMap<string, string>, settingsFile: string): string[] {
  return validateGovernance(overlayReader(base, pending), settingsFile).errors.map(formatDiagnostic);
}

function renderStaged(base: FileReader, reader: FileReader, data: GovernanceData): StagedGovernance {
  const rendered = renderedDocuments(reader, data).filter((doc) => reader.read(doc.path) !== doc.content);
  const handWritten = rendered.filter((doc) => {
    const current = base.read(doc.path);
    return current !== undefined && !isGeneratedDocument(doc.path, current);
  });
  if (handWritten.length) {
    return { ok: false, problems: handWritten.map((doc) => `${doc.path}: found a hand-written document (no generated-file marker), expected to render into a folder of its own`) };
  }
  return { ok: true, rendered };
}
