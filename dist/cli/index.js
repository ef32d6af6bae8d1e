#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 8551:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   FO: () => (/* binding */ exitCodeOf),
/* harmony export */   ZJ: () => (/* binding */ EXIT_CODE_HELP),
/* harmony export */   dc: () => (/* binding */ EXIT),
/* harmony export */   z1: () => (/* binding */ CliError)
/* harmony export */ });
/* harmony import */ var _common_settings_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2888);
/* harmony import */ var _wording_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(9278);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(1922);
/**
 * The command line tool's exit codes: one per kind of outcome a script (or a person) acts on
 * differently. Each command declares the ones it returns (CommandSpec.exitCodes); its --help lists
 * those, and the README all of them.
 */



const EXIT = {
    /** Done. */
    OK: 0,
    /** Something this tool did not foresee: a bug, or an environment it does not know. */
    UNEXPECTED: 1,
    /** A flag or environment variable is missing or malformed; nothing was sent. */
    USAGE: 2,
    /** The consent produced no usable code: declined, a state mismatch, a bad address, timed out. */
    AUTHORIZATION: 3,
    /** Atlassian refused or could not be reached (token endpoint, list of sites). */
    ATLASSIAN: 4,
    /** GitHub refused or could not be reached (token, permission, secret, variable). */
    GITHUB: 5,
    /**
     * A new refresh token was issued but the secret does not (or may not) hold it: it could not be
     * stored, or another rotation wrote the secret too. Its sealed copy is printed.
     */
    NOT_STORED: 6,
    /** Another rotation rewrote the secret after the token given was read: it was not sent. */
    SUPERSEDED: 7,
    /**
     * The lock next to the secret was held for the whole wait, or was abandoned by a rotation that
     * may have spent the token: nothing was sent.
     */
    LOCK_HELD: 8,
    /** `status`: the integration works, but something will stop it unless someone acts. */
    AT_RISK: 9,
    /** `status`: the refresh token (or the whole consent) is most likely dead: consent again. */
    DEAD: 10,
    /** Interrupted (Ctrl-C), by the shell's convention 128 + SIGINT. */
    INTERRUPTED: 130,
};
/** For --help and the README: what each code means, in one line. */
const EXIT_CODE_HELP = [
    [EXIT.OK, 'done'],
    [EXIT.UNEXPECTED, 'unexpected failure (please report it), or an environment it cannot start in'],
    [EXIT.USAGE, 'usage: a flag or environment variable is missing or wrong; nothing was sent'],
    [
        EXIT.AUTHORIZATION,
        'no usable consent: declined, state mismatch, bad pasted address, or timed out',
    ],
    [EXIT.ATLASSIAN, 'Atlassian refused or was unreachable (token endpoint, sites)'],
    [EXIT.GITHUB, 'GitHub refused or was unreachable (token, permission, secret, variable)'],
    [
        EXIT.NOT_STORED,
        'a new refresh token was issued but the secret does not (or may not) hold it: its sealed copy is printed',
    ],
    [
        EXIT.SUPERSEDED,
        'another rotation rewrote the secret since the token given was read: it was not sent (nothing lost)',
    ],
    [
        EXIT.LOCK_HELD,
        'the lock next to the secret stayed held, or was abandoned by a rotation that may have spent the token: nothing was sent',
    ],
    [
        EXIT.AT_RISK,
        'status: at risk; it works now, but stops unless someone acts (the reasons say what)',
    ],
    [EXIT.DEAD, 'status: dead; the refresh token or its consent is past its limit: consent again'],
    [EXIT.INTERRUPTED, 'interrupted (Ctrl-C)'],
];
/**
 * A failure of the tool itself (usage, the local callback), with its exit code and next step: the
 * parts of the one failure shape (./failure.ts).
 */
