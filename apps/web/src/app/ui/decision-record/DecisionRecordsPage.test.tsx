import { fireEvent, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { acceptanceListKind } from '../../../features/risk-acceptances/kind';
import type { AcceptanceSummary } from '../../../features/risk-acceptances/use-risk-acceptances';
import { exceptionListKind } from '../../../features/security-exceptions/kind';
import type { ExceptionSummary } from '../../../features/security-exceptions/use-security-exceptions';
import type { PagedItems } from '../list/PagedTable';
import { DecisionRecordsPage } from './DecisionRecordsPage';
import { renderRoutes } from './test-support';

// The permissions the caller holds somewhere (from /auth/me in the app).
const held = new Set<string>();
vi.mock('../../session/can', () => ({
  useCan: () => ({ somewhere: (p: string) => held.has(p), everywhere: (p: string) => held.has(p) }),
}));

const paged = <T,>(items: T[]): PagedItems<T> => ({
  items,
  isPending: false,
  error: null,
  hasNextPage: false,
  isFetchingNextPage: false,
  fetchNextPage: () => {},
});

const acceptance = {
  id: 'a1',
  name: 'Database theft until encryption',
  refId: 'RA-1',
  state: 'accepted',
  inForce: true,
  expired: false,
  expiryDate: '2099-06-30',
  approver: { id: 'u1', displayName: 'Rita Owner', email: 'rita@example.com' },
  scenarioCount: 4,
} as unknown as AcceptanceSummary;

const exception = {
  id: 'e1',
  name: 'Legacy VPN',
  refId: null,
  state: 'draft',
  severity: 'critical',
  expiryDate: null,
  owner: { id: 'u2', displayName: 'Otto Owner', email: 'otto@example.com' },
  requirementAssessmentCount: 2,
  appliedControlCount: 3,
} as unknown as ExceptionSummary;

function renderAcceptances(url: string, items: AcceptanceSummary[] = [acceptance]) {
  const useList = vi.fn((_search: unknown) => paged(items));
  const kind = { ...acceptanceListKind, useList, NewDialog: NoDialog };
  renderRoutes(url, { '/risk-acceptances': () => <DecisionRecordsPage kind={kind} /> });
  return useList;
}

// The dialogs pick folders and members from the server; their own journeys are the browser tests'.
function NoDialog() {
  return null;
}

const headers = () => screen.getAllByRole('columnheader').map((th) => th.textContent);

describe('DecisionRecordsPage', () => {
  beforeEach(() => held.clear());

  it('shows the shared columns, then the kind’s own', async () => {
    renderAcceptances('/risk-acceptances');
    const link = await screen.findByRole('link', { name: 'Database theft until encryption' });
    expect(link.getAttribute('href')).toBe('/risk-acceptances/a1');
    expect(headers()).toEqual(['Reference', 'Name', 'State', 'Approver', 'Expiry date', 'Scenarios']);
    const row = screen.getAllByRole('row')[1] as HTMLElement;
    expect(within(row).getByText('RA-1')).toBeTruthy();
    expect(within(row).getByText('Rita Owner')).toBeTruthy();
    expect(within(row).getByText('4')).toBeTruthy();
    // The kind's badges: its state's label and colour, and "in force".
    const state = within(row).getByText('Accepted').closest('.mantine-Badge-root');
    expect(state?.getAttribute('style')).toContain('--badge-color: #1f6b2f');
    expect(within(row).getByText('In force')).toBeTruthy();
  });

  it('reads the filters from the URL, the kind’s own included, and says when nothing matches', async () => {
    const useList = renderAcceptances('/risk-acceptances?validity=expiring&awaitingMe=true&state=submitted', []);
    expect(await screen.findByText('No risk acceptance matches these filters.')).toBeTruthy();
    expect(useList).toHaveBeenLastCalledWith({ validity: 'expiring', awaitingMe: true, state: 'submitted' });
    expect(screen.getByRole('textbox', { name: 'Validity' })).toHaveProperty('value', 'Expiring within 30 days');
    expect(screen.getByRole('textbox', { name: 'State' })).toHaveProperty('value', 'Submitted');
    expect(screen.getByRole('switch', { name: 'Awaiting my decision' })).toHaveProperty('checked', true);
  });

  it('says the list is empty when no filter is set, and offers "New" only to whoever may create one', async () => {
    renderAcceptances('/risk-acceptances', []);
    expect(await screen.findByText('No risk acceptances yet.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'New risk acceptance' })).toBeNull();
  });

  it('offers the kind’s "New" button to a caller who holds its create permission', async () => {
    held.add('risk_acceptance:create');
    renderAcceptances('/risk-acceptances');
    expect(await screen.findByRole('button', { name: 'New risk acceptance' })).toBeTruthy();
  });

  it('lists security exceptions with their own columns and filter', async () => {
    held.add('security_exception:create');
    const useList = vi.fn((_search: unknown) => paged([exception]));
    const kind = { ...exceptionListKind, useList, NewDialog: NoDialog };
    renderRoutes('/security-exceptions?severity=high', {
      '/security-exceptions': () => <DecisionRecordsPage kind={kind} />,
    });
    const link = await screen.findByRole('link', { name: 'Legacy VPN' });
    expect(link.getAttribute('href')).toBe('/security-exceptions/e1');
    expect(headers()).toEqual(['Reference', 'Name', 'State', 'Owner', 'Expiry date', 'Links']);
    const row = screen.getAllByRole('row')[1] as HTMLElement;
    expect(within(row).getByText('Otto Owner')).toBeTruthy();
    expect(within(row).getByText('5')).toBeTruthy();
    expect(within(row).getByText('Critical')).toBeTruthy();
    expect(within(row).getByText('Draft').closest('.mantine-Badge-root')?.getAttribute('style')).toContain(
      '--badge-color: #495057',
    );
    expect(useList).toHaveBeenLastCalledWith({ severity: 'high' });
    expect(screen.getByRole('textbox', { name: 'Severity' })).toHaveProperty('value', 'High');
    expect(screen.queryByRole('textbox', { name: 'Validity' })).toBeNull();
    expect(screen.getByRole('button', { name: 'New security exception' })).toBeTruthy();
  });

  it('writes a picked state into the URL', async () => {
    const useList = renderAcceptances('/risk-acceptances');
    fireEvent.click(await screen.findByRole('textbox', { name: 'State' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Rejected' }));
    await vi.waitFor(() => expect(useList).toHaveBeenLastCalledWith({ state: 'rejected' }));
  });
});
