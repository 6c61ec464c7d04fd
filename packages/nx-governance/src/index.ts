export { createNodes, type GovernancePluginOptions } from './plugins/plugin';
export * from './core';
