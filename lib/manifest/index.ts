export * from './manifest';
export * from './schema';
export * from './manifest-writer';
