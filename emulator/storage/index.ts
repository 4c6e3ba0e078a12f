export * from './object-store';
export * from './local-folder-store';
export * from './s3-uri';
export * from './local-copy';
export * from './exclusion-glob';
export * from './hidden-key';
