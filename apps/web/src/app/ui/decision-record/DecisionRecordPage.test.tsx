import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AcceptanceBadges } from '../../../features/risk-acceptances/AcceptanceBadges';
import { acceptanceKind } from '../../../features/risk-acceptances/kind';
import type { RiskAcceptance } from '../../../features/risk-acceptances/use-risk-acceptances';
import { ExceptionBadges } from '../../../features/security-exceptions/ExceptionBadges';
import { exceptionKind } from '../../../features/security-exceptions/kind';
import type { SecurityException } from '../../../features/security-exceptions/use-security-exceptions';
import { DecisionRecordPage } from './DecisionRecordPage';
import { answered, renderRoutes, spyMutation } from './test-support';

// The real kinds of both features, with their hooks answered here instead of by the server.
const acceptance = {
  id: 'a1',
  version: 3,
  name: 'Database theft until encryption',
  refId: 'RA-1',
  state: 'submitted',
  expiryDate: '2027-06-30',
  inForce: false,
  expired: false,
  approver: { id: 'u1', displayName: 'Rita Owner', email: 'rita@example.com' },
  submittedAt: '2026-12-01T10:00:00Z',
  decidedAt: null,
  decidedBy: null,
  revokedAt: null,
  abilities: { update: false, delete: true, transitions: ['created', 'accepted', 'rejected'] },
} as unknown as RiskAcceptance;

function renderAcceptance(record: RiskAcceptance = acceptance) {
  const transition = spyMutation();
  const remove = spyMutation();
  const kind = {
    ...acceptanceKind,
    useRecord: () => answered(record),
    useTransition: () => transition as never,
    useDelete: () => remove as never,
  };
  renderRoutes(`/risk-acceptances/${record.id}`, {
    '/risk-acceptances': () => <h1>The list</h1>,
    '/risk-acceptances/$acceptanceId': () => (
      <DecisionRecordPage
        kind={kind}
        id={record.id}
        badges={(a) => <AcceptanceBadges acceptance={a} size="lg" />}
        form={(_, { onEdit }) => (
          <button type="button" onClick={onEdit}>
            Type in a field
          </button>
        )}
        links={() => <p>The covered scenarios</p>}
      />
    ),
  });
  return { transition, remove };
}

describe('DecisionRecordPage', () => {
  it('offers exactly the steps the server allows, in the kind’s words, the dangerous ones in red', async () => {
    renderAcceptance();
    await screen.findByRole('heading', { name: 'RA-1 · Database theft until encryption', level: 1 });
    const withdraw = screen.getByRole('button', { name: 'Withdraw' });
    const reject = screen.getByRole('button', { name: 'Reject' });
    expect(screen.getByRole('button', { name: 'Accept' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Revoke' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Submit' })).toBeNull();
    expect(withdraw.getAttribute('data-variant')).toBe('default');
    expect(reject.getAttribute('data-variant')).toBe('outline');
    expect(screen.getByText('The covered scenarios')).toBeTruthy();
  });

  it('shows the state badge and the dates known so far, and none that are not', async () => {
    renderAcceptance();
    // "Submitted" twice: the state (a badge in the kind's colour) and the date it was submitted.
    const [badge, fact] = await screen.findAllByText('Submitted');
    expect(badge?.closest('.mantine-Badge-root')?.getAttribute('style')).toContain('--badge-color: #1864ab');
    expect(fact?.closest('.mantine-Badge-root')).toBeNull();
    expect(screen.queryByText('Decided')).toBeNull();
    expect(screen.queryByText('Revoked')).toBeNull();
    expect(screen.getByText(new Date('2026-12-01T10:00:00Z').toLocaleString('en'))).toBeTruthy();
  });

  it('confirms a step with its sentence and sends it with the version and the comment', async () => {
    const { transition } = renderAcceptance();
    fireEvent.click(await screen.findByRole('button', { name: 'Accept' }));
    const dialog = screen.getByRole('dialog', { name: 'Accept' });
    expect(within(dialog).getByText(/until 2027-06-30/)).toBeTruthy();
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Comment' }), { target: { value: 'Fine' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Accept' }));
    expect(transition.mutate).toHaveBeenCalledWith(
      { id: 'a1', version: 3, to: 'accepted', comment: 'Fine' },
      expect.anything(),
    );
  });

  it('holds the steps back while the form has unsaved edits', async () => {
    renderAcceptance();
    fireEvent.click(await screen.findByRole('button', { name: 'Type in a field' }));
    expect(screen.getByText('Save your changes first', { exact: false })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Accept' })).toHaveProperty('disabled', true);
  });

  it('deletes only when allowed, after confirming', async () => {
    const { remove } = renderAcceptance();
    fireEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete this risk acceptance?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(remove.mutate).toHaveBeenCalledWith({ id: 'a1', version: 3 }, expect.anything());
  });

  it('shows no step and no delete to whoever may take none', async () => {
    renderAcceptance({
      ...acceptance,
      state: 'accepted',
      abilities: { update: false, delete: false, transitions: [] },
    } as RiskAcceptance);
    await screen.findByText('Accepted');
    expect(screen.queryByRole('button', { name: /Withdraw|Accept|Reject|Revoke|Delete/ })).toBeNull();
  });
});

describe('DecisionRecordPage with the security exception kind', () => {
  const exception = {
    id: 'e1',
    version: 1,
    name: 'Legacy VPN',
    refId: null,
    state: 'in_review',
    severity: 'high',
    expiryDate: null,
    decidedAt: null,
    decidedBy: null,
    abilities: { update: false, delete: false, transitions: ['draft', 'approved', 'rejected'] },
  } as unknown as SecurityException;

  it('names a step by the kind’s step key (back to draft from review is a withdrawal)', async () => {
    const transition = spyMutation();
    const kind = {
      ...exceptionKind,
      useRecord: () => answered(exception),
      useTransition: () => transition as never,
      useDelete: () => spyMutation() as never,
    };
    renderRoutes('/security-exceptions/e1', {
      '/security-exceptions/$exceptionId': () => (
        <DecisionRecordPage
          kind={kind}
          id="e1"
          badges={(e) => <ExceptionBadges exception={e} size="lg" />}
          form={() => null}
          links={() => null}
        />
      ),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Withdraw from review' }));
    expect(screen.queryByRole('button', { name: 'Back to draft' })).toBeNull();
    const dialog = screen.getByRole('dialog', { name: 'Withdraw from review' });
    expect(within(dialog).getByText(/The approver is no longer asked/)).toBeTruthy();
    expect(screen.getByText('In review')).toBeTruthy();
    expect(screen.getByText('High')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Withdraw from review' }));
    expect(transition.mutate).toHaveBeenCalledWith({ id: 'e1', version: 1, to: 'draft' }, expect.anything());
  });
});
