/**
 * gluekit's own node kinds: DynamicFrame transforms Glue Studio has no visual node for, in the shape of Studio's nodes
 * (`Name`, `Inputs`, PascalCase parameters), so a pipeline graph holds them beside the SDK's `CodeGenConfigurationNode`
 * kinds. They live in the script and the gluekit manifest; Glue's API never sees them.
 */
export interface GluekitNodes {
  readonly ResolveChoice?: ResolveChoice;
}

/** One `(path, action)` pair of `ResolveChoice.apply(specs=...)`. */
export interface ResolveChoiceSpec {
  /** The field's path (`provider id`, `address.zip`). */
  readonly Path: string;
  /** `cast:<type>`, `project:<type>`, `make_cols` or `make_struct`. */
  readonly Action: string;
}

/** `ResolveChoice.apply(frame, specs=... | choice=..., database=..., table_name=...)`. */
export interface ResolveChoice {
  readonly Name: string;
  readonly Inputs: string[];
  /** An action per path; give `Specs` or `Choice`, not both. */
  readonly Specs?: ResolveChoiceSpec[];
  /** One action for every choice in the frame: `cast:<type>`, `project:<type>`, `make_cols`, `make_struct` or `match_catalog`. */
  readonly Choice?: string;
  /** `match_catalog`'s table. */
  readonly Database?: string;
  readonly Table?: string;
}
