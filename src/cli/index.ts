#!/usr/bin/env node
/** The command line tool's entry point (package.json "bin"): `atlassian-token-rotation <command>`. */
import { defaultCliDependencies } from './context.js'
import { runCli } from './main.js'

process.exitCode = await runCli(process.argv.slice(2), defaultCliDependencies())
