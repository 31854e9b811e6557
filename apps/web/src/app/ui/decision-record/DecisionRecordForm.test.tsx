import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { DecisionRecordForm } from './DecisionRecordForm';
import { NewDecisionRecordDialog } from './NewDecisionRecordDialog';

// The folder tree comes from the server; here a button stands for it and moves the record to folder f2.
vi.mock('../../../features/folders/FolderSelect', () => ({
  FolderSelect: ({ label, onChange, error }: { label: string; onChange: (id: string) => void; error?: string }) => (
    <>
      <button type="button" onClick={() => onChange('00000000-0000-4000-8000-0000000000f2')}>
        {label}
      </button>
      {error && <span>{error}</span>}
    </>
  ),
}));

const record = {
  id: 'a1',
  version: 2,
  folderId: '00000000-0000-4000-8000-0000000000f1',
  name: 'Legacy VPN',
  refId: 'RA-7',
  description: null,
  justification: 'Replaced next quarter',
  expiryDate: null,
};

function renderForm(editable: boolean, save = vi.fn(async () => ({}))) {
  const onEdit = vi.fn();
  renderWithProviders(
    <DecisionRecordForm
      ns="riskAcceptances"
      record={record}
      editable={editable}
      lockedHint
      update={{ error: null, isPending: false }}
      fields={['approverId']}
      save={save}
      besideFolder={() => <span>Beside the folder</span>}
      onReload={() => {}}
      onEdit={onEdit}
    >
      {() => <span>The kind’s people</span>}
    </DecisionRecordForm>,
  );
  return { save, onEdit };
}

describe('DecisionRecordForm', () => {
  it('saves the shared fields, empty ones as null, and the folder only once moved', async () => {
    const { save, onEdit } = renderForm(true);
    expect(screen.getByText('Beside the folder')).toBeTruthy();
    expect(screen.getByText('The kind’s people')).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: ' Legacy VPN (EU) ' } });
    expect(onEdit).toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(save).toHaveBeenCalledWith({
        id: 'a1',
        version: 2,
        name: 'Legacy VPN (EU)',
        refId: 'RA-7',
        description: null,
        justification: 'Replaced next quarter',
        expiryDate: null,
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Folder' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(save).toHaveBeenLastCalledWith(
        expect.objectContaining({ folderId: '00000000-0000-4000-8000-0000000000f2' }),
      ),
    );
  });

  it('refuses an empty name in the kind’s words, without asking the server', async () => {
    const { save } = renderForm(true);
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: '  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Enter a name')).toBeTruthy();
    expect(save).not.toHaveBeenCalled();
  });

  it('says why a locked record cannot be edited, and offers no save', () => {
    renderForm(false);
    expect(screen.getByText(/Only a risk acceptance in state “created” can be edited/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
  });
});

describe('NewDecisionRecordDialog', () => {
  function renderDialog() {
    const save = vi.fn(async () => ({ id: 'new1' }));
    const open = vi.fn(async () => {});
    renderWithProviders(
      <NewDecisionRecordDialog
        ns="securityExceptions"
        opened
        onClose={() => {}}
        create={{ error: null, isPending: false, reset: () => {} }}
        fields={['severity']}
        save={save}
        open={open}
      >
        {() => <span>The kind’s inputs</span>}
      </NewDecisionRecordDialog>,
    );
    return { save, open, dialog: screen.getByRole('dialog', { name: 'New security exception' }) };
  }

  it('asks for a folder before creating', async () => {
    const { save, dialog } = renderDialog();
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Name' }), { target: { value: 'Legacy VPN' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByText('Choose a folder')).toBeTruthy();
    expect(save).not.toHaveBeenCalled();
  });

  it('creates with the filled fields only, then opens the new record', async () => {
    const { save, open, dialog } = renderDialog();
    expect(within(dialog).getByText('The kind’s inputs')).toBeTruthy();
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Name' }), { target: { value: 'Legacy VPN' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Folder' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(open).toHaveBeenCalledWith('new1'));
    expect(save).toHaveBeenCalledWith({ folderId: '00000000-0000-4000-8000-0000000000f2', name: 'Legacy VPN' });
  });
});
