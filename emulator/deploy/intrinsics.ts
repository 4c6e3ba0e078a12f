/**
 * Resolves CloudFormation intrinsics (`Ref`, `Fn::GetAtt`, `Fn::Join`, `Fn::Sub`, `Fn::Select`, `Fn::Split`) and pseudo
 * parameters in a local environment: account 000000000000, a bucket's local name is its literal `BucketName` else its
 * logical id in lower case, a Glue resource's name is its `Name` else its logical id.
 */
export interface LocalEnvironment {
  readonly account: string;
  readonly region: string;
  readonly partition: string;
  readonly stackName: string;
  /** Logical id -> resource type and properties, from the template. */
  readonly resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>;
}

const PSEUDO: Record<string, (env: LocalEnvironment) => string> = {
  'AWS::AccountId': (e) => e.account,
  'AWS::Region': (e) => e.region,
  'AWS::Partition': (e) => e.partition,
  'AWS::URLSuffix': () => 'amazonaws.com',
  'AWS::StackName': (e) => e.stackName,
  'AWS::StackId': (e) => `arn:aws:cloudformation:${e.region}:${e.account}:stack/${e.stackName}/local`,
  'AWS::NoValue': () => '',
};

export class IntrinsicResolver {
  constructor(private readonly env: LocalEnvironment) {}

  /** Resolves every intrinsic in `value`; `where` names the manifest path for error messages. */
  resolve(value: unknown, where: string): unknown {
    if (Array.isArray(value)) return value.map((v, i) => this.resolve(v, `${where}/${i}`));
    if (value === null || typeof value !== 'object') return value;
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj);
    if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) return this.intrinsic(keys[0], obj[keys[0]], `${where}/${keys[0]}`);
    const out: Record<string, unknown> = {};
    for (const k of keys) out[k] = this.resolve(obj[k], `${where}/${k}`);
    return out;
  }

  /** The local physical name of a resource (what `Ref` returns). */
  ref(logicalId: string, where: string): string {
    const pseudo = PSEUDO[logicalId];
    if (pseudo) return pseudo(this.env);
    const resource = this.env.resources[logicalId];
    if (!resource) throw new Error(`${where}: Ref to '${logicalId}', which is not a resource of the stack`);
    const props = resource.Properties ?? {};
    const named = (field: string): string | undefined => {
      const v = props[field];
      return v === undefined ? undefined : String(this.resolve(v, `${where} (${logicalId}.${field})`));
    };
    switch (resource.Type) {
      case 'AWS::S3::Bucket':
        return named('BucketName') ?? logicalId.toLowerCase();
      case 'AWS::Glue::Database': {
        const input = props.DatabaseInput as Record<string, unknown> | undefined;
        return input?.Name !== undefined ? String(this.resolve(input.Name, `${where} (${logicalId}.DatabaseInput.Name)`)) : logicalId.toLowerCase();
      }
      case 'AWS::Glue::Crawler':
      case 'AWS::Glue::Job':
      case 'AWS::Glue::Trigger':
      case 'AWS::Glue::Workflow':
        return named('Name') ?? logicalId;
      case 'AWS::Glue::Table': {
        const input = props.TableInput as Record<string, unknown> | undefined;
        return input?.Name !== undefined ? String(this.resolve(input.Name, where)) : logicalId.toLowerCase();
      }
      case 'AWS::IAM::Role':
        return named('RoleName') ?? logicalId;
      default:
        return logicalId;
    }
  }

  private getAtt(logicalId: string, attribute: string, where: string): string {
    const resource = this.env.resources[logicalId];
    if (!resource) throw new Error(`${where}: Fn::GetAtt on '${logicalId}', which is not a resource of the stack`);
    const name = this.ref(logicalId, where);
    const { account, region, partition } = this.env;
    if (resource.Type === 'AWS::S3::Bucket') {
      if (attribute === 'Arn') return `arn:${partition}:s3:::${name}`;
      if (attribute === 'DomainName' || attribute === 'RegionalDomainName') return `${name}.s3.${region}.amazonaws.com`;
    }
    if (resource.Type === 'AWS::IAM::Role' && attribute === 'Arn') return `arn:${partition}:iam::${account}:role/${name}`;
    if (attribute === 'Arn') return `arn:${partition}:local:${region}:${account}:${logicalId}`;
    return `${name}.${attribute}`;
  }

  private intrinsic(fn: string, arg: unknown, where: string): unknown {
    switch (fn) {
      case 'Ref':
        if (typeof arg !== 'string') throw new Error(`${where}: Ref takes a logical id string`);
        return this.ref(arg, where);
      case 'Fn::GetAtt': {
        const [id, attr] = typeof arg === 'string' ? (arg.split('.', 2) as [string, string]) : (arg as [string, string]);
        if (!id || !attr) throw new Error(`${where}: Fn::GetAtt takes [logicalId, attribute]`);
        return this.getAtt(id, attr, where);
      }
      case 'Fn::Join': {
        if (!Array.isArray(arg) || arg.length !== 2 || typeof arg[0] !== 'string' || !Array.isArray(arg[1])) {
          throw new Error(`${where}: Fn::Join takes [delimiter, [values]]`);
        }
        return (arg[1] as unknown[]).map((v, i) => String(this.resolve(v, `${where}/1/${i}`))).join(arg[0]);
      }
      case 'Fn::Sub': {
        const [template, vars] = typeof arg === 'string' ? [arg, {}] : (arg as [string, Record<string, unknown>]);
        if (typeof template !== 'string') throw new Error(`${where}: Fn::Sub takes a string or [string, {variables}]`);
        return template.replace(/\$\{([^}!][^}]*)\}/g, (_m, name: string) => {
          if (vars && name in vars) return String(this.resolve(vars[name], `${where}/1/${name}`));
          if (name.includes('.') && !PSEUDO[name]) {
            const [id, attr] = name.split('.', 2);
            return this.getAtt(id, attr, where);
          }
          return this.ref(name, where);
        }).replace(/\$\{!/g, '${');
      }
      case 'Fn::Select': {
        const [index, list] = arg as [unknown, unknown];
        const items = this.resolve(list, `${where}/1`) as unknown[];
        const i = Number(this.resolve(index, `${where}/0`));
        if (!Array.isArray(items) || !(i >= 0 && i < items.length)) throw new Error(`${where}: Fn::Select index ${i} is out of range`);
        return items[i];
      }
      case 'Fn::Split': {
        const [delim, source] = arg as [string, unknown];
        return String(this.resolve(source, `${where}/1`)).split(delim);
      }
      default:
        throw new Error(`${where}: ${fn} is not supported by the local environment`);
    }
  }
}
