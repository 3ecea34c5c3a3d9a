import { ACCOUNT, type Assembly, type CfnTemplate } from './assembly.js';

/** Local stand-ins for what CloudFormation would create: physical names and attributes by logical id. */
export interface LocalResources {
  /** `Ref` of a resource, by logical id, where the template does not name it itself. */
  refs: Record<string, string>;
  /** `Fn::GetAtt`, by `logicalId.Attribute`. */
  attributes: Record<string, string>;
}

type Json = unknown;

/** The name a resource's `Ref` returns when the template sets it (a rule, a configuration set, an identity). */
const NAME_PROPERTIES = ['Name', 'EmailIdentity', 'TableName', 'QueueName', 'TopicName', 'FunctionName'];

/**
 * Resolves CloudFormation intrinsics (Ref, Fn::GetAtt, Fn::ImportValue, Fn::Join) of one stack to local
 * values. An intrinsic with no local meaning throws, so an environment variable cannot silently go missing.
 */
export function createResolver(assembly: Assembly, local: LocalResources) {
  const pseudo: Record<string, string> = {
    'AWS::Region': assembly.region,
    'AWS::AccountId': ACCOUNT,
    'AWS::Partition': 'aws',
    'AWS::URLSuffix': 'amazonaws.com',
  };
  const exports = new Map<string, Json>();
  for (const output of Object.values(assembly.data.template.Outputs ?? {}))
    if (output.Export) exports.set(output.Export.Name, output.Value);

  function resolveIn(template: CfnTemplate, value: Json): Json {
    if (typeof value !== 'object' || value === null) return value;
    if (Array.isArray(value)) return value.map((item) => resolveIn(template, item));
    const object = value as Record<string, Json>;
    if ('Ref' in object) {
      const id = String(object.Ref);
      if (id in pseudo) return pseudo[id];
      if (id in local.refs) return local.refs[id];
      const properties = template.Resources[id]?.Properties ?? {};
      const named = NAME_PROPERTIES.find((key) => typeof properties[key] === 'string');
      if (named) return properties[named];
      throw new Error(`no local value for Ref ${id}`);
    }
    if ('Fn::GetAtt' in object) {
      const [id, attribute] = object['Fn::GetAtt'] as [string, string];
      const known = local.attributes[`${id}.${attribute}`];
      if (known !== undefined) return known;
      const type = template.Resources[id]?.Type;
      if (attribute === 'Arn' && type)
        return `arn:aws:${type.split('::')[1]?.toLowerCase()}:${assembly.region}:${ACCOUNT}:${id}`;
      throw new Error(`no local value for Fn::GetAtt ${id}.${attribute}`);
    }
    if ('Fn::ImportValue' in object) {
      const name = String(object['Fn::ImportValue']);
      if (!exports.has(name)) throw new Error(`the data stack exports no ${name}`);
      return resolveIn(assembly.data.template, exports.get(name));
    }
    if ('Fn::Join' in object) {
      const [separator, parts] = object['Fn::Join'] as [string, Json[]];
      return parts.map((part) => String(resolveIn(template, part))).join(separator);
    }
    return Object.fromEntries(Object.entries(object).map(([key, item]) => [key, resolveIn(template, item)]));
  }

  return {
    service: (value: Json) => resolveIn(assembly.service.template, value),
    data: (value: Json) => resolveIn(assembly.data.template, value),
  };
}

export type Resolver = ReturnType<typeof createResolver>;
