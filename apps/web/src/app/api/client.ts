import createClient, { type Middleware } from 'openapi-fetch';
import { credentials } from './credentials';
import { problemOf } from './errors';
import type { paths } from './schema';

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/**
 * Calls that work before an organisation is chosen. A remembered organisation the user has since lost would
 * make the server answer 404 to everything, so these never send it and the app re-picks one from /auth/me.
 */
const organizationFree =
  /\/api\/v1\/(setup|auth\/(me|login|logout|totp\/verify-login|current-organization|password-reset\/\w+))$/;
/** Where a 401 means "wrong password or code" rather than "your session is gone". */
const credentialChecks = /\/api\/v1\/auth\/(me|login|totp\/[\w-]+|password|password-reset\/\w+)$/;

/** Listeners told when the API answers 401, so the app can send the user back to the sign-in page. */
const unauthenticatedListeners = new Set<() => void>();
export function onUnauthenticated(listener: () => void) {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/** Listeners told when the organisation refuses the user until they enrol in two-factor authentication. */
const enrolmentListeners = new Set<() => void>();
export function onTotpEnrolmentRequired(listener: () => void) {
  enrolmentListeners.add(listener);
  return () => enrolmentListeners.delete(listener);
}

const headersMiddleware: Middleware = {
  onRequest({ request }) {
    if (credentials.csrfToken && unsafe.has(request.method)) request.headers.set('x-csrf-token', credentials.csrfToken);
    const path = new URL(request.url).pathname;
    if (credentials.organizationId && !organizationFree.test(path) && !request.headers.has('x-organization-id')) {
      request.headers.set('x-organization-id', credentials.organizationId);
    }
    return request;
  },
  async onResponse({ response, request }) {
    if (response.ok) return response;
    const error = await problemOf(response);
    const path = new URL(request.url).pathname;
    if (response.status === 401 && !credentialChecks.test(path))
      for (const listener of unauthenticatedListeners) listener();
    if (error.code === 'totp_enrollment_required') for (const listener of enrolmentListeners) listener();
    throw error;
  },
};

/** The typed client: paths and bodies come from the server's OpenAPI document (schema.d.ts is generated). */
export const api = createClient<paths>({ baseUrl: globalThis.location?.origin ?? '', credentials: 'same-origin' });
api.use(headersMiddleware);

/** Error responses are thrown by the middleware, so a settled call always has its data (or none, for 204). */
export async function unwrap<T>(call: Promise<{ data?: T; response: Response }>): Promise<T> {
  const { data } = await call;
  return data as T;
}
