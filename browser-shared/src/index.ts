/**
 * What the form scripts (webresources/) and the PCF controls share: the ports between our code and
 * the Xrm / PCF client APIs, the user-facing strings, the configuration row and the data loaders.
 * Browser code only: nothing here reaches the backend.
 */
export * from './xrm/ports';
export * from './xrm/errors';
export * from './xrm/user';
export * from './xrm/custom-api';
export * from './i18n/strings';
export * from './shared/configuration';
export * from './shared/pcf-data';
export * from './shared/counter';
export * from './shared/metadata';
export * from './shared/merge-data';
