/** The action's entry point, as the runner starts it (`runs.main` in action.yml). */
import { run } from './action/main.js'

await run()
