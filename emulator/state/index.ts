export * from './state-store';
export * from './migrations';
export * from './owner-lock';
