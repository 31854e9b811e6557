import { FormAlert } from '../forms/errors';
import { PeopleField, type Person } from './PeopleField';

interface OwnersFieldProps {
  record: { id: string; version: number; owners: readonly Person[]; abilities: { update: boolean } };
  /** The record's update, asked for the owners alone. */
  update: {
    mutateAsync: (body: { id: string; version: number; ownerIds: string[] }) => Promise<unknown>;
    error: unknown;
  };
  onReload: () => void;
  label: string;
  addLabel: string;
  removeLabel: (owner: Person) => string;
}

/**
 * A record's owners, a section of its page: saved as soon as someone is picked or removed (the whole set, with the
 * record's version); a version conflict offers a reload above the pills.
 */
export function OwnersField({ record, update, onReload, label, addLabel, removeLabel }: OwnersFieldProps) {
  return (
    <PeopleField
      variant="section"
      label={label}
      people={record.owners}
      onChange={
        record.abilities.update
          ? (next) =>
              update
                .mutateAsync({ id: record.id, version: record.version, ownerIds: next.map((p) => p.id) })
                .catch(() => {})
          : undefined
      }
      addLabel={addLabel}
      removeLabel={removeLabel}
      emptyText="—"
      alert={<FormAlert error={update.error} onReload={onReload} />}
    />
  );
}
