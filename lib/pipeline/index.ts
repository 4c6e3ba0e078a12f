export * from './filter-expression';
export * from './pipeline';
export * from './pipeline-job';
