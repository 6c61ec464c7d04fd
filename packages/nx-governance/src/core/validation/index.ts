export * from './validate-governance';
