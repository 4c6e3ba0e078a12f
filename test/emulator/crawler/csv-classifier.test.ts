import { classifyCsv, headerColumnNames, renderType, TextSample } from '../../../emulator/crawler';

function sample(text: string, totalBytes = Buffer.byteLength(text)): TextSample {
  const bytes = Buffer.from(text);
  return { bytes, totalBytes, truncated: totalBytes > bytes.length };
}

function columns(text: string): string[] | undefined {
  return classifyCsv(sample(text))?.columns.map((c) => `${c.name}:${renderType(c.type)}`);
}

describe('built-in CSV classifier', () => {
  test('tries the delimiters , | \\t ; \\u0001 and takes the first that splits every record alike', () => {
    expect(classifyCsv(sample('a|b\n1|2\n3|4\n'))?.csv?.delimiter).toBe('|');
    expect(classifyCsv(sample('a\tb\n1\t2\n3\t4\n'))?.csv?.delimiter).toBe('\t');
    expect(classifyCsv(sample('a;b\n1;2,5\n3;4\n'))?.csv?.delimiter).toBe(';');
    expect(classifyCsv(sample('a\u0001b\n1\u00012\n3\u00014\n'))?.csv?.delimiter).toBe('\u0001');
    // Commas split the rows unevenly, pipes evenly.
    expect(classifyCsv(sample('a|b\nx,y|2\nz|3\n'))?.csv?.delimiter).toBe('|');
  });

  test('needs at least 2 columns and 2 data rows', () => {
    expect(classifyCsv(sample('just text\nmore text\nand more\n'))).toBeUndefined();
    expect(classifyCsv(sample('id,amount\n1,2.5\n'))).toBeUndefined();
    expect(classifyCsv(sample('1,2.5\n2,3\n'))?.columns).toHaveLength(2);
    expect(classifyCsv(sample('a,b\n1,2\n3\n'))).toBeUndefined();
  });

  test('header rule: all cells strings, valid names, under 150 characters but the last, and a non-string data column', () => {
    expect(columns(' Provider Id , Total Discharges \n1,2\n3,4\n')).toEqual(['provider id:bigint', 'total discharges:bigint']);
    // A numeric cell in the first row: no header.
    expect(columns('id,2020\n1,2\n3,4\n')).toEqual(['col0:string', 'col1:bigint']);
    // An empty header cell is not a valid column name.
    expect(columns('id,\n1,2\n3,4\n')).toEqual(['col0:string', 'col1:bigint']);
    // Every data column a string: no header.
    expect(columns('name,city\nann,paris\nbob,rome\n')).toEqual(['col0:string', 'col1:string']);
    const long = 'x'.repeat(150);
    expect(columns(`${long},b\n1,2\n3,4\n`)).toEqual(['col0:string', 'col1:string']);
    expect(columns(`a,${long}\n1,2\n3,4\n`)).toEqual(['a:bigint', `${long}:bigint`]);
    expect(columns(`${'x'.repeat(149)},b\n1,2\n3,4\n`)?.[0]).toBe(`${'x'.repeat(149)}:bigint`);
  });

  test('types: bigint, double, boolean, string; empty values ignored; an empty column is string', () => {
    expect(columns('a,b,c,d,e,f\n1,1.5,true,x,,9223372036854775807\n-2,2,FALSE,3,,9223372036854775808\n,1e3,,y,,1\n')).toEqual([
      'a:bigint',
      'b:double',
      'c:boolean',
      'd:string',
      'e:string',
      'f:double',
    ]);
  });

  test('areColumnsQuoted: whether any value was quoted', () => {
    expect(classifyCsv(sample('a,b\n1,2\n3,4\n'))?.csv?.quoted).toBe(false);
    expect(classifyCsv(sample('a,b\n1,"x, y"\n3,4\n'))?.csv).toEqual({ delimiter: ',', header: true, quoted: true });
  });

  test('duplicate header names are suffixed', () => {
    expect(headerColumnNames(['A', 'a', 'b', 'A '])).toEqual(['a', 'a_1', 'b', 'a_2']);
  });

  test('record count: exact for a whole file, scaled from the sample otherwise', () => {
    const header = 'id,name\n';
    const row = (i: number): string => `${String(i).padStart(6, '0')},abcdefghij\n`; // 18 bytes
    let body = '';
    for (let i = 0; i < 3000; i++) body += row(i);
    const whole = classifyCsv(sample(header + body))!;
    // 3000 records: more than the 1,000 sampled, so scaled; fixed-width rows make the estimate exact.
    expect(whole.recordCount).toBe(3000);
    expect(whole.recordBytes).toBe(3000 * 18);
    const small = classifyCsv(sample(header + body.slice(0, 18 * 10)))!;
    expect(small.recordCount).toBe(10);
    // A truncated 1 MB-style sample cut mid-line: the partial line is dropped, the count scaled to the total size.
    const cut = sample((header + body).slice(0, 8 + 18 * 100 + 7), 8 + 18 * 3000);
    expect(classifyCsv(cut)?.recordCount).toBe(3000);
  });

  test('a sample cut inside a quoted value keeps the records before it', () => {
    const text = 'a,b\n1,"x"\n2,"y"\n3,"z\nstill z';
    const result = classifyCsv(sample(text, text.length + 100));
    expect(result?.columns.map((c) => c.name)).toEqual(['a', 'b']);
  });
});
