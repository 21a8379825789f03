import React, { ReactNode } from 'react';
import { IconName } from '@grafana/data';
import { Button, ButtonVariant, LinkButton, Tooltip } from '@grafana/ui';
import { useRegistry } from '../../storage/RegistryContext';

interface Props {
  children: ReactNode;
  /** A link target; otherwise `onClick` runs. */
  href?: string;
  onClick?: () => void;
  icon?: IconName;
  variant?: ButtonVariant;
  /** Another reason to disable the button, shown the same way. */
  disabledReason?: string;
  busy?: boolean;
  type?: 'button' | 'submit';
  'data-testid'?: string;
}

/**
 * A button that changes the registry. Users who cannot save see it disabled, with the reason in a
 * tooltip, so that viewers know what the page would let an admin do and why they cannot.
 */
export function WriteButton({
  children,
  href,
  onClick,
  icon,
  variant = 'primary',
  disabledReason,
  busy,
  type = 'button',
  ...rest
}: Props) {
  const { canWrite, readOnlyReason } = useRegistry();
  const reason = canWrite ? disabledReason : readOnlyReason;
  const testId = rest['data-testid'];
  if (reason) {
    return (
      <Tooltip content={reason}>
        <span>
          <Button icon={icon} variant={variant} disabled data-testid={testId} type="button">
            {children}
          </Button>
        </span>
      </Tooltip>
    );
  }
  if (href) {
    return (
      <LinkButton href={href} icon={icon} variant={variant} data-testid={testId}>
        {children}
      </LinkButton>
    );
  }
  return (
    <Button
      icon={busy ? 'spinner' : icon}
      variant={variant}
      onClick={onClick}
      disabled={busy}
      type={type}
      data-testid={testId}
    >
      {children}
    </Button>
  );
}
