export * from './state-store';
export * from './migrations';
