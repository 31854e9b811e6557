import { Anchor, type AnchorProps } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';

/** A Mantine link to a framework's page; the router's typed params survive (Anchor's `component` loses them). */
export function FrameworkLink({ id, children, ...props }: AnchorProps & { id: string; children: ReactNode }) {
  return (
    <Anchor
      {...props}
      renderRoot={(rootProps) => <Link {...rootProps} to="/library/$frameworkId" params={{ frameworkId: id }} />}
    >
      {children}
    </Anchor>
  );
}
