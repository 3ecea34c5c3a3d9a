import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.js';
import { apiClient, linkIn, sentMail, startTestStack } from '../support/stack.js';

let stack: LocalStack;
let call: ReturnType<typeof apiClient>;
beforeAll(async () => {
  stack = await startTestStack();
  call = apiClient(stack);
});
afterAll(() => stack.close());

const enrolBody = (email: string) => ({
  name: 'Vårdcentralen Norr',
  contactEmail: email,
  language: 'sv',
  customerTerm: 'patient',
});

describe('enrolment', () => {
  it('creates an unverified organisation with defaults and returns the admin key once', async () => {
    const response = await call('POST', '/v1/organisations', { json: enrolBody('Chef@Example.org ') });

    expect(response.status).toBe(201);
    const org = response.json.organisation;
    expect(org).toMatchObject({
      contactEmail: 'chef@example.org',
      verified: false,
      cadence: 'twice-yearly',
      roundLengthDays: 14,
      anonymityThreshold: 5,
      commentThreshold: 10,
      timezone: 'Europe/Stockholm',
      reportRecipients: ['chef@example.org'],
    });
    expect(org.customerTerm.sv.definite).toBe('patienten');
    expect(response.json.adminKey).toMatch(/^kp\.org_\w+\.key_\w+\.[\w-]{43}$/);
    const fetched = await call('GET', `/v1/organisations/${org.id}`, { key: response.json.adminKey });
    expect(JSON.stringify(fetched.json)).not.toContain(response.json.adminKey.split('.')[3]);
  });

  it('verifies only through the POST behind the link, never on GET', async () => {
    const created = await call('POST', '/v1/organisations', { json: enrolBody('verify@example.org') });
    const mail = (await sentMail(stack)).find((m) => m.destination.to.includes('verify@example.org'));
    const link = linkIn(mail?.body.text ?? '', /\/verify\/[\w-]+/);
    const orgPath = `/v1/organisations/${created.json.organisation.id}`;

    const page = await call('GET', link);
    const afterGet = await call('GET', orgPath, { key: created.json.adminKey });
    const posted = await call('POST', link);
    const afterPost = await call('GET', orgPath, { key: created.json.adminKey });

    expect(page.status).toBe(200);
    expect(page.text).toContain('<form method="post">');
    expect(afterGet.json.organisation.verified).toBe(false);
    expect(posted.status).toBe(200);
    expect(afterPost.json.organisation.verified).toBe(true);
    expect(afterPost.json.organisation.nextRoundAt).toMatch(/^20\d\d-(03|09)-01T0[78]:00:00.000Z$/);
    expect(mail?.body.html).not.toContain('Vårdcentralen Norr');
  });

  it('answers an unknown verification link with a friendly HTML 404', async () => {
    const response = await call('GET', '/verify/not-a-real-token');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.text).toContain('Länken är okänd');
  });

  it('refuses invalid settings field by field and stores nothing', async () => {
    const response = await call('POST', '/v1/organisations', {
      json: {
        name: 'X\r\nBcc: evil@example.org',
        contactEmail: 'not-an-email',
        language: 'de',
        anonymityThreshold: 2,
        extra: 1,
      },
    });

    expect(response.status).toBe(400);
    expect(response.json.error.code).toBe('validation_failed');
    const paths = response.json.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'contactEmail', 'language', 'anonymityThreshold']));
    expect((await sentMail(stack)).some((m) => m.destination.to.includes('not-an-email'))).toBe(false);
  });

  it('refuses settings that do not fit together', async () => {
    const response = await call('POST', '/v1/organisations', {
      json: {
        ...enrolBody('fit@example.org'),
        anonymityThreshold: 8,
        commentThreshold: 6,
        roundLengthDays: 7,
        reminderDays: [9],
      },
    });
    expect(response.status).toBe(400);
    expect(response.json.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'commentThreshold',
      'reminderDays',
    ]);
  });

  it('accepts a custom customer term with Swedish and English forms', async () => {
    const response = await call('POST', '/v1/organisations', {
      json: {
        ...enrolBody('term@example.org'),
        customerTerm: {
          sv: { singular: 'resenär', definite: 'resenären', plural: 'resenärer' },
          en: { singular: 'traveller', plural: 'travellers' },
        },
      },
    });
    expect(response.status).toBe(201);
    expect(response.json.organisation.customerTerm.sv.genitive).toBe('resenärens');
  });

  it('answers 415 to a wrong content type, 400 to broken JSON and 413 to a huge body', async () => {
    const wrongType = await call('POST', '/v1/organisations', {
      body: 'name=x',
      type: 'application/x-www-form-urlencoded',
    });
    const broken = await call('POST', '/v1/organisations', { body: '{"name":', type: 'application/json' });
    const huge = await call('POST', '/v1/organisations', {
      body: JSON.stringify({ name: 'x'.repeat(100_000) }),
      type: 'application/json',
    });

    expect(wrongType.status).toBe(415);
    expect(broken.status).toBe(400);
    expect(broken.json.error.details[0].message).toBe('Malformed JSON');
    expect(huge.status).toBe(413);
    expect(huge.json.error.code).toBe('payload_too_large');
  });

  it('lets an admin change settings, validated like enrolment', async () => {
    const created = await call('POST', '/v1/organisations', { json: enrolBody('patch@example.org') });
    const path = `/v1/organisations/${created.json.organisation.id}`;

    const changed = await call('PATCH', path, {
      key: created.json.adminKey,
      json: { customerTerm: 'elev', language: 'en', cadence: 'quarterly' },
    });
    const refused = await call('PATCH', path, {
      key: created.json.adminKey,
      json: { anonymityThreshold: 1 },
    });

    expect(changed.status).toBe(200);
    expect(changed.json.organisation).toMatchObject({ language: 'en', cadence: 'quarterly' });
    expect(changed.json.organisation.customerTerm.en.singular).toBe('student');
    expect(refused.status).toBe(400);
    expect(
      (await call('GET', path, { key: created.json.adminKey })).json.organisation.anonymityThreshold,
    ).toBe(5);
  });

  it('publishes an OpenAPI document generated from the schemas, and a docs page', async () => {
    const doc = await call('GET', '/v1/openapi.json');
    const docs = await call('GET', '/docs');

    expect(doc.json.openapi).toBe('3.1.0');
    const create = doc.json.paths['/v1/organisations'].post;
    expect([...create.requestBody.content['application/json'].schema.required].sort()).toEqual([
      'contactEmail',
      'language',
      'name',
    ]);
    expect(create.requestBody.content['application/json'].schema.properties.anonymityThreshold.minimum).toBe(
      3,
    );
    expect(docs.text).toContain('/v1/organisations/{orgId}/respondents');
    expect(Object.keys(doc.json.paths)).toEqual(
      expect.arrayContaining([
        '/v1/organisations/{orgId}/rounds/{roundId}/report',
        '/v1/organisations/{orgId}/report',
        '/r/{token}',
      ]),
    );
    expect(
      doc.json.paths['/r/{token}'].post.requestBody.content['application/json'].schema.properties,
    ).toHaveProperty('rankReason');
  });
});
