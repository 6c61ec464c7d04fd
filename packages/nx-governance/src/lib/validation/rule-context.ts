import { knownList } from '../text/known-list';
import { type Diagnostic, error, warning } from '../diagnostics';
import { formatJsonPath } from '../json/json-source';
import type { FileReader } from '../workspace/file-reader';
import type { GovernanceData, LoadedFile } from '../workspace/load-governance';
import { locate } from '../workspace/locate';

export interface ValidationOptions {
  /** Nx projects by name with their target names; when absent, project references are not checked. */
  projects?: ReadonlyMap<string, readonly string[]>;
  /** Report unknown task-card fields and lines that belong to no field. */
  strict?: boolean;
}

/** What every rule gets: the data, the options, and a way to report at a JSON path. */
export class RuleContext {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    readonly data: GovernanceData,
    readonly options: ValidationOptions,
    /** The workspace the data describes, for rules about the folders it names. */
    readonly reader: FileReader,
  ) {}

  errorAt(loaded: LoadedFile<unknown>, path: (string | number)[], message: string): void {
    const at = locate(loaded, path);
    this.diagnostics.push(error(at.file, message, { line: at.line, path: formatJsonPath([...at.path]) }));
  }

  warningAt(loaded: LoadedFile<unknown>, path: (string | number)[], message: string): void {
    const at = locate(loaded, path);
    this.diagnostics.push(warning(at.file, message, { line: at.line, path: formatJsonPath([...at.path]) }));
  }

  /** Why a gate reference is wrong, or undefined when the gate exists or gates.json is too broken to tell. */
  unknownGate(id: string): string | undefined {
    const ids = this.gateIds();
    if (!ids || ids.has(id)) return undefined;
    return `unknown gate ${id}, expected a gate defined in ${this.data.gates?.file ?? 'gates.json'}: ${knownList(ids, id)}`;
  }

  /** Why a role reference is wrong, or undefined when the role exists or there is no playbook to tell. */
  unknownRole(id: string | undefined): string | undefined {
    const ids = this.roleIds();
    if (id === undefined || !ids || ids.has(id)) return undefined;
    return `unknown role "${id}", expected one of the playbook roles: ${knownList(ids, id)}`;
  }

  /** Reports `problem` at `path` when there is one. */
  errorIf(loaded: LoadedFile<unknown>, path: (string | number)[], problem: string | undefined): void {
    if (problem) this.errorAt(loaded, path, problem);
  }

  push(diagnostic: Diagnostic): void {
    this.diagnostics.push(diagnostic);
  }

  /** Known gate ids; undefined when gates.json exists but is broken, so references cannot be judged. */
  gateIds(): Set<string> | undefined {
    if (this.data.unreadable.has('gates')) return undefined;
    // Built once: every reference to a gate asks, and a set per question made validation quadratic in the gates.
    this.knownGateIds ??= new Set(this.data.gates?.data.gates.map((g) => g.id) ?? []);
    return this.knownGateIds;
  }

  private knownGateIds?: Set<string>;

  /** Known role ids; undefined when there is no readable playbook to check against. */
  roleIds(): Set<string> | undefined {
    return this.data.playbook ? new Set(this.data.playbook.data.roles.map((r) => r.id)) : undefined;
  }
}

/** Calls `report` for every entry after the first with the same key. */
export function forEachDuplicate<T>(items: readonly T[], keyOf: (item: T) => string, report: (item: T, index: number, firstIndex: number) => void): void {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else report(item, index, first);
  });
}
