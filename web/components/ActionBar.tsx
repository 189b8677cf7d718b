import { Button, Popconfirm, Space } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

/** One button of an ActionBar. */
export interface BarAction {
  key: string;
  /** the ability that allows it: the button is left out when false */
  show: boolean | undefined;
  label: ReactNode;
  icon: ReactNode;
  onClick: () => void;
  primary?: boolean;
  danger?: boolean;
  loading?: boolean;
  disabled?: boolean;
  testId?: string;
  /** ask first: a Popconfirm with this title, `onClick` when confirmed */
  confirm?: ReactNode;
}

/** The buttons of a detail screen, each shown when its ability allows it; `children` after them (downloads). */
export function ActionBar({
  actions,
  style,
  children,
}: {
  actions: BarAction[];
  style?: CSSProperties;
  children?: ReactNode;
}) {
  return (
    <Space wrap style={style}>
      {actions.map((a) => {
        if (!a.show) return null;
        const button = (
          <Button
            key={a.key}
            type={a.primary ? 'primary' : undefined}
            danger={a.danger}
            icon={a.icon}
            loading={a.loading}
            disabled={a.disabled}
            onClick={a.confirm ? undefined : a.onClick}
            data-testid={a.testId}
          >
            {a.label}
          </Button>
        );
        return a.confirm ? (
          <Popconfirm key={a.key} title={a.confirm} onConfirm={a.onClick}>
            {button}
          </Popconfirm>
        ) : (
          button
        );
      })}
      {children}
    </Space>
  );
}
