import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/** The modules an entry point's bundle holds, as esbuild (which CDK bundles with) resolves them. */
async function bundledInputs(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    mainFields: ['module', 'main'],
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs);
}

describe("the answer pages' bundle", () => {
  it('holds the pages’ declarations but not the route table, the OpenAPI builder or the API’s routes', async () => {
    const inputs = await bundledInputs('functions/answers/lambda.ts');
    const apiOnly = inputs.filter((input) =>
      /functions\/api\/(route-table\/(table|openapi-document|api-route)\.ts|responses\/|routes\/(organisations|keys|respondents|rounds|reports|actions|codes|value-lists|docs|verification))/.test(
        input,
      ),
    );

    expect(inputs).toContain('functions/api/routes/answer-pages.tsx');
    expect(apiOnly).toEqual([]);
  }, 60_000);

  it('would show the table if it were there: the API bundle holds it', async () => {
    const inputs = await bundledInputs('functions/api/lambda.ts');

    expect(inputs).toContain('functions/api/route-table/table.ts');
    expect(inputs).toContain('functions/api/route-table/openapi-document.ts');
  }, 60_000);
});
