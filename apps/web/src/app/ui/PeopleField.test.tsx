import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { PeopleField, type Person } from './PeopleField';

// The member search asks the server; here a button stands for it and "picks" Carol.
vi.mock('./MemberPicker', () => ({
  MemberPicker: ({ label, onChange }: { label: string; onChange: (id: string | null, label?: string) => void }) => (
    <button type="button" onClick={() => onChange('u3', 'Carol <carol@example.com>')}>
      {label}
    </button>
  ),
}));

const alice: Person = { id: 'u1', displayName: 'Alice' };
const bob: Person = { id: 'u2', displayName: 'Bob' };

function renderField(people: Person[], onChange?: (next: Person[]) => void) {
  renderWithProviders(
    <PeopleField
      variant="section"
      label="Owners"
      people={people}
      onChange={onChange}
      addLabel="Add owner"
      removeLabel={(person) => `Remove ${person.displayName}`}
      emptyText="—"
    />,
  );
}

describe('PeopleField', () => {
  it('removes one person and keeps the others', () => {
    const onChange = vi.fn();
    renderField([alice, bob], onChange);
    fireEvent.click(screen.getByRole('button', { name: 'Remove Alice' }));
    expect(onChange).toHaveBeenCalledWith([bob]);
  });

  it('adds the picked member after the others', () => {
    const onChange = vi.fn();
    renderField([alice], onChange);
    fireEvent.click(screen.getByRole('button', { name: 'Add owner' }));
    expect(onChange).toHaveBeenCalledWith([alice, { id: 'u3', displayName: 'Carol <carol@example.com>' }]);
  });

  it('only shows the people to a reader who may not change them', () => {
    renderField([alice]);
    expect(screen.getByText('Alice')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('says when nobody is in the set', () => {
    renderField([], vi.fn());
    expect(screen.getByText('—')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Owners' })).toBeTruthy();
  });
});
