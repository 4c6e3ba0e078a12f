import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Readable } from 'stream';
import { LocalFolderStore } from '../../../emulator/storage/local-folder-store';
import { localFileAccess } from '../../../emulator/storage/object-store';

let root: string;
let store: LocalFolderStore;

beforeEach(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'gluekit-store-'));
  store = new LocalFolderStore(path.join(root, 's3'));
  await store.createBucket('b');
  fs.mkdirSync(path.join(root, 'secret'), { recursive: true });
  fs.writeFileSync(path.join(root, 'secret', 'x'), 'outside the store');
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

test('every entry point refuses a key or prefix that escapes its bucket, list included', async () => {
  const escape = "object prefix '../../x' escapes bucket 'b' (it starts with / or has a . or .. segment)";
  await expect(store.list('b', '../../x')).rejects.toThrow(escape);
  await expect(store.list('b', '../')).rejects.toThrow("object prefix '../' escapes bucket 'b'");
  await expect(store.list('b', 'a/../../secret/')).rejects.toThrow("object prefix 'a/../../secret/' escapes bucket 'b'");
  await expect(store.read('b', '../../secret/x')).rejects.toThrow("object key '../../secret/x' escapes bucket 'b'");
  await expect(store.readStream('b', '../../secret/x')).rejects.toThrow("object key '../../secret/x' escapes bucket 'b'");
  await expect(store.head('b', '/etc/passwd')).rejects.toThrow("object key '/etc/passwd' escapes bucket 'b'");
  await expect(store.write('b', 'a/./b', 'x')).rejects.toThrow("object key 'a/./b' escapes bucket 'b'");
  await expect(store.delete('b', '../../secret/x')).rejects.toThrow("object key '../../secret/x' escapes bucket 'b'");
  expect(() => store.localFile('b', '..')).toThrow("object key '..' escapes bucket 'b'");
  await expect(store.adoptFile('b', '../../secret/y', path.join(root, 'secret', 'x'))).rejects.toThrow("object key '../../secret/y' escapes bucket 'b'");
  await expect(store.list('..', '')).rejects.toThrow("'..' is not a bucket name");
  await expect(store.write('a/b', 'k', 'x')).rejects.toThrow("'a/b' is not a bucket name");
  await expect(store.read('b', 'k\0')).rejects.toThrow("object key 'k\\0' holds a NUL character");
  expect(fs.readFileSync(path.join(root, 'secret', 'x'), 'utf8')).toBe('outside the store');
});

test('speaks keys and streams: list, head, ranges, streams, whole writes and deletes', async () => {
  await store.write('b', 'raw/a.csv', 'id\n1\n');
  await store.write('b', 'raw/sub/b.csv', Readable.from(['id\n', '2\n']));
  await store.write('b', 'raw_old/c.csv', 'x');
  expect((await store.list('b', 'raw/')).map((o) => [o.key, o.size])).toEqual([
    ['raw/a.csv', 5],
    ['raw/sub/b.csv', 5],
  ]);
  expect((await store.list('b', 'raw')).map((o) => o.key)).toEqual(['raw/a.csv', 'raw/sub/b.csv', 'raw_old/c.csv']);
  expect(await store.list('nobucket', '')).toEqual([]);
  expect((await store.head('b', 'raw/a.csv'))?.size).toBe(5);
  expect(await store.head('b', 'raw/none.csv')).toBeUndefined();
  expect((await store.read('b', 'raw/a.csv', { offset: 1, length: 2 })).toString()).toBe('d\n');
  expect((await store.read('b', 'raw/a.csv', { suffix: 2 })).toString()).toBe('1\n');
  const chunks: Buffer[] = [];
  for await (const chunk of await store.readStream('b', 'raw/sub/b.csv')) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).toString()).toBe('id\n2\n');
  await store.delete('b', 'raw/a.csv');
  await store.delete('b', 'raw/a.csv');
  expect((await store.list('b', 'raw/')).map((o) => o.key)).toEqual(['raw/sub/b.csv']);
});

test('a write is whole: its temporary file is hidden from listings and gone afterwards', async () => {
  const file = path.join(root, 's3', 'b', 'k', `.x.gluekit-tmp-1-abcd`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, 'half');
  expect(await store.list('b', 'k/')).toEqual([]);
  await store.write('b', 'k/x', 'whole');
  expect((await store.list('b', 'k/')).map((o) => o.key)).toEqual(['k/x']);
});

test('the folder backend offers local files to engines; the interface itself has no paths', () => {
  expect(localFileAccess(store)?.localFile('b', 'k/x')).toBe(path.join(root, 's3', 'b', 'k', 'x'));
  const keysOnly = { createBucket: store.createBucket, list: store.list, head: store.head, read: store.read, readStream: store.readStream, write: store.write, delete: store.delete };
  expect(localFileAccess(keysOnly)).toBeUndefined();
});

test('a symbolic link inside a bucket cannot lead a key outside it; a key merely starting with .. is fine', async () => {
  fs.symlinkSync(path.join(root, 'secret'), path.join(root, 's3', 'b', 'link'));
  await expect(store.read('b', 'link/x')).rejects.toThrow("object key 'link/x' escapes bucket 'b'");
  await expect(store.write('b', 'link/y', 'x')).rejects.toThrow("object key 'link/y' escapes bucket 'b'");
  expect(fs.existsSync(path.join(root, 'secret', 'y'))).toBe(false);
  expect((await store.list('b', '')).map((o) => o.key)).toEqual([]);
  await store.write('b', '..data/a', 'ok');
  expect((await store.read('b', '..data/a')).toString()).toBe('ok');
});
