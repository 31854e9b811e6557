/**
 * A minimal API client for test set-up and for reading what the UI cannot show (the outbox), so journeys can
 * arrange data quickly and check e-mails without SMTP. It speaks the same API as the UI: cookie + CSRF header.
 */
export interface OutboxEmail {
  id: string;
  to: string;
  subject: string;
  status: 'pending' | 'sent' | 'failed' | 'stored';
  createdAt: string;
  text: string;
  html: string | null;
}

export class ApiSession {
  private cookie = '';
  private csrfToken = '';
  organizationId: string | null = null;

  constructor(readonly baseUrl: string) {}

  async request<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const multipart = body instanceof FormData;
    if (body !== undefined && !multipart) headers['content-type'] = 'application/json';
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    if (this.organizationId) headers['x-organization-id'] = this.organizationId;
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: multipart ? body : JSON.stringify(body) } : {}),
    });
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('rampart_session='));
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? '';
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
    const data = (text ? JSON.parse(text) : undefined) as T;
    const csrf = (data as { csrfToken?: unknown } | undefined)?.csrfToken;
    if (typeof csrf === 'string') this.csrfToken = csrf;
    return data;
  }

  /** First-run setup through the API: the first owner and organisation, signed in as them. */
  async setup(input: { email: string; displayName: string; password: string; organizationName: string }) {
    const result = await this.request<{ userId: string; organizationId: string; rootFolderId: string }>(
      'POST',
      '/api/v1/setup',
      input,
    );
    this.organizationId = result.organizationId;
    return result;
  }

  async login(email: string, password: string) {
    const result = await this.request<{ status: string }>('POST', '/api/v1/auth/login', { email, password });
    if (result.status !== 'signed_in') throw new Error(`login of ${email} needs more than a password`);
    const me = await this.request<{ currentOrganizationId: string | null }>('GET', '/api/v1/auth/me');
    this.organizationId ??= me.currentOrganizationId;
    return me;
  }

  /**
   * Imports a library file through `POST /library/imports` (multipart) and waits for its job: the run when it
   * succeeded, an error naming its status and issues otherwise.
   */
  async importLibrary(file: { name: string; content: string | Buffer; type: string }, format = 'auto') {
    const form = new FormData();
    form.append('format', format);
    const content = typeof file.content === 'string' ? file.content : new Uint8Array(file.content);
    form.append('file', new Blob([content], { type: file.type }), file.name);
    const { jobId } = await this.request<{ jobId: string }>('POST', '/api/v1/library/imports', form);
    const deadline = Date.now() + 30_000;
    for (;;) {
      const run = await this.request<{ status: string; result: unknown; error: unknown }>(
        'GET',
        `/api/v1/jobs/${jobId}`,
      );
      if (run.status === 'succeeded') return run;
      if (run.status === 'failed' || run.status === 'cancelled' || Date.now() > deadline) {
        throw new Error(`import of ${file.name}: ${run.status} ${JSON.stringify(run.error ?? run.result)}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  /** The organisation's outbox, newest first, with each message's full text (needs an owner's session). */
  async outbox(): Promise<OutboxEmail[]> {
    const page = await this.request<{ items: { id: string }[] }>('GET', '/api/v1/outbox-emails?limit=100');
    return Promise.all(page.items.map((m) => this.request<OutboxEmail>('GET', `/api/v1/outbox-emails/${m.id}`)));
  }

  /** Waits for the newest e-mail to `to` (optionally whose subject matches), e.g. an invitation or a reset link. */
  async waitForEmail(to: string, subject?: RegExp, timeoutMs = 15_000): Promise<OutboxEmail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = (await this.outbox()).find(
        (m) => m.to.toLowerCase() === to.toLowerCase() && (!subject || subject.test(m.subject)),
      );
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no e-mail to ${to}${subject ? ` matching ${subject}` : ''}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** The first http(s) link in an e-mail's text (invitation, password reset). */
export function firstLink(email: OutboxEmail): string {
  const match = /https?:\/\/\S+/.exec(email.text);
  if (!match) throw new Error(`no link in e-mail "${email.subject}"`);
  return match[0];
}
