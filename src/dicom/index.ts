export * from './attributes';
export * from './dateTime';
export * from './nameSearch';
export * from './personName';
export * from './records';
export * from './sopClass';
export * from './tags';
export * from './workitem';
