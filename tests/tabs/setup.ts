// Placeholder until the tab's test setup lands.
export {};
