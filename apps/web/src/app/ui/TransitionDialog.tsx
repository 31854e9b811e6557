import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../forms/errors';

interface TransitionDialogProps {
  opened: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  commentLabel: string;
  commentHint: string;
  danger?: boolean;
  pending: boolean;
  error: unknown;
  onConfirm: (comment: string) => void;
  onClose: () => void;
}

/** Confirms a lifecycle step, with an optional comment that the server keeps in the audit trail. */
export function TransitionDialog(props: TransitionDialogProps) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const close = () => {
    setComment('');
    props.onClose();
  };
  return (
    <Modal opened={props.opened} onClose={close} title={props.title}>
      <Stack>
        <Text size="sm">{props.body}</Text>
        <Textarea
          label={props.commentLabel}
          description={props.commentHint}
          value={comment}
          onChange={(event) => setComment(event.currentTarget.value)}
          maxLength={5000}
          autosize
          minRows={2}
          data-autofocus
        />
        <FormAlert error={props.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('actions.cancel')}
          </Button>
          <Button
            color={props.danger ? 'red.9' : undefined}
            loading={props.pending}
            onClick={() => props.onConfirm(comment.trim())}
          >
            {props.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
