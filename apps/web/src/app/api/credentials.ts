/**
 * What every API call carries besides the cookie: the CSRF token of the session (handed out by setup, login and
 * /auth/me) and the organisation the user is working in (remembered per browser).
 */
const ORG_KEY = 'rampart.organizationId';

let csrfToken: string | null = null;
let organizationId: string | null = readStoredOrganization();

function readStoredOrganization(): string | null {
  try {
    return globalThis.localStorage?.getItem(ORG_KEY) ?? null;
  } catch {
    return null;
  }
}

export const credentials = {
  get csrfToken() {
    return csrfToken;
  },
  setCsrfToken(token: string | null) {
    csrfToken = token;
  },
  get organizationId() {
    return organizationId;
  },
  setOrganizationId(id: string | null) {
    organizationId = id;
    try {
      if (id) localStorage.setItem(ORG_KEY, id);
      else localStorage.removeItem(ORG_KEY);
    } catch {
      // Private browsing without storage: the choice lasts for this tab only.
    }
  },
  clear() {
    csrfToken = null;
  },
};
