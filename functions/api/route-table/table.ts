import { actionRoutes } from '../routes/actions.js';
import { answerPageRoutes } from '../routes/answer-pages.js';
import { codeRoutes } from '../routes/codes.js';
import { docsRoutes } from '../routes/docs.js';
import { keyRoutes } from '../routes/keys.js';
import { kioskRoutes } from '../routes/kiosk.js';
import { organisationRoutes } from '../routes/organisations.js';
import { reportRoutes } from '../routes/reports.js';
import { respondentRoutes } from '../routes/respondents.js';
import { roundRoutes } from '../routes/rounds.js';
import { valueListRoutes } from '../routes/value-lists.js';
import { verificationRoutes } from '../routes/verification.js';
import type { ApiRoute } from './api-route.js';

/** The API's operations: JSON in and out, keys checked and bodies validated by `mountApiRoutes`. */
export const API_ROUTES: readonly ApiRoute[] = [
  ...organisationRoutes,
  ...keyRoutes,
  ...respondentRoutes,
  ...roundRoutes,
  ...reportRoutes,
  ...actionRoutes,
  ...codeRoutes,
  ...valueListRoutes,
];

/** The respondents' pages; the answers Lambda mounts these alone, without this table. */
export const RESPONDENT_PAGES = [...answerPageRoutes, ...kioskRoutes];

const OPERATIONS = [...API_ROUTES, ...verificationRoutes, ...RESPONDENT_PAGES];
export const DOCS_PAGES = docsRoutes(OPERATIONS);

/**
 * The one route table: every operation the API Lambda serves (the answers Lambda serves RESPONDENT_PAGES),
 * each declared once with its method, path, roles, schemas, examples and handler. The OpenAPI document, the docs
 * page and the routers are all built from it. Only `/health` and the pages' two assets sit outside it.
 */
export const ROUTE_TABLE = [...OPERATIONS, ...DOCS_PAGES];