class CliError extends Error {
    exitCode;
    name = 'CliError';
    /** What happened and what to do, with the settings they name kept as data. */
    said;
    next;
    /** Where the token is now, when the failure leaves one at stake. */
    state;
    constructor(exitCode, message, nextStep, options) {
        const said = (0,_common_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .asText */ .e1)(message);
        super((0,_common_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .word */ .Vm)(said, (0,_wording_js__WEBPACK_IMPORTED_MODULE_1__/* .cliWording */ .F)()), options);
        this.exitCode = exitCode;
        this.said = said;
        this.next = (0,_common_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .asText */ .e1)(nextStep);
        this.state = options?.state === undefined ? undefined : (0,_common_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .asText */ .e1)(options.state);
    }
}
const BY_CODE = {
    INVALID_INPUT: EXIT.USAGE,
    AUTHORIZATION_DENIED: EXIT.AUTHORIZATION,
    STATE_MISMATCH: EXIT.AUTHORIZATION,
    AUTHORIZATION_RESPONSE_INVALID: EXIT.AUTHORIZATION,
    NO_REFRESH_TOKEN: EXIT.ATLASSIAN,
    OAUTH_INVALID_GRANT: EXIT.ATLASSIAN,
    OAUTH_INVALID_CLIENT: EXIT.ATLASSIAN,
    OAUTH_ERROR: EXIT.ATLASSIAN,
    TOKEN_ENDPOINT_UNREACHABLE: EXIT.ATLASSIAN,
    TOKEN_ENDPOINT_HTTP: EXIT.ATLASSIAN,
    INVALID_TOKEN_RESPONSE: EXIT.ATLASSIAN,
    SITES_UNAVAILABLE: EXIT.ATLASSIAN,
    SITE_NOT_REACHED: EXIT.ATLASSIAN,
    GITHUB_AUTH: EXIT.GITHUB,
    GITHUB_FORBIDDEN: EXIT.GITHUB,
    GITHUB_NOT_FOUND: EXIT.GITHUB,
    GITHUB_NOT_API: EXIT.GITHUB,
    GITHUB_RATE_LIMITED: EXIT.GITHUB,
    GITHUB_REJECTED_VALUE: EXIT.GITHUB,
    GITHUB_UNEXPECTED: EXIT.GITHUB,
    GITHUB_UNREACHABLE: EXIT.GITHUB,
    SUPERSEDED: EXIT.SUPERSEDED,
    TOKEN_AGE_UNKNOWN: EXIT.USAGE,
    ROTATIONS_OVERLAPPED: EXIT.NOT_STORED,
    LOCK_HELD: EXIT.LOCK_HELD,
    LOCK_ABANDONED: EXIT.LOCK_HELD,
    LOCK_TIME_UP: EXIT.GITHUB,
    RUNNER_FILE: EXIT.UNEXPECTED,
    CANCELLED: EXIT.INTERRUPTED,
    UNEXPECTED: EXIT.UNEXPECTED,
};
function exitCodeOf(error) {
    if (error instanceof CliError)
        return error.exitCode;
    if (error instanceof _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ)
        return BY_CODE[error.code];
    return EXIT.UNEXPECTED;
}


/***/ }),

/***/ 2372:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   N7: () => (/* binding */ reportError),
/* harmony export */   xV: () => (/* binding */ reportFailure)
/* harmony export */ });
/* unused harmony exports failureText, failureOf */
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1922);
/* harmony import */ var _common_settings_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2888);
/* harmony import */ var _exit_codes_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8551);
/* harmony import */ var _options_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(776);
/**
 * The one shape of every failure the command line tool reports, whichever command, check or
 * refusal it comes from (the dispatcher's usage errors, a flag's, an input's, a refusal from
 * Atlassian or GitHub, a bug):
 *
 *   error: <what happened>
 *   <more of what happened, and where the token is now when one is at stake>
 *   Next step: <what to do now>
 *   <what the next step refers to: a command to run, the recovery value>
 *
 * "error: " opens it, so that it stands out among progress lines (and `grep '^error: '` finds
 * it); "Next step: " is never missing, because a person reading a failure at 2 a.m. needs one.
 * Nothing else in the tool prints either: every failure goes through {@link reportFailure}.
 */




/** The failure's lines, in the one shape; settings are worded by the terminal that prints them. */
function failureText(failure) {
    const parts = [(0,_common_settings_js__WEBPACK_IMPORTED_MODULE_1__/* .concat */ .xW)(['error: ', failure.said])];
    if (failure.state !== undefined)
        parts.push((0,_common_settings_js__WEBPACK_IMPORTED_MODULE_1__/* .asText */ .e1)(failure.state));
    parts.push((0,_common_settings_js__WEBPACK_IMPORTED_MODULE_1__/* .concat */ .xW)(['Next step: ', failure.next]));
    if (failure.after !== undefined)
        parts.push((0,_common_settings_js__WEBPACK_IMPORTED_MODULE_1__/* .asText */ .e1)(failure.after));
    return (0,_common_settings_js__WEBPACK_IMPORTED_MODULE_1__/* .concat */ .xW)(parts, '\n');
}
/** What a thrown error says, as a failure: the tool's and the rotation's own, or a bug. */
function failureOf(error) {
    if (error instanceof _exit_codes_js__WEBPACK_IMPORTED_MODULE_2__/* .CliError */ .z1) {
        return { said: error.said, state: error.state, next: error.next };
    }
    if (error instanceof _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ)
        return { said: error.said, next: error.next };
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return {
        said: `Unexpected failure: ${detail}`,
        next: `Run it again; if it fails the same way, open an issue at the ${_options_js__WEBPACK_IMPORTED_MODULE_3__/* .TOOL */ .js} repository with this output (secrets are removed from it).`,
    };
}
/** Prints a failure (or a thrown error, as a failure) on standard error, scrubbed of secrets. */
function reportFailure(terminal, failure) {
    terminal.say(failureText(failure));
}
function reportError(terminal, error) {
    reportFailure(terminal, failureOf(error));
}


/***/ }),

/***/ 486:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _exit_codes_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8551);
/* harmony import */ var _failure_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2372);
/* harmony import */ var _options_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(776);
/* harmony import */ var _terminal_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(6909);
/** The command line tool's entry point (package.json "bin"): `atlassian-token-rotation <command>`. */




