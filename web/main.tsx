import './i18n';
import './styles.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18next from 'i18next';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { ApiError, setUnauthenticatedHandler } from './api/client';
import { SESSION_KEY } from './api/session';
import { AppRoutes, preloadRoute } from './routes';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: false,
      // A 4xx will not get better by asking again.
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});

// A lost session (or a password that must be changed first) sends the user back to the login page:
// asking /auth/me again turns the guard's answer into a redirect.
setUnauthenticatedHandler(() => {
  void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
});

// Some words come from the server in the reader's language (my-work titles, the dashboard's cells): a switch of
// language asks for them again (the API client sends the new Accept-Language by then).
i18next.on('languageChanged', () => {
  void queryClient.invalidateQueries();
});

preloadRoute(window.location.pathname);

const container = document.getElementById('root');
if (!container) throw new Error('#root missing from index.html');
createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
