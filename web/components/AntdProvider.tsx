import { App, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#1d5fbf',
    colorLink: '#1d5fbf',
    colorInfo: '#1d5fbf',
    // WCAG AA contrast (4.5:1 on white, axe-core's color-contrast): antd's greys for secondary text (45 %),
    // placeholders (25 %) and its success green on a light tag fall short of it
    colorTextSecondary: '#595959',
    colorTextDescription: '#595959',
    colorTextTertiary: '#6b6b6b',
    colorTextPlaceholder: '#6b6b6b',
    colorError: '#cf1322',
    borderRadius: 4,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif",
  },
};

/**
 * antd's locale (zhCN / enUS, following the UI language), theme, and App (message / notification /
 * modal). It wraps the signed-in shell and the few antd screens outside it — not the login page,
 * which is plain HTML so that the first download stays small.
 */
export function AntdProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  // Calendars and date pickers take month and weekday names (and the first day of the week) from dayjs.
  dayjs.locale(i18n.language === 'en' ? 'en' : 'zh-cn');
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={THEME}>
      <App>{children}</App>
    </ConfigProvider>
  );
}
