import { type Diagnostic, error } from '../diagnostics';
import { formatJsonPath } from '../json/json-source';
import type { GovernanceData } from './governance-data';
import { locate } from './locate';

/**
 * A gate id of another form than `ids.gate` breaks the gates as a schema error
 * would: references to gates are then not judged, so a misspelt id is reported
 * once, not once per reference.
 */
export function checkGateIds(data: GovernanceData, diagnostics: Diagnostic[]): void {
  const gates = data.gates;
  gates?.data.gates.forEach((gate, index) => {
    const problem = data.ids.problem('gate', gate.id);
    if (!problem) return;
    const at = locate(gates, ['gates', index, 'id']);
    diagnostics.push(error(at.file, problem, { line: at.line, path: formatJsonPath([...at.path]) }));
    data.unreadable.add('gates');
  });
}
