export * from './object-store';
export * from './local-folder-store';
