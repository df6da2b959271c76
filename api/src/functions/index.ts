import { app } from '@azure/functions';

import { loadConfig } from '../config';
import { routes } from './routes';
import { toFunctionHandler } from './toFunctionHandler';
import { createServices } from '../services';
import { timers } from './timers';
import { toTimerHandler } from './toTimerHandler';
import { lazyServices } from './lazyServices';
import { QUEUE_CONNECTION, toQueueHandler } from './queueTrigger';
import { queueTriggers } from './queueTriggers';

/** The Azure Functions entry point: registrations only, from the route, timer and queue tables. */

const getServices = lazyServices(() => loadConfig(), createServices);

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

for (const trigger of queueTriggers) {
  app.storageQueue(trigger.name, {
    queueName: trigger.queueName,
    connection: QUEUE_CONNECTION,
    handler: toQueueHandler(trigger, getServices),
  });
}
