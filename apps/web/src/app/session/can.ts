import { useMemo } from 'react';
import { useMe } from './me';

/**
 * What the caller may do in the current organisation, from /auth/me: `everywhere` for a permission held on the
 * whole organisation (its root folder), `somewhere` for one held on at least one folder. The UI uses it only to
 * hide what would be refused; the server decides.
 */
export interface Can {
  everywhere(permission: string): boolean;
  somewhere(permission: string): boolean;
}

export function useCan(): Can {
  const { permissions } = useMe();
  return useMemo(() => {
    const organizationWide = new Set(permissions?.organizationWide ?? []);
    const somewhere = new Set(permissions?.somewhere ?? []);
    return {
      everywhere: (permission) => organizationWide.has(permission),
      somewhere: (permission) => somewhere.has(permission) || organizationWide.has(permission),
    };
  }, [permissions]);
}
