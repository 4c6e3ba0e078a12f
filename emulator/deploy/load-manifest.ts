import * as fs from 'fs';
import * as path from 'path';
import Ajv, { ErrorObject } from 'ajv';
import type { GluekitManifest } from '../../lib/manifest/manifest';
import { MANIFEST_SCHEMA } from '../../lib/manifest/schema';

let validator: ReturnType<Ajv['compile']> | undefined;

function validate(): ReturnType<Ajv['compile']> {
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(MANIFEST_SCHEMA);
  return validator;
}

/** The most telling schema error: the deepest path, preferring a type error over the anyOf that wraps it. */
function describe(errors: ErrorObject[]): string {
  const ranked = [...errors]
    .filter((e) => e.keyword !== 'if')
    .sort((a, b) => b.instancePath.split('/').length - a.instancePath.split('/').length || (a.keyword === 'anyOf' ? 1 : 0) - (b.keyword === 'anyOf' ? 1 : 0));
  const top = ranked[0] ?? errors[0];
  const at = top.instancePath || '/';
  if (top.keyword === 'anyOf') return `at ${at}: must be a string or a CloudFormation intrinsic`;
  if (top.keyword === 'additionalProperties') return `at ${at}: unknown field '${String(top.params.additionalProperty)}'`;
  if (top.keyword === 'required') return `at ${at}: missing required field '${String(top.params.missingProperty)}'`;
  if (top.keyword === 'enum') return `at ${at}: ${top.message} (${(top.params.allowedValues as unknown[]).join(', ')})`;
  // A wrong type under an anyOf(string | intrinsic) shows as 'must be object' of the intrinsic branch: say both.
  const sibling = errors.find((e) => e.instancePath === top.instancePath && e.keyword === 'anyOf');
  if (sibling) return `at ${at}: must be a string or a CloudFormation intrinsic`;
  return `at ${at}: ${top.message}`;
}

/** Checks a parsed manifest against the schema; throws naming the file and the path of the first wrong field. */
export function validateManifest(manifest: unknown, file: string): GluekitManifest {
  const check = validate();
  if (!check(manifest)) throw new Error(`invalid gluekit manifest ${file} ${describe(check.errors ?? [])}`);
  return manifest as GluekitManifest;
}

/** Reads and validates a manifest file. */
export function loadManifest(file: string): GluekitManifest {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`cannot read gluekit manifest ${file}: ${(e as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new Error(`gluekit manifest ${file} is not valid JSON: ${(e as Error).message}`);
  }
  return validateManifest(parsed, file);
}

/** Every `*.gluekit.json` manifest in a cloud assembly folder, sorted. */
export function findManifests(assemblyDir: string): string[] {
  if (!fs.existsSync(assemblyDir)) return [];
  return fs
    .readdirSync(assemblyDir)
    .filter((f) => f.endsWith('.gluekit.json'))
    .sort()
    .map((f) => path.join(assemblyDir, f));
}