let started = false;
try {
    // Imported here, not above: the toolkit reads the environment as it loads (a proxy variable
    // that is not a URL throws there), and that failure too must be reported in the one shape.
    const { defaultCliDependencies } = await Promise.all(/* import() */[__nccwpck_require__.e(766), __nccwpck_require__.e(217)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5217));
    const { runCli } = await Promise.all(/* import() */[__nccwpck_require__.e(766), __nccwpck_require__.e(217), __nccwpck_require__.e(34)]).then(__nccwpck_require__.bind(__nccwpck_require__, 4034));
    started = true;
    process.exitCode = await runCli(process.argv.slice(2), defaultCliDependencies());
}
catch (error) {
    const terminal = new _terminal_js__WEBPACK_IMPORTED_MODULE_3__/* .Terminal */ .B(process);
    if (started) {
        (0,_failure_js__WEBPACK_IMPORTED_MODULE_1__/* .reportError */ .N7)(terminal, error);
    }
    else {
        const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        (0,_failure_js__WEBPACK_IMPORTED_MODULE_1__/* .reportFailure */ .xV)(terminal, {
            said: `Could not start: ${detail}. Nothing was sent.`,
            next: `Check the variables read at start: HTTPS_PROXY, HTTP_PROXY and NO_PROXY (a proxy must be a URL, e.g. http://proxy.example:3128). If they are fine, open an issue at the ${_options_js__WEBPACK_IMPORTED_MODULE_2__/* .TOOL */ .js} repository with this output.`,
        });
    }
    process.exitCode = _exit_codes_js__WEBPACK_IMPORTED_MODULE_0__/* .EXIT */ .dc.UNEXPECTED;
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 776:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   W5: () => (/* binding */ renderHelp),
/* harmony export */   bQ: () => (/* binding */ parseFlags),
/* harmony export */   js: () => (/* binding */ TOOL),
/* harmony export */   mp: () => (/* binding */ renderOverview),
/* harmony export */   vz: () => (/* binding */ listProblems)
/* harmony export */ });
/* unused harmony export envName */
/* harmony import */ var _common_settings_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2888);
/* harmony import */ var _wording_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(9278);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_util__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _common_input_limits_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(8474);
/* harmony import */ var _exit_codes_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(8551);
/* harmony import */ var _suggest_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(7472);
/**
 * Flags and environment variables, from one table per command: the same table parses the command
 * line (node:util parseArgs, strict) and writes the command's --help, so the two cannot drift.
 *
 * A flag `--foo-bar` may also come from the variable `ATLASSIAN_FOO_BAR` (or the one its table
 * names; none with `env: false`); the flag wins, and --help shows the variable in brackets
 * (__tests__/e2e/cli-environment.test.ts holds every one to that). Secret values are never flags
 * (they would land in shell history and in the process list): they are read from the environment
 * only.
 */






