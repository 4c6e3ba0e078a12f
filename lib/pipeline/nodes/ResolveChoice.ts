import type { ResolveChoice } from '../gluekit-nodes';
import { parseGlueType } from '../glue-type';
import type { NodeCheck } from '../node-check';
import type { NodeDefinition } from '../node-definition';
import { pyString } from '../python-literal';

/**
 * `ResolveChoice.apply(frame, specs=[(path, action)] | choice=action)` (GLUE-REFERENCE section 1): `cast:<type>` casts
 * every value, `project:<type>` keeps the values of that type, `make_cols` splits a choice into `<field>_<type>` columns,
 * `make_struct` makes it a struct of its types, and `match_catalog` (as `choice`, with a table) casts to the table's
 * column types. A gluekit node kind: Glue Studio has no node for it.
 */
export const ResolveChoiceNode: NodeDefinition<ResolveChoice> = {
  role: 'transform',
  errorThresholds: true,
  validate(p, check) {
    const hasSpecs = p.Specs !== undefined;
    const hasChoice = p.Choice !== undefined;
    // awsglue's own messages for neither and both.
    if (!hasSpecs && !hasChoice) check.fail('Parameter specs and option are both missing, add one.');
    if (hasSpecs && hasChoice) check.fail('Parameter specs and option are both specified, choose one.');
    if (hasSpecs) {
      if (!Array.isArray(p.Specs) || p.Specs.length === 0) check.fail('Specs must list at least one (Path, Action)');
      p.Specs.forEach((s, i) => {
        if (typeof s?.Path !== 'string' || s.Path === '') check.fail(`Specs[${i}].Path must be a non-empty field path`);
        const action = check.string(`Specs[${i}].Action`, s.Action);
        if (action === 'match_catalog') check.fail(`Specs[${i}]: match_catalog resolves a whole frame: give it as Choice with Database and Table`);
        validateAction(action, `Specs[${i}].Action`, check);
      });
    } else {
      const action = check.string('Choice', p.Choice);
      if (action !== 'match_catalog') validateAction(action, 'Choice', check);
    }
    const catalog = p.Choice === 'match_catalog';
    if (catalog) {
      check.string('Database', p.Database);
      check.string('Table', p.Table);
    } else if (p.Database !== undefined || p.Table !== undefined) check.fail('Database and Table go with Choice match_catalog only');
  },
  emit(p, script) {
    const how = p.Specs
      ? `specs=[${p.Specs.map((s) => `(${pyString(s.Path)}, ${pyString(s.Action)})`).join(', ')}]`
      : `choice=${pyString(p.Choice!)}${p.Choice === 'match_catalog' ? `, database=${script.str(p.Database!)}, table_name=${script.str(p.Table!)}` : ''}`;
    return `ResolveChoice.apply(${script.frame()}, ${how}, ${script.transformationCtx})`;
  },
};

/** The actions a spec or choice takes: `cast:<type>`, `project:<type>`, `make_cols`, `make_struct`. */
function validateAction(action: string, field: string, check: NodeCheck): void {
  if (action === 'make_cols' || action === 'make_struct') return;
  const typed = /^(cast|project):(.+)$/.exec(action);
  if (!typed) check.fail(`${field} '${action}' is not cast:<type>, project:<type>, make_cols, make_struct${field === 'Choice' ? ' or match_catalog' : ''}`);
  try {
    parseGlueType(typed[2], `${field} '${action}'`);
  } catch (e) {
    check.fail((e as Error).message);
  }
}
