import type { Relationalize } from '../gluekit-nodes';
import type { NodeDefinition } from '../node-definition';

/**
 * `Relationalize.apply(frame, staging_path, name)` (GLUE-REFERENCE section 2): gives a collection, the root frame named
 * `RootTableName` (structs flattened to dotted names, each array replaced by a join key) and one frame per array,
 * named `<root>_<dotted path>`, with `id` (the join key), `index` and the elements (`<path>.val...`). A `SelectFrame`
 * node picks one of them. A gluekit node kind: Glue Studio has no node for it.
 */
export const RelationalizeNode: NodeDefinition<Relationalize, 'collection'> = {
  role: 'collection',
  errorThresholds: true,
  validate(p, check) {
    check.string('RootTableName', p.RootTableName);
    check.s3Uri('StagingPath', p.StagingPath);
  },
  emit(p, script) {
    return `Relationalize.apply(${script.frame()}, staging_path=${script.str(p.StagingPath)}, name=${script.str(p.RootTableName)}, ${script.transformationCtx})`;
  },
};
