import { app } from '@azure/functions';

import { loadConfig } from '../config';
import { routes } from '../http/routes';
import { toFunctionHandler } from '../http/toFunctionHandler';
import { createServices } from '../services';
import type { Services } from '../services';
import { timers } from '../timers/timers';
import { toTimerHandler } from '../timers/toTimerHandler';

/** The Azure Functions entry point: registrations only, from the route and timer tables. */

let services: Promise<Services> | undefined;
const getServices = (): Promise<Services> => {
  if (!services) {
    const config = loadConfig();
    services = createServices(config);
    services.catch(() => {
      services = undefined;
    });
  }
  return services;
};

for (const route of routes) {
  app.http(route.name, {
    methods: route.methods,
    route: route.route,
    authLevel: 'anonymous',
    handler: toFunctionHandler(route, getServices),
  });
}

for (const timer of timers) {
  app.timer(timer.name, {
    schedule: timer.schedule,
    runOnStartup: false,
    handler: toTimerHandler(timer, getServices),
  });
}
