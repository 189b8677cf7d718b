import { useCallback, useState } from 'react';

/**
 * A submit in flight and its last error, for forms that are not a TanStack mutation (the modal kit, the sign-in
 * steps): `submit(action)` clears the error, marks busy and keeps what the action threw; it resolves to whether
 * the action succeeded.
 */
export function useSubmitting() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = useCallback(async (action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, submit };
}
