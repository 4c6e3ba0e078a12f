/** Glue Studio's CSV enums and the characters awsglue's csv format options take for them (GLUE-REFERENCE section 3). */

/** Studio's `Separator` values and the characters they stand for. */
export const CSV_SEPARATORS = { comma: ',', tab: '\t', pipe: '|', semicolon: ';', ctrla: '\u0001' } as const;
export type CsvSeparator = keyof typeof CSV_SEPARATORS;

/** Studio's `QuoteChar` values as awsglue's `quoteChar` option: a character, or `-1` that turns quoting off. */
export const CSV_QUOTE_CHARS = { quote: '"', single_quote: "'", quillemet: '\u00ab', disabled: -1 } as const;
export type CsvQuoteChar = keyof typeof CSV_QUOTE_CHARS;

export const CSV_SEPARATOR_NAMES = Object.keys(CSV_SEPARATORS) as CsvSeparator[];
export const CSV_QUOTE_CHAR_NAMES = Object.keys(CSV_QUOTE_CHARS) as CsvQuoteChar[];