const TOOL = 'atlassian-token-rotation';
function envName(flag) {
    if (flag.env === false)
        return undefined;
    return flag.env ?? `ATLASSIAN_${flag.name.toUpperCase().replace(/-/g, '_')}`;
}
function parseFlags(command, args, env) {
    const options = {
        help: { type: 'boolean', short: 'h' },
    };
    for (const flag of command.flags)
        options[flag.name] = { type: flag.kind };
    let values;
    try {
        values = (0,node_util__WEBPACK_IMPORTED_MODULE_2__.parseArgs)({ args, options, strict: true, allowPositionals: false }).values;
    }
    catch (error) {
        throw usageError(command, error);
    }
    const spec = (name) => {
        const flag = command.flags.find((f) => f.name === name);
        if (!flag)
            throw new Error(`${command.name}: no flag --${name} in its table`);
        return flag;
    };
    return {
        help: values['help'] === true,
        string: (name) => {
            const flag = spec(name);
            const given = values[name];
            if (typeof given === 'string')
                return given.trim();
            const variable = envName(flag);
            const fromEnv = variable === undefined ? undefined : env[variable]?.trim();
            return fromEnv === '' ? undefined : fromEnv;
        },
        boolean: (name) => {
            const flag = spec(name);
            if (values[name] === true)
                return true;
            const variable = envName(flag);
            const text = (variable === undefined ? undefined : env[variable])?.trim().toLowerCase();
            if (text === undefined || text === '' || text === 'false' || text === '0')
                return false;
            if (text === 'true' || text === '1')
                return true;
            throw new _exit_codes_js__WEBPACK_IMPORTED_MODULE_4__/* .CliError */ .z1(_exit_codes_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .dc.USAGE, `${variable ?? ''} must be "true" or "false"; got ${(0,_common_input_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .quoteValue */ .cl)(text)}.`, `Fix it, or unset it and use --${name}.`);
        },
    };
}
function usageError(command, error) {
    const help = `Run \`${TOOL} ${command.name} --help\` for the options.`;
    const code = error.code;
    const message = error instanceof Error ? error.message : String(error);
    const option = /'(-[^' ]*)/.exec(message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option !== undefined) {
        const name = option.replace(/^-+/, '').replace(/=.*$/s, '');
        const source = _wording_js__WEBPACK_IMPORTED_MODULE_1__/* .SECRET_SOURCES */ .S[name];
        if (source !== undefined) {
            return new _exit_codes_js__WEBPACK_IMPORTED_MODULE_4__/* .CliError */ .z1(_exit_codes_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .dc.USAGE, `--${name} is not a flag: secrets are read from the environment only (${source}), so they never land in shell history or the process list.`, `Set it without echoing it, e.g. \`read -rs ${source.split(' ')[0] ?? ''} && export ${source.split(' ')[0] ?? ''}\`, then run the command again.`);
        }
        // Only the option's name: a value after "=" may be anything, a secret included.
        const suggestion = (0,_suggest_js__WEBPACK_IMPORTED_MODULE_5__/* .didYouMean */ .au)((0,_suggest_js__WEBPACK_IMPORTED_MODULE_5__/* .closeMatches */ .KA)(name, ['help', ...command.flags.map((flag) => flag.name)]).map((n) => `--${n}`));
        return new _exit_codes_js__WEBPACK_IMPORTED_MODULE_4__/* .CliError */ .z1(_exit_codes_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .dc.USAGE, `Unknown option ${(0,_common_input_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .quoteValue */ .cl)(option.replace(/=.*$/s, ''))} for "${command.name}".`, suggestion === ''
            ? help
            : `${suggestion} (\`${TOOL} ${command.name} --help\` lists the options.)`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option !== undefined) {
        return new _exit_codes_js__WEBPACK_IMPORTED_MODULE_4__/* .CliError */ .z1(_exit_codes_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .dc.USAGE, /argument missing/.test(message)
            ? `Option ${option} needs a value.`
            : `Option ${option.replace(/=.*$/s, '')} takes no value.`, help);
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
        const argument = /'([^']*)'/.exec(message)?.[1] ?? '';
        return new _exit_codes_js__WEBPACK_IMPORTED_MODULE_4__/* .CliError */ .z1(_exit_codes_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .dc.USAGE, `Unexpected argument ${(0,_common_input_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .quoteValue */ .cl)(argument)}: "${command.name}" takes only options (--name value).`, help);
    }
    return new _exit_codes_js__WEBPACK_IMPORTED_MODULE_4__/* .CliError */ .z1(_exit_codes_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .dc.USAGE, message, help);
}
/** One problem as it is; several as a list, so each can be fixed in one go. */
function listProblems(problems) {
    if (problems.length === 1)
        return (0,_common_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .asText */ .e1)(problems[0] ?? '');
    return (0,_common_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .concat */ .xW)([`${problems.length} problems:`, ...problems.map((p) => (0,_common_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .concat */ .xW)(['  - ', p]))], '\n');
}
const WIDTH = 100;
/** The command's --help text. */
function renderHelp(command) {
    const labels = command.flags.map((flag) => `--${flag.name}${flag.value === undefined ? '' : ` ${flag.value}`}`);
    const column = Math.min(32, Math.max(...labels.map((l) => l.length), 10) + 4);
    const row = (label, text, width = column) => {
        const column = width;
        const indent = ' '.repeat(column);
        const body = wrap(text, WIDTH - column);
        const first = label.length + 2 >= column ? `  ${label}\n${indent}` : `  ${label.padEnd(column - 2)}`;
        return first + body.join(`\n${indent}`);
    };
    const flagRows = command.flags.map((flag, i) => {
        const variable = envName(flag);
        const env = variable === undefined ? '' : ` [${variable}]`;
        return row(labels[i] ?? '', `${flag.description}${env}`);
    });
    return [
        `${TOOL} ${command.name}: ${command.summary}`,
        '',
        'Usage:',
        `  ${TOOL} ${command.usage}`,
        '',
        ...command.description.flatMap((paragraph) => [...wrap(paragraph, WIDTH), '']),
        'Options (each may also come from the variable in brackets; the flag wins):',
        ...flagRows,
        row('-h, --help', 'Show this help.'),
        '',
        'Environment:',
        ...command.environment.map(([name, text]) => row(name, text)),
        '',
        'Exit codes:',
        ..._exit_codes_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT_CODE_HELP */ .ZJ.filter(([code]) => command.exitCodes.includes(code)).map(([code, text]) => row(String(code), text, 7)),
        '',
        'Examples:',
        ...command.examples.map((example) => `  ${example}`),
        '',
    ].join('\n');
}
/** The overview: what each command is for. */
function renderOverview(commands) {
    const column = Math.max(...commands.map((c) => c.name.length)) + 4;
    return [
        `${TOOL}: get, rotate and inspect Atlassian OAuth 2.0 (3LO) refresh tokens kept in GitHub secrets.`,
        '',
        'Usage:',
        `  ${TOOL} <command> [options]`,
        '',
        'Commands:',
        ...commands.map((c) => `  ${c.name.padEnd(column - 2)}${c.summary}`),
        '',
        `Run \`${TOOL} <command> --help\` for a command's options, environment and exit codes.`,
        '',
    ].join('\n');
}
function wrap(text, width) {
    const lines = [];
    let line = '';
    for (const word of text.split(/\s+/).filter((w) => w !== '')) {
        if (line !== '' && line.length + 1 + word.length > width) {
            lines.push(line);
            line = word;
        }
        else {
            line = line === '' ? word : `${line} ${word}`;
        }
    }
    if (line !== '')
        lines.push(line);
    return lines.length === 0 ? [''] : lines;
}


/***/ }),

/***/ 7472:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   KA: () => (/* binding */ closeMatches),
/* harmony export */   au: () => (/* binding */ didYouMean)
/* harmony export */ });
/* unused harmony export editDistance */
/**
 * "Did you mean": the names a mistyped one was probably meant to be. Edit distance (Damerau's
 * optimal string alignment: insert, delete, substitute, or swap two neighbours, each counting one),
 * allowing one edit for names up to 4 characters and two for longer ones, so that a slip of the
 * finger finds its flag and a different word finds nothing.
 */
