import type { DropNullFields } from '@aws-sdk/client-glue';
import type { NodeDefinition } from '../node-definition';

/**
 * `DropNullFields.apply(frame)`: drops the fields whose type is null, null or missing in every record (GLUE-REFERENCE
 * section 2). Studio's custom null placeholders (`NullCheckBoxList`, `NullTextList`: "", "null", -1...) are not
 * supported yet.
 */
export const DropNullFieldsNode: NodeDefinition<DropNullFields> = {
  role: 'transform',
  errorThresholds: true,
  validate(p, check) {
    const boxes = p.NullCheckBoxList;
    if (boxes && (boxes.IsEmpty || boxes.IsNullString || boxes.IsNegOne)) check.fail('NullCheckBoxList is not supported by gluekit yet (only null values count as null); remove it');
    if (p.NullTextList && p.NullTextList.length > 0) check.fail('NullTextList is not supported by gluekit yet (only null values count as null); remove it');
  },
  emit(_p, script) {
    return `DropNullFields.apply(${script.frame()}, ${script.transformationCtx})`;
  },
};
