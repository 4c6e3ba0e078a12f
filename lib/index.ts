/**
 * gluekit's construct library: what a CDK app imports beside `aws-cdk-lib/aws-glue`. The graph model, the script
 * generator and the manifest format are internals the emulator imports by path; they are not part of this surface.
 */
export * from './crawler';
export * from './pipeline';
export { ManifestWriter } from './manifest/manifest-writer';
