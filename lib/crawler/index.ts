export type { S3Target } from './targets';
export * from './crawler';