/** The candidates closest to `given` within the allowed distance, best first; none if none is. */
function closeMatches(given, candidates) {
    const allowed = given.length <= 4 ? 1 : 2;
    const scored = candidates
        .map((candidate) => ({ candidate, distance: editDistance(given, candidate) }))
        .filter(({ distance }) => distance > 0 && distance <= allowed);
    const best = Math.min(...scored.map(({ distance }) => distance));
    return scored.filter(({ distance }) => distance === best).map(({ candidate }) => candidate);
}
/** "Did you mean --scope?" / "Did you mean --a or --b?"; '' when nothing is close. */
function didYouMean(matches) {
    if (matches.length === 0)
        return '';
    const last = matches[matches.length - 1] ?? '';
    const names = matches.length === 1 ? last : `${matches.slice(0, -1).join(', ')} or ${last}`;
    return `Did you mean ${names}?`;
}
/** Optimal string alignment distance between `a` and `b`. */
function editDistance(a, b) {
    const rows = [];
    for (let i = 0; i <= a.length; i++) {
        const row = [i];
        for (let j = 1; j <= b.length; j++) {
            if (i === 0) {
                row.push(j);
                continue;
            }
            const above = rows[i - 1] ?? [];
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let distance = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                distance = Math.min(distance, (rows[i - 2]?.[j - 2] ?? 0) + 1);
            }
            row.push(distance);
        }
        rows.push(row);
    }
    return rows[a.length]?.[b.length] ?? 0;
}


/***/ }),

/***/ 6909:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  B: () => (/* binding */ Terminal)
});

;// CONCATENATED MODULE: ./src/common/secrets.ts
/**
 * Every secret value this run knows, masked in the runner's log the moment it is known, and scrubbed
 * from any text (server answers, error messages, the job summary) before that text is shown.
 *
 * Masking alone is not enough: the runner only hides a value in lines printed *after* its
 * `::add-mask::` line, and it does not hide encodings such as hex or base64url
 * (../shared/FACTS.md, "The runner").
 */
class SecretValues {
    mask;
    #values = new Set();
    constructor(mask) {
        this.mask = mask;
    }
    /** Masks `value` at once; empty and very short values are skipped (masking them would garble logs). */
    add(value) {
        if (value === undefined)
            return;
        const trimmed = value.trim();
        if (trimmed.length < 4 || this.#values.has(trimmed))
            return;
        this.#values.add(trimmed);
        this.mask(trimmed);
    }
    /** Replaces every known secret, and its URL-encoded form, with `***`. Longest first, so a secret
     * that contains another is removed whole. */
    scrub(text) {
        let result = text;
        const values = [...this.#values].sort((a, b) => b.length - a.length);
        for (const value of values) {
            for (const form of new Set([value, encodeURIComponent(value)])) {
                result = result.split(form).join('***');
            }
        }
        return result;
    }
}

// EXTERNAL MODULE: ./src/common/settings.ts
var settings = __nccwpck_require__(2888);
// EXTERNAL MODULE: ./src/cli/wording.ts
var wording = __nccwpck_require__(9278);
;// CONCATENATED MODULE: ./src/cli/terminal.ts
/**
 * Everything the command line tool prints goes through here. Explanations and progress go to
 * standard error, results a script may read to standard output, and every line is scrubbed of
 * every secret known so far first: a terminal has no `::add-mask::`, so this is the masking.
 * Only `reveal` (for --show-tokens) prints a secret, and only where the user asked for it.
 * Failures have a shape of their own, printed through `say` by ./failure.ts alone.
 */



class Terminal {
    streams;
    /** Every secret value met so far: inputs, tokens, codes. */
    secrets = new SecretValues(() => { });
    /** How messages name settings: flags and variables (./wording.ts). */
    wording = (0,wording/* cliWording */.F)();
    /**
     * A prompt waits at the end of the last line on standard error: what is said next starts a line
     * of its own (a failure's "error: " above all).
     */
    promptOpen = false;
    #indent = '';
    constructor(streams) {
        this.streams = streams;
    }
    /** Progress and explanations, for people (standard error). */
    say(text) {
        this.#write(this.streams.stderr, text);
    }
    note(text) {
        this.#write(this.streams.stderr, text, 'note: ');
    }
    warn(text) {
        this.#write(this.streams.stderr, text, 'warning: ');
    }
    /** A result a script may read (standard output), scrubbed like the rest. */
    result(text) {
        this.streams.stdout.write(`${this.secrets.scrub(text)}\n`);
    }
    /** The one way to print a secret: only for --show-tokens, to standard output. */
    reveal(text) {
        this.streams.stdout.write(`${text}\n`);
    }
    /** Lines said until `endGroup` are indented under `title`. */
    group(title) {
        this.say(title);
        this.#indent += '  ';
    }
    endGroup() {
        this.#indent = this.#indent.slice(2);
    }
    #write(sink, text, prefix = '') {
        const lines = this.secrets.scrub((0,settings/* word */.Vm)((0,settings/* asText */.e1)(text), this.wording)).split('\n');
        const shown = lines.map((line, i) => `${this.#indent}${i === 0 ? prefix : ''}${line}`);
        const lead = this.promptOpen && sink === this.streams.stderr ? '\n' : '';
        if (sink === this.streams.stderr)
            this.promptOpen = false;
        sink.write(`${lead}${shown.join('\n')}\n`);
    }
}


/***/ }),

