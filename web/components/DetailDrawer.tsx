import { Drawer, Grid } from 'antd';
import type { ReactNode } from 'react';
import { type QueryState, QueryStatus } from './QueryStatus';

/** The drawer of one record: `width` wide (the full screen on a phone), its query's loading and error, the detail. */
export function DetailDrawer({
  open = true,
  onClose,
  width,
  title,
  testId,
  query,
  children,
}: {
  open?: boolean;
  onClose: () => void;
  width: number;
  title: ReactNode;
  testId: string;
  query: QueryState;
  children: ReactNode;
}) {
  const screens = Grid.useBreakpoint();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={screens.md ? width : '100%'}
      title={title}
      destroyOnHidden
      data-testid={testId}
    >
      <QueryStatus query={query} />
      {children}
    </Drawer>
  );
}
