export * from './diagnostics';
export * from './json/json-schemas';
export * from './milestone';
export * from './schemas';
export { parseDataFile } from './schemas/parse-data-file';
export * from './validation';
export * from './workspace/file-reader';
export * from './workspace/load-governance';
export * from './consumers';
