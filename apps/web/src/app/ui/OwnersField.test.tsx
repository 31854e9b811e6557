import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { OwnersField } from './OwnersField';

// The member search asks the server; here a button stands for it and "picks" Carol.
vi.mock('./MemberPicker', () => ({
  MemberPicker: ({ label, onChange }: { label: string; onChange: (id: string | null, label?: string) => void }) => (
    <button type="button" onClick={() => onChange('u3', 'Carol <carol@example.com>')}>
      {label}
    </button>
  ),
}));

function renderOwners(update: boolean) {
  const mutateAsync = vi.fn(async () => ({}));
  renderWithProviders(
    <OwnersField
      record={{ id: 'c1', version: 4, owners: [{ id: 'u1', displayName: 'Alice' }], abilities: { update } }}
      update={{ mutateAsync, error: null }}
      onReload={() => {}}
      label="Owners"
      addLabel="Add owner"
      removeLabel={(owner) => `Remove ${owner.displayName}`}
    />,
  );
  return mutateAsync;
}

describe('OwnersField', () => {
  it('saves the whole new set with the record’s version as soon as someone is picked or removed', () => {
    const mutateAsync = renderOwners(true);
    fireEvent.click(screen.getByRole('button', { name: 'Add owner' }));
    expect(mutateAsync).toHaveBeenLastCalledWith({ id: 'c1', version: 4, ownerIds: ['u1', 'u3'] });
    fireEvent.click(screen.getByRole('button', { name: 'Remove Alice' }));
    expect(mutateAsync).toHaveBeenLastCalledWith({ id: 'c1', version: 4, ownerIds: [] });
  });

  it('only shows the owners to a reader who may not change the record', () => {
    renderOwners(false);
    expect(screen.getByText('Alice')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
