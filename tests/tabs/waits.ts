import { configure } from '@testing-library/react';

/**
 * Parts of the board load after its first paint (the side column, conversations); on a loaded CI
 * machine that can take longer than Testing Library's default 1 s wait. Set after the test
 * framework is installed (setupFilesAfterEnv): importing Testing Library earlier would stop it
 * registering its cleanup after each test.
 */
configure({ asyncUtilTimeout: 5000 });
