export * from './model';
export * from './parse-milestone';
export { parseStatus, splitGateIds } from './parse-task-card';
export * from './render-milestone';
