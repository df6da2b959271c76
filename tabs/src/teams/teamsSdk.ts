/** The parts of teams-js the tab uses; loaded on demand, only when the tab sits in a frame. */
export { app, authentication, pages } from '@microsoft/teams-js';
