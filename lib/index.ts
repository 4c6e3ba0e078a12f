export * from './crawler';
export * from './pipeline';
export * from './pipeline/pipeline-job';
export * from './manifest';
