import { Button, Group, Modal, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert, fieldErrorsOf } from '../../app/forms/errors';
import { notifySuccess } from '../../app/ui/notify';
import { FolderSelect } from '../folders/FolderSelect';
import { startingDefinition } from './default-definition';
import { useBuiltinMatrices, useCreateMatrix } from './use-risk-matrices';

const sizes = ['2', '3', '4', '5', '6'];

/** A new matrix from a size (a starting grid to edit) or copied from a built-in; leads to its page. */
export function NewMatrixDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation(['riskMatrices', 'common']);
  const create = useCreateMatrix();
  const builtins = useBuiltinMatrices();
  const navigate = useNavigate();
  const [mode, setMode] = useState<'size' | 'copy'>('size');
  const [size, setSize] = useState<string | null>('5');
  const [copyFromId, setCopyFromId] = useState<string | null>(null);
  const [folderId, setFolderId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [nameMissing, setNameMissing] = useState(false);
  const errors = fieldErrorsOf(create.error);
  const close = () => {
    create.reset();
    onClose();
  };

  const submit = async () => {
    if (mode === 'size' && name.trim() === '') {
      setNameMissing(true);
      return;
    }
    const n = Number(size ?? '5');
    const label = (kind: 'probability' | 'impact' | 'level', k: number) => t(`starting.${kind}`, { n: k });
    const matrix = await create.mutateAsync({
      folderId: folderId ?? '',
      ...(name.trim() ? { name: name.trim() } : {}),
      ...(mode === 'copy' ? { copyFromId: copyFromId ?? '' } : { definition: startingDefinition(n, label) }),
    });
    notifySuccess(t('created'));
    close();
    await navigate({ to: '/risk-matrices/$matrixId', params: { matrixId: matrix?.id ?? '' } });
  };

  return (
    <Modal opened={opened} onClose={close} title={t('createTitle')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit().catch(() => {});
        }}
      >
        <Stack>
          <FormAlert error={create.error} fields={['name', 'folderId', 'copyFromId']} />
          <SegmentedControl
            aria-label={t('startFrom')}
            value={mode}
            onChange={(v) => setMode(v as 'size' | 'copy')}
            data={[
              { value: 'size', label: t('fromSize') },
              { value: 'copy', label: t('fromBuiltin') },
            ]}
          />
          {mode === 'size' ? (
            <Select
              label={t('size')}
              data={sizes.map((s) => ({ value: s, label: `${s} × ${s}` }))}
              value={size}
              onChange={setSize}
              allowDeselect={false}
            />
          ) : (
            <Select
              label={t('copyOf')}
              data={(builtins.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
              value={copyFromId}
              onChange={setCopyFromId}
              required
              error={errors.copyFromId}
            />
          )}
          <TextInput
            label={t('fields.name')}
            description={mode === 'copy' ? t('copyNameHint') : undefined}
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              setNameMissing(false);
            }}
            required={mode === 'size'}
            maxLength={300}
            error={nameMissing ? t('validation.required') : errors.name}
          />
          <FolderSelect
            label={t('fields.folder')}
            value={folderId}
            onChange={setFolderId}
            required
            error={errors.folderId}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={mode === 'copy' && !copyFromId}>
              {t('common:actions.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
