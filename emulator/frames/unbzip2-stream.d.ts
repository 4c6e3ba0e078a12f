/** `unbzip2-stream` ships no types: a transform stream from bzip2 bytes to the bytes they hold. */
declare module 'unbzip2-stream' {
  import type { Duplex } from 'stream';
  function unbzip2Stream(): Duplex;
  export = unbzip2Stream;
}
