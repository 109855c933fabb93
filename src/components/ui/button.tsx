import type { ComponentProps } from 'react';
import styles from './button.module.css';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'quiet';
export type ButtonSize = 'medium' | 'small';

interface ButtonLook {
  /** primary: the one main action; secondary: other actions; danger: cannot be undone; quiet: a text-like action. */
  variant?: ButtonVariant;
  size?: ButtonSize;
}

/** The class names of a button's look, for an element that must look like a button (a link). */
export function buttonClassName({ variant = 'secondary', size = 'medium' }: ButtonLook = {}): string {
  return [styles.button, styles[variant], size === 'small' ? styles.small : undefined]
    .filter(Boolean)
    .join(' ');
}

type ButtonProps = ButtonLook & ComponentProps<'button'>;

/**
 * A button in one of the kit's looks. `type` defaults to "button" (a submit button says so).
 * `aria-disabled` keeps a busy button focusable while looking disabled.
 */
export function Button({ variant, size, className, type = 'button', ...button }: ButtonProps) {
  const look = buttonClassName({ variant, size });
  return <button type={type} className={className ? `${look} ${className}` : look} {...button} />;
}
