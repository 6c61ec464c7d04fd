export * from './common';
export * from './governance';
export * from './gates';
export * from './compatibility';
export * from './playbook';
export * from './cadence';
