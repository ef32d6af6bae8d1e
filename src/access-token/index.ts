/** The access-token action's entry point, as the runner starts it (access-token/action.yml). */
import { run } from './main.js'

await run()
