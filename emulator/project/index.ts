export * from './cdk-app';
export * from './local-project';
export * from './format';
export * from './commands';
