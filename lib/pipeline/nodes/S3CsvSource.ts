import type { S3CsvSource } from '@aws-sdk/client-glue';
import { CSV_QUOTE_CHAR_NAMES, CSV_QUOTE_CHARS, CSV_SEPARATOR_NAMES, CSV_SEPARATORS } from '../csv-format';
import type { NodeDefinition } from '../node-definition';
import { pyBool, pyString } from '../python-literal';
import { emitS3Connection, emitS3Read, TEXT_COMPRESSION_TYPES, validateS3Connection } from './s3-source-connection';

/** `create_dynamic_frame.from_options(connection_type="s3", format="csv")`. */
export const S3CsvSourceNode: NodeDefinition<S3CsvSource> = {
  role: 'source',
  validate(p, check) {
    validateS3Connection(p, check);
    check.oneOf('Separator', p.Separator, CSV_SEPARATOR_NAMES);
    check.oneOf('QuoteChar', p.QuoteChar, CSV_QUOTE_CHAR_NAMES);
    if (p.CompressionType !== undefined) check.oneOf('CompressionType', p.CompressionType, TEXT_COMPRESSION_TYPES);
    if (p.Escaper !== undefined && (typeof p.Escaper !== 'string' || [...p.Escaper].length !== 1)) check.fail('Escaper must be one character');
    check.boolean('WithHeader', p.WithHeader);
    check.boolean('Multiline', p.Multiline);
    check.boolean('SkipFirst', p.SkipFirst);
    check.boolean('WriteHeader', p.WriteHeader);
    check.boolean('OptimizePerformance', p.OptimizePerformance);
  },
  emit(p, script) {
    const quote = CSV_QUOTE_CHARS[p.QuoteChar as keyof typeof CSV_QUOTE_CHARS];
    const options: [string, string][] = [
      ['withHeader', pyBool(p.WithHeader === true)],
      ['separator', pyString(CSV_SEPARATORS[p.Separator as keyof typeof CSV_SEPARATORS])],
      ['quoteChar', typeof quote === 'number' ? String(quote) : pyString(quote)],
    ];
    if (p.Escaper) options.push(['escaper', script.str(p.Escaper)]);
    if (p.Multiline !== undefined) options.push(['multiLine', pyBool(p.Multiline)]);
    if (p.SkipFirst !== undefined) options.push(['skipFirst', pyBool(p.SkipFirst)]);
    // Glue's vectorized CSV reader: printed so AWS uses it; the emulator reads the same rows (Unconfirmed).
    if (p.OptimizePerformance === true) options.push(['optimizePerformance', pyBool(true)]);
    return emitS3Read(emitS3Connection(p, script, true), 'csv', options, script);
  },
};
