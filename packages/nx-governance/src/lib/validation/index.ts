export * from './validate-governance';
export * from './validation-run';
