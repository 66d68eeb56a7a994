/** The IPC contract and the pieces generated from it; the only module the preload imports. */
export * from './contract';
export * from './result';
export * from './bridge';
export * from './dispatch';
export * from './schemas/app';
export * from './schemas/candidates';
export * from './schemas/preview';
