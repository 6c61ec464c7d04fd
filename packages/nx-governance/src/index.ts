export { createNodes, postTasksExecution, preTasksExecution, type GovernancePluginOptions } from './plugins/plugin';
export * from './lib';