/***/ 9278:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ cliWording),
/* harmony export */   S: () => (/* binding */ SECRET_SOURCES)
/* harmony export */ });
/** Values that are secret, and where they are read from instead of a flag. */
const SECRET_SOURCES = {
    'client-secret': 'ATLASSIAN_CLIENT_SECRET',
    'refresh-token': 'ATLASSIAN_REFRESH_TOKEN',
    'access-token': 'ATLASSIAN_ACCESS_TOKEN',
    'github-token': 'GH_TOKEN or GITHUB_TOKEN (or `gh auth token`)',
};
/**
 * @param githubTokenSource where this command's GitHub token came from: "GH_TOKEN",
 *   "gh auth token"…; undefined before it is known.
 */
function cliWording(githubTokenSource) {
    const githubToken = `the GitHub token${githubTokenSource ? ` (from ${githubTokenSource})` : ''}`;
    const name = (setting) => setting === 'github-token'
        ? githubToken
        : // The lock is on unless --no-lock says otherwise.
            setting === 'lock'
                ? '--no-lock'
                : (SECRET_SOURCES[setting] ?? `--${setting}`);
    return (mention) => {
        if ('rerun' in mention)
            return 'run the command again';
        const { setting, role } = mention;
        switch (role) {
            case 'subject':
            case 'input':
            case 'name':
                return name(setting);
            case 'token':
                return setting === 'github-token' ? githubToken : `the token in ${name(setting)}`;
            case 'renew':
                if (setting !== 'github-token')
                    return `give ${name(setting)} the new value`;
                return githubTokenSource === 'gh auth token'
                    ? 'log GitHub CLI in with it (`gh auth login`)'
                    : `set ${githubTokenSource ?? 'GH_TOKEN'} to it`;
        }
    };
}


/***/ }),

/***/ 1922:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Jo: () => (/* binding */ saidOf),
/* harmony export */   W5: () => (/* binding */ OAuthError),
/* harmony export */   lZ: () => (/* binding */ ActionError)
/* harmony export */ });
/* harmony import */ var _settings_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2888);

/**
 * A failure explained for the person who has to act on it: what happened (`said`), where the
 * refresh token is now (`tokenState`), and the exact next step (`next`). Both texts keep the
 * settings they name as data (./settings.ts), so each door words them: {@link explain}.
 * `message` and `nextStep` are the action's words, for logs and for the action door.
 */
class ActionError extends Error {
    code;
    tokenState;
    name = 'ActionError';
    transient;
    said;
    next;
    /** The HTTP status of the answer that failed, when one came. */
    status;
    constructor(code, message, tokenState, nextStep, options) {
        const said = (0,_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .asText */ .e1)(message);
        super((0,_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .word */ .Vm)(said, _settings_js__WEBPACK_IMPORTED_MODULE_0__/* .actionWording */ .$x), options);
        this.code = code;
        this.tokenState = tokenState;
        this.said = said;
        this.next = (0,_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .asText */ .e1)(nextStep);
        this.transient = options?.transient;
        this.status = options?.status;
    }
    get nextStep() {
        return (0,_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .word */ .Vm)(this.next, _settings_js__WEBPACK_IMPORTED_MODULE_0__/* .actionWording */ .$x);
    }
    /** The setting to fix, when the next step names one: the first it names. */
    get setting() {
        return (0,_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .mentions */ .wy)(this.next)[0] ?? (0,_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .mentions */ .wy)(this.said)[0];
    }
    /** The same failure with more said about it, and possibly a graver token state. */
    amend(addition, tokenState = this.tokenState) {
        return new ActionError(this.code, (0,_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .concat */ .xW)([this.said, addition], ' '), tokenState, this.next, {
            cause: this,
            ...(this.status !== undefined && { status: this.status }),
        });
    }
}
/** What a failure said, with the settings it names kept as data. */
function saidOf(error) {
    if (error instanceof ActionError)
        return error.said;
    return [error instanceof Error ? error.message : String(error)];
}
/** An OAuth error answer from the token endpoint (RFC 6749 §5.2): `error` and `error_description`. */
class OAuthError extends ActionError {
    status;
    error;
    errorDescription;
    constructor(code, message, tokenState, nextStep, status, error, errorDescription) {
        super(code, message, tokenState, nextStep);
        this.status = status;
        this.error = error;
        this.errorDescription = errorDescription;
    }
}


/***/ }),

/***/ 8474:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Po: () => (/* binding */ tooLong),
/* harmony export */   b1: () => (/* binding */ LIMITS),
/* harmony export */   cl: () => (/* binding */ quoteValue),
/* harmony export */   mo: () => (/* binding */ MAX_SECRET_VALUE_BYTES),
/* harmony export */   qY: () => (/* binding */ MAX_SELECTED_REPOSITORIES)
/* harmony export */ });
/* unused harmony exports MAX_SECRET_VALUE_ENCODED, sealedSecretLength, lengthIn */
/* harmony import */ var _settings_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2888);

