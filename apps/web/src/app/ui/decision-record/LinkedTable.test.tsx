import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { LinkedTable } from './LinkedTable';

interface Control {
  id: string;
  name: string;
}

function renderTable({ items, editable, picked = false }: { items: Control[]; editable: boolean; picked?: boolean }) {
  const onRemove = vi.fn();
  const onAdd = vi.fn();
  renderWithProviders(
    <LinkedTable
      title="Applied controls"
      emptyText="No applied control linked."
      items={items}
      columns={[{ id: 'name', header: 'Name', cell: (c) => c.name }]}
      rowKey={(c) => c.id}
      editable={editable}
      error={null}
      removeLabel={(c) => `Unlink ${c.name}`}
      onRemove={onRemove}
      pickers={<span>The picker</span>}
      add={{ label: 'Link', icon: null, picked, pending: false, onAdd }}
    />,
  );
  return { onRemove, onAdd };
}

describe('LinkedTable', () => {
  it('lists the links with a remove button each, and adds once something is picked', () => {
    const { onRemove, onAdd } = renderTable({ items: [{ id: 'c1', name: 'MFA' }], editable: true, picked: true });
    expect(screen.getByRole('heading', { name: 'Applied controls' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: 'MFA' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Unlink MFA' }));
    expect(onRemove).toHaveBeenCalledWith({ id: 'c1', name: 'MFA' });
    fireEvent.click(screen.getByRole('button', { name: 'Link' }));
    expect(onAdd).toHaveBeenCalled();
  });

  it('holds the add button back until something is picked', () => {
    renderTable({ items: [], editable: true });
    expect(screen.getByText('No applied control linked.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Link' })).toHaveProperty('disabled', true);
  });

  it('only shows the links of a record that cannot be edited', () => {
    renderTable({ items: [{ id: 'c1', name: 'MFA' }], editable: false });
    expect(screen.getByRole('cell', { name: 'MFA' })).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByText('The picker')).toBeNull();
  });
});
