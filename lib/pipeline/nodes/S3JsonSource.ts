import type { S3JsonSource } from '@aws-sdk/client-glue';
import { jsonPathProblem } from '../json-path';
import type { NodeDefinition } from '../node-definition';
import { pyBool } from '../python-literal';
import { emitS3Connection, emitS3Read, TEXT_COMPRESSION_TYPES, validateS3Connection } from './s3-source-connection';

/** `create_dynamic_frame.from_options(connection_type="s3", format="json")`. */
export const S3JsonSourceNode: NodeDefinition<S3JsonSource> = {
  role: 'source',
  validate(p, check) {
    validateS3Connection(p, check);
    if (p.CompressionType !== undefined) check.oneOf('CompressionType', p.CompressionType, TEXT_COMPRESSION_TYPES);
    const jsonPath = check.optionalString('JsonPath', p.JsonPath);
    const problem = jsonPath !== undefined && !check.deferred(jsonPath) ? jsonPathProblem(jsonPath) : undefined;
    if (problem) check.fail(`JsonPath: ${problem}`);
    check.boolean('Multiline', p.Multiline);
  },
  emit(p, script) {
    const options: [string, string][] = [];
    if (p.JsonPath) options.push(['jsonPath', script.str(p.JsonPath)]);
    if (p.Multiline !== undefined) options.push(['multiLine', pyBool(p.Multiline)]);
    return emitS3Read(emitS3Connection(p, script, true), 'json', options, script);
  },
};
