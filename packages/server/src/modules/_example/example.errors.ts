import { defineErrorCodes } from '../../platform/errors.js';

/**
 * The example's domain error codes, inside the platform's families. Real modules pick free
 * numbers in their family (the boot check refuses a number two modules claim); the example
 * uses the x9x range so it never takes a number a real module wants.
 */
export const exampleErrors = defineErrorCodes('example', {
  WIDGET_NAME_TAKEN: {
    family: 'CONFLICT',
    api: 40991,
    description: 'The owner already has a widget of that name',
  },
  WIDGET_SELF_REVIEW: {
    family: 'FORBIDDEN',
    api: 40391,
    description: 'Nobody approves or rejects their own widget (four-eyes rule)',
  },
});
