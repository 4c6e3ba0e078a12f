export * from './graph';
export * from './expressions';
export * from './pipeline';
