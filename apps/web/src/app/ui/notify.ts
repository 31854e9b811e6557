import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { i18n } from '../i18n';

// Every toast names its close button (Mantine leaves it unnamed, which axe reports as a critical button-name
// violation while the toast is on screen).
const closeButtonProps = () => ({ 'aria-label': i18n.t('common:actions.close') });

/** A green toast saying something was done. */
export function notifySuccess(message: ReactNode) {
  notifications.show({ message, color: 'green', closeButtonProps: closeButtonProps() });
}

/** A red toast for an action that failed outside a form (a download, a background refresh, a menu action). */
export function notifyFailure(message: ReactNode, title?: string) {
  notifications.show({ ...(title ? { title } : {}), message, color: 'red', closeButtonProps: closeButtonProps() });
}
