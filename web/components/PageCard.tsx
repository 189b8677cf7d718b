import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';

/** A page's heading (h4, no margin), as the title of its card. */
export function PageTitle({ children }: { children: ReactNode }) {
  return (
    <Typography.Title level={4} style={{ margin: 0 }}>
      {children}
    </Typography.Title>
  );
}

/** The card a page sits in: a PageTitle, `extra` beside it, then the page. */
export function PageCard({
  title,
  extra,
  testId,
  children,
}: {
  title: ReactNode;
  extra?: ReactNode;
  testId?: string;
  children?: ReactNode;
}) {
  return (
    <Card title={<PageTitle>{title}</PageTitle>} extra={extra} data-testid={testId}>
      {children}
    </Card>
  );
}
