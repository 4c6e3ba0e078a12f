export * from './local-glue';
