import type { CfnTemplate } from './assembly.js';
import type { Resolver } from './resolve.js';

/** One AWS call a function made: what IAM authorises it as. */
export interface AwsCall {
  functionId: string;
  action: string;
  /** Every resource the call is authorised against (a batch names several tables; SES the identity and set). */
  resources: string[];
}

export interface Grant {
  sid?: string;
  action: string;
  resource: string;
}

const glob = (pattern: string, flags = '') =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replaceAll('*', '.*')
      .replaceAll('?', '.')}$`,
    flags,
  );

/**
 * The Allow statements of every policy attached to a function's role, one grant per action and resource.
 * A Deny, a NotAction or a managed policy would need more than this evaluator does: they throw.
 */
export function grantsOf(template: CfnTemplate, functionId: string, resolve: Resolver): Grant[] {
  const reference = template.Resources[functionId]?.Properties?.Role as
    | { 'Fn::GetAtt': [string] }
    | undefined;
  const role = reference?.['Fn::GetAtt'][0];
  if (!role) throw new Error(`${functionId} has no role`);
  if (template.Resources[role]?.Properties?.ManagedPolicyArns)
    throw new Error(`${role} has managed policies`);
  const grants: Grant[] = [];
  for (const resource of Object.values(template.Resources)) {
    if (resource.Type !== 'AWS::IAM::Policy') continue;
    const properties = resource.Properties as {
      Roles: { Ref: string }[];
      PolicyDocument: { Statement: unknown[] };
    };
    if (!properties.Roles.some((r) => r.Ref === role)) continue;
    for (const raw of properties.PolicyDocument.Statement) {
      const statement = resolve.service(raw) as Record<string, unknown>;
      if (statement.Effect !== 'Allow' || !statement.Action || !statement.Resource)
        throw new Error(`unsupported statement ${JSON.stringify(statement)}`);
      for (const action of [statement.Action].flat() as string[])
        for (const target of [statement.Resource].flat() as string[])
          grants.push({ sid: statement.Sid as string | undefined, action, resource: target });
    }
  }
  return grants;
}

const allows = (grant: Grant, action: string, resource: string) =>
  glob(grant.action, 'i').test(action) && glob(grant.resource).test(resource);

/** Calls (with the resource IAM would refuse) that no grant of the function's role allows. */
export function refusedCalls(calls: AwsCall[], grants: Grant[]): { action: string; resource: string }[] {
  const refused = new Map<string, { action: string; resource: string }>();
  for (const call of calls)
    for (const resource of call.resources)
      if (!grants.some((grant) => allows(grant, call.action, resource)))
        refused.set(`${call.action} ${resource}`, { action: call.action, resource });
  return [...refused.values()];
}

/** Grants no recorded call used. */
export function unusedGrants(calls: AwsCall[], grants: Grant[]): Grant[] {
  return grants.filter(
    (grant) => !calls.some((call) => call.resources.some((resource) => allows(grant, call.action, resource))),
  );
}
