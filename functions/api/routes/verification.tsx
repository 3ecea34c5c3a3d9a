import type { Deps } from '../../../shared/deps.js';
import { findVerification, verifyOrganisation } from '../../../shared/organisations/verify-organisation.js';
import { Layout, Message } from '../pages/layout.js';
import type { PageRoute } from '../route-table/page-route.js';

const COPY = {
  sv: {
    title: 'Bekräfta organisationen',
    text: 'Bekräfta att er organisation ska använda Kundpuls. Först därefter kan pulsmätningar skickas.',
    button: 'Bekräfta',
    done: 'Organisationen är bekräftad',
    doneText: 'Tack! Pulsmätningarna kan nu börja enligt schemat.',
  },
  en: {
    title: 'Confirm the organisation',
    text: 'Confirm that your organisation will use Kundpuls. Pulses can be sent only after that.',
    button: 'Confirm',
    done: 'The organisation is confirmed',
    doneText: 'Thank you! Pulses can now start on schedule.',
  },
} as const;

/**
 * The link in the verification e-mail: GET only shows a button, because mail scanners follow links. Like the
 * mail, the page quotes nothing the enrolling caller chose (the address is not verified yet).
 */
export const verificationRoutes: PageRoute<Deps>[] = [
  {
    method: 'get',
    path: '/verify/{token}',
    summary: "The verification e-mail's link: a page whose button (a POST) verifies the organisation",
    roles: ['verification link'],
    responses: { 200: { description: 'The page', types: ['text/html'] } },
    errors: { 404: 'unknown link' },
    handle: async (c, { deps }) => {
      const org = await findVerification(deps, c.req.param('token') ?? '');
      const copy = COPY[org.language];
      if (org.verified)
        return c.html(<Message language={org.language} title={copy.done} text={copy.doneText} />);
      return c.html(
        <Layout language={org.language} title={copy.title}>
          <h1>{copy.title}</h1>
          <p class="lead">{copy.text}</p>
          <form method="post">
            <button type="submit">{copy.button}</button>
          </form>
        </Layout>,
      );
    },
  },
  {
    method: 'post',
    path: '/verify/{token}',
    summary: 'Verify the organisation; rounds may start from now on',
    roles: ['verification link'],
    responses: { 200: { description: 'Done', types: ['text/html'] } },
    errors: { 404: 'unknown link' },
    handle: async (c, { deps }) => {
      const org = await verifyOrganisation(deps, c.req.param('token') ?? '');
      deps.logger.info('organisation verified', { orgId: org.id });
      const copy = COPY[org.language];
      return c.html(<Message language={org.language} title={copy.done} text={copy.doneText} />);
    },
  },
];