/**
 * GitHub stores a secret of at most 48 KB ("Secrets are limited to 48 KB in size", docs: Secrets
 * reference, "Limits for secrets"). The docs do not say of which form, nor whether a KB is 1,000 or
 * 1,024 bytes; GitHub receives `encrypted_value`, the base64 of the sealed box (value + 48 bytes:
 * an ephemeral public key and a MAC, libsodium crypto_box_seal), which is the largest of the three
 * forms. Counting that against 48,000 satisfies every reading, so a value that fits here can
 * always be written.
 */
const MAX_SECRET_VALUE_ENCODED = 48_000;
const SEAL_OVERHEAD_BYTES = 48;
/** The length of `encrypted_value` for a value of `bytes` UTF-8 bytes. */
function sealedSecretLength(bytes) {
    return 4 * Math.ceil((bytes + SEAL_OVERHEAD_BYTES) / 3);
}
/** The largest value (UTF-8 bytes) whose `encrypted_value` fits MAX_SECRET_VALUE_ENCODED: 35,952. */
const MAX_SECRET_VALUE_BYTES = Math.floor(MAX_SECRET_VALUE_ENCODED / 4) * 3 - SEAL_OVERHEAD_BYTES;
const LIMITS = {
    /** Atlassian's client IDs are 32 characters; 256 leaves room for any other format. */
    clientId: { max: 256, unit: 'characters', what: 'OAuth client ID' },
    /** Atlassian's client secrets are 64 characters; 1,024 leaves room for any other format. */
    clientSecret: { max: 1024, unit: 'characters', what: 'OAuth client secret' },
    /**
     * The rotated token, about as long as this one, must fit in the secret (above): past that size
     * a rotation would disable the token in hand and leave a successor that cannot be stored.
     */
    refreshToken: {
        max: MAX_SECRET_VALUE_BYTES,
        unit: 'bytes',
        what: 'refresh token',
        why: 'a GitHub secret holds at most 48 KB once sealed and base64-encoded, and the rotated token, as long as this one, must fit in it',
    },
    /**
     * A bearer token travels in a request header; 16 KiB is what Node allows for all of a
     * request's headers (http.maxHeaderSize), and common servers allow no more: a longer token
     * could not be sent.
     */
    accessToken: { max: 16_384, unit: 'characters', what: 'access token' },
    /**
     * GitHub's tokens: classic and fine-grained personal access tokens are 40 and 93 characters;
     * GitHub App installation tokens (the workflow's GITHUB_TOKEN among them) are now a JWT of
     * about 520 characters whose length varies with what it carries (docs: "Generating an
     * installation access token", note of 27 April 2026). 4,096 leaves room for that to grow.
     */
    githubToken: { max: 4096, unit: 'characters', what: 'GitHub token' },
    /**
     * An endpoint is a host and a short path: the defaults are 25 to 38 characters, a GitHub
     * Enterprise Server API base about as long. 2,048 is fifty times that.
     */
    url: { max: 2048, unit: 'characters', what: 'endpoint address' },
    /**
     * Secret and variable names: GitHub documents their characters but no length (docs: Secrets
     * reference, "Naming your secrets"; Variables reference, "Naming conventions"). 255 is the
     * limit it documents for environment names in the same API, far beyond any real name.
     */
    name: { max: 255, unit: 'characters', what: 'secret or variable name' },
    /** GitHub's limit for environment names (docs: "Managing environments for deployment"). */
    environment: { max: 255, unit: 'characters', what: 'environment name' },
    /** The longest ISO 8601 form accepted ("2026-01-31T09:00:00.123456789+05:30") is 35. */
    date: { max: 64, unit: 'characters', what: 'date' },
    /** A whole number of seconds: at most 3,600 anywhere, 4 digits (10 allows leading zeros). */
    seconds: { max: 10, unit: 'characters', what: 'number of seconds' },
    /**
     * Scopes, separated by spaces: Atlassian's are 20 to 50 characters and an app asks for those it
     * has, a few dozen at most. They travel in the consent address, which servers commonly accept
     * up to 8 KB; 4,096 keeps it well inside.
     */
    scope: { max: 4096, unit: 'characters', what: 'list of scopes' },
    /** A program and its arguments: 4,096 is Linux's PATH_MAX for the program alone. */
    command: { max: 4096, unit: 'characters', what: 'command' },
};
/**
 * How many repositories `selected-repositories` may name. They are resolved to ids all at once,
 * one request each, and GitHub allows no more than 100 concurrent requests (docs: "Rate limits for
 * the REST API", secondary rate limits). A secret for more repositories is better `private`/`all`.
 */
const MAX_SELECTED_REPOSITORIES = 100;
/** The length of `value` in `unit`s. */
function lengthIn(value, unit) {
    return unit === 'bytes' ? Buffer.byteLength(value, 'utf8') : Array.from(value).length;
}
/**
 * When `value` is longer than `limit`, what is wrong, as a sentence about `subject` (`Input
 * "client-id"`, `--scope`, `ATLASSIAN_ACCESS_TOKEN`); otherwise undefined. A secret's value is
 * never shown, not even its beginning; another value's first characters are, escaped.
 */
