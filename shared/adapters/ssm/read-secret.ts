import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import type { SecretReader } from '../../config.js';

/** Reads a SecureString once per cold start. */
export function createSsmSecretReader(region: string): SecretReader {
  const ssm = new SSMClient({ region });
  return async (name) => {
    const { Parameter } = await ssm.send(new GetParameterCommand({ Name: name, WithDecryption: true }));
    if (!Parameter?.Value) throw new Error(`SSM parameter ${name} is empty`);
    return Parameter.Value;
  };
}
