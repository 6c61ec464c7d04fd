import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

type PluginInput = string | { externalDependencies: string[] } | { runtime: string };

/**
 * Inputs that make cached results depend on the plugin's own version. Installed
 * from npm and declared in the root package.json, that is the external
 * dependency; installed by Nx itself (`nx init` in a repository without
 * package.json keeps plugins in .nx/installation, outside the graph), its
 * version as Node resolves it; developed inside the workspace (as here), the
 * plugin's sources.
 */
export function pluginInputs(workspaceRoot: string): PluginInput[] {
  const packageRoot = realpathSync(resolve(__dirname, '..', '..'));
  const fromRoot = relative(realpathSync(workspaceRoot), packageRoot);
  const insideWorkspace = !fromRoot.startsWith('..') && !fromRoot.split(sep).includes('node_modules');
  if (insideWorkspace) {
    const dir = fromRoot.split(sep).join('/');
    return [`{workspaceRoot}/${dir}/src/**/*.ts`, `!{workspaceRoot}/${dir}/src/**/*.spec.ts`, `{workspaceRoot}/${dir}/package.json`];
  }
  if (declaresPlugin(workspaceRoot)) return [{ externalDependencies: ['nx-governance'] }];
  const version = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')).version as string;
  // Nx runs a runtime input once per command, however many tasks share it.
  return [{ runtime: `node -e "process.stdout.write('nx-governance@${version}')"` }];
}

function declaresPlugin(workspaceRoot: string): boolean {
  const manifest = join(workspaceRoot, 'package.json');
  if (!existsSync(manifest)) return false;
  const { dependencies = {}, devDependencies = {} } = JSON.parse(readFileSync(manifest, 'utf8'));
  return 'nx-governance' in dependencies || 'nx-governance' in devDependencies;
}
