export * from './common';
export * from './auth';
export * from './agent';
export * from './edits';
export * from './diff';
export * from './publish';
export * from './catalog';
export * from './reads';
