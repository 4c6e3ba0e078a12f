export * from './graph';
export * from './expressions';
export * from './pipeline';
export * from './graph-block';
export * from './pyspark';
