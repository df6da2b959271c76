/**
 * The app ids of the local stack: its identity issuer signs tokens for this client id, and the
 * local Teams package (scripts/package-app.ts) carries both, so local deep links and tokens match
 * the package a developer sideloads. Here rather than in local/ because the packaging script,
 * which also builds deployable packages, must not import the local host.
 */
export const LOCAL_APP_CLIENT_ID = '00000000-0000-0000-0000-00000000c0de';
export const LOCAL_TEAMS_APP_ID = '00000000-0000-4000-8000-00000000b0a4';
