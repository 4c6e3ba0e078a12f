import type { S3CatalogSource } from '@aws-sdk/client-glue';
import type { NodeDefinition } from '../node-definition';
import { CatalogSourceNode } from './CatalogSource';

/**
 * Glue Studio's source for a Data Catalog table over S3: `create_dynamic_frame.from_catalog(database, table_name,
 * push_down_predicate)`, as `CatalogSource` prints it. `AdditionalOptions` (bounded reads) is refused: the script
 * could not express it the way Studio does.
 */
export const S3CatalogSourceNode: NodeDefinition<S3CatalogSource> = {
  role: 'source',
  validate(p, check) {
    check.unsupported('AdditionalOptions', p.AdditionalOptions, 'bounded reads');
    CatalogSourceNode.validate(p, check);
  },
  emit(p, script) {
    return CatalogSourceNode.emit(p, script);
  },
};
