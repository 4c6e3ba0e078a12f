export * from './targets';
export * from './crawler';
