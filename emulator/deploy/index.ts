export * from './intrinsics';
export * from './load-manifest';
export * from './deploy-manifest';
