/** Local mode: who you chose in "Sign in as", kept for this browser tab only. */

export interface LocalSignIn {
  userId: string;
  displayName: string;
}

const KEY = 'careerBoard.signedInAs';

export function readLocalSignIn(storage: Storage = sessionStorage): LocalSignIn | null {
  try {
    const raw = storage.getItem(KEY);
    if (!raw) return null;
    const value: unknown = JSON.parse(raw);
    if (
      typeof value === 'object' &&
      value !== null &&
      typeof (value as LocalSignIn).userId === 'string' &&
      typeof (value as LocalSignIn).displayName === 'string'
    ) {
      return {
        userId: (value as LocalSignIn).userId,
        displayName: (value as LocalSignIn).displayName,
      };
    }
    return null;
  } catch {
    return null;
  }
}

export function writeLocalSignIn(signIn: LocalSignIn, storage: Storage = sessionStorage): void {
  storage.setItem(KEY, JSON.stringify(signIn));
}

export function clearLocalSignIn(storage: Storage = sessionStorage): void {
  storage.removeItem(KEY);
}
