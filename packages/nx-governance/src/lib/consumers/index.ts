export * from './languages';
export * from './read-manifest-field';
export * from './resolve-consumers';
export * from './resolve-core';
export * from './core-reach';
