/**
 * The rotation (src/rotation/rotate.ts), for tests of the action's door: each test says what it
 * does with the dependencies and events it is given, and which outcome it returns.
 */
import { jest } from '@jest/globals'
import type * as rotation from '../src/rotation/rotate.js'

export const rotate = jest.fn<typeof rotation.rotate>()