function tooLong(subject, value, limit, secret) {
    const length = lengthIn(value, limit.unit);
    if (length <= limit.max)
        return undefined;
    const beginning = secret ? '' : ` It begins ${quoteValue(value)}.`;
    const why = limit.why === undefined ? '' : `: ${limit.why}`;
    return (0,_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq) `${subject} is ${length} ${limit.unit} long, more than any ${limit.what} (at most ${limit.max}${why}).${beginning} It holds something else, such as a file, a log or several values pasted together: give the value alone.`;
}
const SHOWN_CHARACTERS = 40;
/**
 * A value for a message: at most its first 40 characters, as a JSON string (so quotes, newlines
 * and control characters are escaped), with "…" after it when it was cut. Beyond JSON, invisible
 * and line-breaking characters (DEL, C1 controls, bidirectional and zero-width format characters,
 * U+2028/U+2029) are escaped too: none can reorder, hide or break a log line.
 */
function quoteValue(value) {
    const characters = Array.from(value);
    const shown = characters.slice(0, SHOWN_CHARACTERS).join('');
    const escaped = JSON.stringify(shown).replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, (character) => Array.from({ length: character.length }, (_, i) => {
        const unit = character.charCodeAt(i).toString(16).padStart(4, '0');
        return `\\u${unit}`;
    }).join(''));
    return characters.length > SHOWN_CHARACTERS ? `${escaped}…` : escaped;
}


/***/ }),

/***/ 2888:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $x: () => (/* binding */ actionWording),
/* harmony export */   KT: () => (/* binding */ named),
/* harmony export */   Qq: () => (/* binding */ text),
/* harmony export */   Vm: () => (/* binding */ word),
/* harmony export */   bc: () => (/* binding */ subject),
/* harmony export */   e1: () => (/* binding */ asText),
/* harmony export */   hF: () => (/* binding */ input),
/* harmony export */   jf: () => (/* binding */ tokenIn),
/* harmony export */   nt: () => (/* binding */ rerun),
/* harmony export */   qV: () => (/* binding */ renew),
/* harmony export */   wy: () => (/* binding */ mentions),
/* harmony export */   xW: () => (/* binding */ concat)
/* harmony export */ });
/**
 * Messages that name what a person sets, with the setting kept as data: the action calls it an
 * input (`Input "client-id"`), the command line tool a flag or a variable (`--client-id`,
 * `ATLASSIAN_CLIENT_SECRET`). Modules write their messages once, with {@link text}; each door words
 * the settings its own way ({@link Wording}) when it shows them.
 */
const subject = (setting) => ({ setting, role: 'subject' });
const input = (setting) => ({ setting, role: 'input' });
const named = (setting) => ({ setting, role: 'name' });
const tokenIn = (setting) => ({ setting, role: 'token' });
const renew = (setting) => ({ setting, role: 'renew' });
/** "re-run the workflow" in the action, "run the command again" on a terminal. */
const rerun = { rerun: true };
/** The tag for messages: ``text`Check ${named('token-url')}: …` ``. */
function text(strings, ...values) {
    const parts = [];
    strings.forEach((part, i) => {
        parts.push(part);
        const value = values[i];
        if (value === undefined)
            return;
        if (Array.isArray(value))
            parts.push(...value);
        else
            parts.push(typeof value === 'object' ? value : String(value));
    });
    return join(parts);
}
/** A text from a plain string, or a text as it is. */
function asText(value) {
    return typeof value === 'string' ? [value] : value;
}
/** Texts one after the other, `separator` between. */
function concat(texts, separator = '') {
    const parts = [];
    texts.forEach((piece, i) => {
        if (i > 0 && separator !== '')
            parts.push(separator);
        parts.push(...asText(piece));
    });
    return join(parts);
}
/** The settings a text names, in order. */
function mentions(value) {
    return value
        .filter((part) => typeof part !== 'string' && 'setting' in part)
        .map((m) => m.setting);
}
/**
 * The words for people. A mention that begins a sentence is capitalised ("The GitHub token…",
 * "Re-run the workflow…"), since a door's words for it may start in lower case.
 */
function word(value, wording) {
    let out = '';
    for (const part of value) {
        if (typeof part === 'string') {
            out += part;
            continue;
        }
        const words = wording(part);
        out += SENTENCE_START.test(out) ? capitalise(words) : words;
    }
    return out;
}
/** Where a sentence starts: the text's start, after a full stop, a new line, or "Next step: ". */
const SENTENCE_START = /(^|[.!?]\s+|\n\s*|(^|\n)Next step: )$/;
/** The action's words: inputs, as action.yml names them. */
const actionWording = (mention) => {
    if ('rerun' in mention)
        return 're-run the workflow';
    const { setting, role } = mention;
    switch (role) {
        case 'subject':
            return `Input "${setting}"`;
        case 'input':
            return `the "${setting}" input`;
        case 'name':
            return `"${setting}"`;
        case 'token':
            return `the token in "${setting}"`;
        case 'renew':
            return `update the secret that feeds "${setting}"`;
    }
};
function capitalise(words) {
    return words.charAt(0).toUpperCase() + words.slice(1);
}
/** Adjacent strings merged, empty ones dropped: equal texts compare equal. */
function join(parts) {
    const out = [];
    for (const part of parts) {
        const last = out[out.length - 1];
        if (typeof part === 'string') {
            if (part === '')
                continue;
            if (typeof last === 'string')
                out[out.length - 1] = last + part;
            else
                out.push(part);
        }
        else
            out.push(part);
    }
    return out;
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 6897:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 6093:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 481:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:readline");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(486);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
