/**
 * The layering rules of ../shared/DESIGN.md ("Layout"), checked by `npm test` (`npm run deps`):
 * no folder imports one above it, nothing imports in a cycle, lib/ never imports emulator/, bin/ only the CLI's
 * command logic, and emulator/ only lib/pipeline and lib/manifest of the construct library. Type-only imports count.
 */
const EMULATOR_LAYERS = {
  project: ['emulator/api', 'emulator/deploy', 'lib/manifest'],
  testing: ['emulator/api', 'emulator/deploy', 'lib/manifest'],
  server: ['emulator/api'],
  deploy: ['emulator/api', 'lib/manifest', 'lib/pipeline'],
  api: ['emulator/model', 'emulator/exec'],
  exec: ['emulator/model', 'emulator/frames', 'emulator/crawler', 'emulator/storage', 'lib/pipeline'],
  frames: ['emulator/storage', 'lib/pipeline'],
  crawler: ['emulator/storage'],
  model: ['emulator/state'],
  state: [],
  storage: [],
};

const layerRules = Object.entries(EMULATOR_LAYERS).map(([folder, allowed]) => ({
  name: `emulator-${folder}-layer`,
  comment: `emulator/${folder} may import only ${allowed.length ? allowed.join(', ') : 'itself'} (DESIGN.md, Layout)`,
  severity: 'error',
  from: { path: `^emulator/${folder}/` },
  to: { path: '^(emulator|lib|bin)/', pathNot: [`^emulator/${folder}/`, ...allowed.map((a) => `^${a}/`)] },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'no import cycles anywhere',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'lib-never-imports-emulator',
      comment: 'the construct library never depends on the emulator',
      severity: 'error',
      from: { path: '^lib/' },
      to: { path: '^(emulator|bin)/' },
    },
    {
      name: 'bin-holds-no-logic',
      comment: 'bin/ parses arguments and prints; its logic is in emulator/project',
      severity: 'error',
      from: { path: '^bin/' },
      to: { path: '^(emulator|lib)/', pathNot: '^emulator/project/' },
    },
    {
      name: 'emulator-uses-only-the-graph-model-and-manifest',
      comment: 'emulator/ imports only lib/pipeline and lib/manifest of the construct library',
      severity: 'error',
      from: { path: '^emulator/' },
      to: { path: '^lib/', pathNot: '^lib/(pipeline|manifest)/' },
    },
    {
      name: 'emulator-does-not-use-the-builder',
      comment: 'the emulator reads graphs; the typed builder and PipelineJob (CDK) are for apps',
      severity: 'error',
      from: { path: '^emulator/' },
      to: { path: '^lib/pipeline/(pipeline|pipeline-job|filter-expression|index)\\.ts$' },
    },
    ...layerRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules|test|cdk\\.out)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    moduleSystems: ['cjs', 'es6'],
  },
};
