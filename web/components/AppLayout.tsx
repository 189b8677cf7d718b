import {
  LogoutOutlined,
  MenuOutlined,
  SearchOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Drawer,
  Dropdown,
  Grid,
  Input,
  Layout,
  Menu,
  type MenuProps,
  Segmented,
  Space,
  Tag,
  Typography,
} from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import type { Lang } from '../../common/errors';
import { ROLE_LABELS } from '../../common/roles';
import { hasPermission } from '../access';
import { logout, SESSION_KEY } from '../api/session';
import { changeLanguage, LANGUAGES, label } from '../i18n';
import { MY_WORK, PAGES, pageOf } from '../pages';
import { AntdProvider } from './AntdProvider';
import { FullPageSpin, useCurrentUser } from './guards';
import { NotificationBell } from './NotificationBell';

const { Header, Sider, Content } = Layout;

function LanguageSwitch({ size }: { size?: 'small' | 'middle' }) {
  const { i18n } = useTranslation();
  return (
    <Segmented<Lang>
      size={size}
      value={i18n.language === 'en' ? 'en' : 'zh-CN'}
      options={LANGUAGES.map((l) => ({ value: l.value, label: l.label }))}
      onChange={(value) => void changeLanguage(value)}
    />
  );
}

/** The shell: menu of the pages the user may open, header with who is signed in, language, sign-out. */
export default function AppLayout() {
  // antd (locale, theme, message / notification / modal) starts here, not on the login page.
  return (
    <AntdProvider>
      <Shell />
    </AntdProvider>
  );
}

function Shell() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const screens = Grid.useBreakpoint();
  const isMobile = screens.md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();

  const items: MenuProps['items'] = useMemo(
    () => [
      ...(hasPermission(user, MY_WORK.permission)
        ? [{ key: MY_WORK.path, icon: MY_WORK.icon, label: t(MY_WORK.label) }]
        : []),
      ...PAGES.filter((page) => !page.hidden && hasPermission(user, page.permission)).map((page) => ({
        key: page.path,
        icon: page.icon,
        label: t(page.label),
      })),
    ],
    [user, t],
  );
  const selected = location.pathname === '/' ? '/' : pageOf(location.pathname)?.path;
  const canSearch = hasPermission(user, 'search:read');
  const canPrefs = hasPermission(user, 'notifications:read');
  const onSearch = (value: string) => {
    const q = value.trim();
    if (q) navigate(`/search?q=${encodeURIComponent(q)}`);
  };
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh-CN';

  const onMenu: MenuProps['onClick'] = ({ key }) => {
    setDrawerOpen(false);
    navigate(key);
  };

  const onLogout = async () => {
    try {
      await logout();
    } finally {
      queryClient.removeQueries();
      queryClient.setQueryData(SESSION_KEY, null);
      message.success(t('app.loggedOut'));
      navigate('/login', { replace: true });
    }
  };

  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      onClick={onMenu}
      data-testid="main-menu"
    />
  );
  const brand = (
    <div className="liaison-brand">
      <TeamOutlined />
      {!collapsed || isMobile ? <span>{t('app.title')}</span> : null}
    </div>
  );
  const roleTag = <Tag color="blue">{label(ROLE_LABELS[user.role], lang)}</Tag>;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {isMobile ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={240}
          closable={false}
          styles={{ body: { padding: 0, background: '#001529' }, header: { display: 'none' } }}
        >
          {brand}
          {menu}
        </Drawer>
      ) : (
        <Sider
          breakpoint="lg"
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          width={216}
          style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        >
          {brand}
          {menu}
        </Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Header className="liaison-header" style={{ padding: '0 16px', background: '#fff' }}>
          {isMobile ? (
            <>
              <Button
                type="text"
                icon={<MenuOutlined />}
                aria-label={t('app.menu')}
                data-testid="menu-toggle"
                onClick={() => setDrawerOpen(true)}
              />
              <Typography.Text strong style={{ fontSize: 16 }}>
                {t('app.title')}
              </Typography.Text>
            </>
          ) : screens.xl ? (
            <Typography.Text type="secondary" ellipsis className="liaison-header-subtitle">
              {t('app.subtitle')}
            </Typography.Text>
          ) : null}
          <div className="liaison-header-spacer" />
          {canSearch && !isMobile ? (
            <Input.Search
              size="small"
              allowClear
              maxLength={50}
              placeholder={t('search.placeholder')}
              aria-label={t('search.placeholder')}
              style={{ width: screens.xl ? 240 : 160 }}
              onSearch={onSearch}
              data-testid="header-search"
            />
          ) : null}
          {canSearch && isMobile ? (
            <Button
              type="text"
              icon={<SearchOutlined />}
              aria-label={t('search.title')}
              onClick={() => navigate('/search')}
              data-testid="header-search-button"
            />
          ) : null}
          {hasPermission(user, 'notifications:read') ? <NotificationBell /> : null}
          {isMobile ? (
            <Dropdown
              trigger={['click']}
              popupRender={() => (
                <div
                  style={{
                    background: '#fff',
                    padding: 12,
                    borderRadius: 6,
                    boxShadow: '0 6px 16px rgba(0,0,0,0.12)',
                    minWidth: 220,
                  }}
                >
                  <Space orientation="vertical" size={8} style={{ width: '100%' }}>
                    <Typography.Text strong>{user.displayName}</Typography.Text>
                    <Typography.Text type="secondary">{user.organisation.name}</Typography.Text>
                    {roleTag}
                    <LanguageSwitch size="small" />
                    {canPrefs ? (
                      <Button
                        block
                        icon={<SettingOutlined />}
                        onClick={() => navigate('/notifications/preferences')}
                        data-testid="user-preferences"
                      >
                        {t('nav.preferences')}
                      </Button>
                    ) : null}
                    <Button block icon={<LogoutOutlined />} onClick={() => void onLogout()}>
                      {t('app.logout')}
                    </Button>
                  </Space>
                </div>
              )}
            >
              <Button
                type="text"
                icon={<UserOutlined />}
                aria-label={user.displayName}
                data-testid="user-menu"
              />
            </Dropdown>
          ) : (
            <Space size={12} wrap={false}>
              <Space size={4} style={{ whiteSpace: 'nowrap' }}>
                <UserOutlined />
                <Typography.Text strong data-testid="user-name">
                  {user.displayName}
                </Typography.Text>
              </Space>
              {screens.lg ? (
                <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                  {user.organisation.name}
                </Typography.Text>
              ) : null}
              {roleTag}
              <LanguageSwitch size="small" />
              {canPrefs ? (
                <Button
                  type="text"
                  icon={<SettingOutlined />}
                  aria-label={t('nav.preferences')}
                  title={t('nav.preferences')}
                  onClick={() => navigate('/notifications/preferences')}
                  data-testid="user-preferences"
                />
              ) : null}
              <Button icon={<LogoutOutlined />} onClick={() => void onLogout()}>
                {t('app.logout')}
              </Button>
            </Space>
          )}
        </Header>
        <Content className="liaison-content">
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
