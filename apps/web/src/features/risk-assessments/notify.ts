import { notifications } from '@mantine/notifications';
import { i18n } from '../../app/i18n';

/** A success toast whose close button has an accessible name. */
export function notifySuccess(message: string) {
  notifications.show({
    message,
    color: 'green',
    closeButtonProps: { 'aria-label': i18n.t('common:actions.close') },
  });
}
