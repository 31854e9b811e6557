import { ActionIcon, Group, Pill, Stack, Text, Title } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
// Every people field in the app picks through the one member search.
import { MemberPicker } from './MemberPicker';

export interface Person {
  id: string;
  displayName: string;
}

interface PeopleFieldProps {
  /** What these people are (Owners, Authors, …). */
  label: string;
  /**
   * `section`: a heading of the record's page, for sets saved as soon as they change (owners of a control).
   * `field`: a form field's label, for sets held in a form's state until it is submitted (reviewers in a dialog).
   */
  variant: 'section' | 'field';
  people: readonly Person[];
  /** The whole new set after a pick or a removal; absent when the reader may not change it. */
  onChange?: (next: Person[]) => void;
  /** The picker's label. */
  addLabel: string;
  /** The remove button's accessible name for one person. */
  removeLabel: (person: Person) => string;
  /** Shown instead of the pills when nobody is in the set. */
  emptyText: string;
  /** Between the label and the pills: typically the save's error (a version conflict offers a reload there). */
  alert?: ReactNode;
}

/** A set of members: pills to remove, a member picker to add. Whether a change saves at once is the caller's choice. */
export function PeopleField({
  label,
  variant,
  people,
  onChange,
  addLabel,
  removeLabel,
  emptyText,
  alert,
}: PeopleFieldProps) {
  const section = variant === 'section';
  return (
    <Stack gap={section ? 'xs' : 4}>
      {section ? (
        <Title order={2} size="h4">
          {label}
        </Title>
      ) : (
        <Text size="sm" fw={500}>
          {label}
        </Text>
      )}
      {alert}
      {people.length === 0 ? (
        <Text c="dimmed" size="sm">
          {emptyText}
        </Text>
      ) : (
        <Group gap="xs">
          {people.map((person) => (
            <Pill key={person.id} size={section ? 'lg' : 'md'}>
              <Group gap={4} wrap="nowrap">
                <span>{person.displayName}</span>
                {onChange && (
                  <ActionIcon
                    size="xs"
                    variant="subtle"
                    aria-label={removeLabel(person)}
                    onClick={() => onChange(people.filter((p) => p.id !== person.id))}
                  >
                    <IconX size={12} aria-hidden />
                  </ActionIcon>
                )}
              </Group>
            </Pill>
          ))}
        </Group>
      )}
      {onChange && (
        <MemberPicker
          label={addLabel}
          value={null}
          exclude={new Set(people.map((p) => p.id))}
          onChange={(id, pickedLabel) => {
            if (id) onChange([...people, { id, displayName: pickedLabel ?? id }]);
          }}
        />
      )}
    </Stack>
  );
}
