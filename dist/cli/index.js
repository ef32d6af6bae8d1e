#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 217:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $3: () => (/* binding */ httpOptions),
/* harmony export */   XB: () => (/* binding */ gitHubClient),
/* harmony export */   rv: () => (/* binding */ defaultCliDependencies),
/* harmony export */   tO: () => (/* binding */ retryOptions)
/* harmony export */ });
/* harmony import */ var _github_client_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(276);
/* harmony import */ var _common_http_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(44);
/* harmony import */ var _common_retry_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(183);
/**
 * What every command gets: the terminal it speaks through and what it reaches the world with. The
 * network, clock and standard streams come in here, so tests can pass their own.
 */



function defaultCliDependencies() {
    return {
        streams: process,
        stdin: process.stdin,
        env: process.env,
        dispatcherFor: _common_http_js__WEBPACK_IMPORTED_MODULE_1__/* .dispatcherFor */ .tR,
        clock: _common_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .systemClock */ .ml,
        random: Math.random,
        requestTimeoutMs: 30_000,
    };
}
/** Token answers and site lists are a few kilobytes; anything far larger is something else. */
const MAX_ANSWER_BYTES = 256 * 1024;
function httpOptions(context, url) {
    return {
        dispatcher: context.dispatcher(url),
        timeoutMs: context.deps.requestTimeoutMs,
        maxBodyBytes: MAX_ANSWER_BYTES,
    };
}
/** Retries inside `budgetMs`, saying on the terminal what is retried and when. */
function retryOptions(context, what, budgetMs = 60_000) {
    const { clock, random } = context.deps;
    return {
        clock,
        deadline: clock.now() + budgetMs,
        random,
        ..._common_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_BACKOFF */ .VU,
        onRetry: ({ attempt, reason, delayMs, doing }) => {
            context.terminal.say(`${what}: attempt ${attempt}${doing ? ` to ${doing}` : ''} failed (${reason}); trying again in ${(delayMs / 1000).toFixed(1)} s.`);
        },
    };
}
function gitHubClient(context, token, apiUrl) {
    return (0,_github_client_js__WEBPACK_IMPORTED_MODULE_0__/* .createGitHubClient */ .L)({
        token,
        baseUrl: apiUrl,
        dispatcher: context.dispatcher(new URL(apiUrl)),
        timeoutMs: context.deps.requestTimeoutMs,
    });
}


/***/ }),

/***/ 486:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(217);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(498);
/** The command line tool's entry point (package.json "bin"): `atlassian-token-rotation <command>`. */


process.exitCode = await (0,_main_js__WEBPACK_IMPORTED_MODULE_1__/* .runCli */ .a)(process.argv.slice(2), (0,_context_js__WEBPACK_IMPORTED_MODULE_0__/* .defaultCliDependencies */ .rv)());

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 498:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  a: () => (/* binding */ runCli)
});

// UNUSED EXPORTS: COMMANDS

;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"0.1.0"};
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __nccwpck_require__(922);
// EXTERNAL MODULE: ./src/common/settings.ts
var settings = __nccwpck_require__(888);
;// CONCATENATED MODULE: ./src/common/input-limits.ts

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
    return (0,settings/* text */.Qq) `${subject} is ${length} ${limit.unit} long, more than any ${limit.what} (at most ${limit.max}${why}).${beginning} It holds something else, such as a file, a log or several values pasted together: give the value alone.`;
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

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/common/network-failure.ts
/**
 * What a failed connection means: for the token (did the request reach the server?), for retrying
 * (would another attempt fail the same way?) and for the person reading the log.
 */
// Failures before a single byte of the request reaches the server. Anything else (a reset, a
// timeout while waiting for the answer) may come after the server processed the request.
const CONNECT_FAILURES = new Set([
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'EHOSTUNREACH',
    'ENETUNREACH',
]);
/** TLS certificate verification failures (verification is never turned off). */
const CERTIFICATE = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/;
function classifyNetworkFailure(error) {
    const code = errorCode(error) ?? 'no answer';
    const proxyStatus = proxyRefusal(error);
    if (proxyStatus !== undefined) {
        return {
            code: `PROXY_${proxyStatus}`,
            description: `the proxy refused the connection with HTTP ${proxyStatus}${proxyStatus === '407' ? ': check the credentials in HTTPS_PROXY' : ': check that the proxy allows this host, or list the host in NO_PROXY'}`,
            mayHaveReachedServer: false,
            permanent: true,
        };
    }
    if (CERTIFICATE.test(code)) {
        return {
            code,
            description: `${code}: the server's TLS certificate did not verify. Behind a proxy that inspects TLS, give Node the proxy's CA with NODE_EXTRA_CA_CERTS`,
            mayHaveReachedServer: false,
            permanent: true,
        };
    }
    const meaning = MEANINGS[code];
    return {
        code,
        description: meaning ? `${meaning}: ${code}` : code,
        mayHaveReachedServer: !CONNECT_FAILURES.has(code),
        permanent: false,
    };
}
const MEANINGS = {
    ECONNREFUSED: 'connection refused',
    ENOTFOUND: 'host name not found',
    EAI_AGAIN: 'host name lookup failed for now',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable',
    ECONNRESET: 'the connection was reset',
    EPIPE: 'the connection closed while sending',
    TIMEOUT: 'no answer within the time limit',
};
/**
 * The most specific error code in an error's cause chain (undici wraps socket errors). Duck-typed:
 * errors raised inside Node's own realm (DOMException for timeouts) fail `instanceof Error` checks
 * made from another realm, such as a test VM.
 */
function errorCode(error) {
    let current = error;
    let found;
    for (let depth = 0; typeof current === 'object' && current !== null && depth < 5; depth++) {
        const { code, name, cause } = current;
        // A request aborted by its time limit: an AbortError (ABORT_ERR) caused by a TimeoutError.
        if (name === 'TimeoutError')
            return 'TIMEOUT';
        if (typeof code === 'string')
            found = code;
        current = cause;
    }
    return found;
}
/** The status of a proxy's refused CONNECT (http.ts's ProxyRefusedError), anywhere in the chain. */
function proxyRefusal(error) {
    let current = error;
    for (let depth = 0; typeof current === 'object' && current !== null && depth < 5; depth++) {
        const { code, status, cause } = current;
        if (code === 'ERR_PROXY_REFUSED' && typeof status === 'number')
            return String(status);
        current = cause;
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/common/retry.ts
var common_retry = __nccwpck_require__(183);
;// CONCATENATED MODULE: ./src/common/is-record.ts
/** A JSON object (not null, not an array): what an answer's fields are read from. */
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/atlassian/token-answer-mask.ts

/**
 * RFC 6749 §5.2: `error`, `error_description` and `error_uri` use only %x20-21 / %x23-5B / %x5D-7E
 * (printable ASCII without `"` and `\`). The lengths are this action's: an OAuth error code is a
 * word, a description a sentence, a URI an address.
 */
const OAUTH_ERROR_FIELD_LIMITS = {
    error: 64,
    error_description: 200,
    error_uri: 2048,
};
/** The value, if it may be shown as an OAuth error field: RFC 6749 §5.2's charset, within its limit. */
function printableErrorField(field, value) {
    if (typeof value !== 'string')
        return undefined;
    const limit = OAUTH_ERROR_FIELD_LIMITS[field];
    return value.length >= 1 && value.length <= limit && /^[\x20\x21\x23-\x5B\x5D-\x7E]+$/.test(value)
        ? value
        : undefined;
}
/**
 * Token type names (RFC 6749 §7.1): RFC 6750's bearer, the MAC draft's mac, RFC 9449's DPoP,
 * RFC 8693's N_A. Names, not credentials; masked, "Bearer" would vanish from every later log line.
 */
const TOKEN_TYPES = new Set(['bearer', 'mac', 'dpop', 'n_a']);
/**
 * What a scope name looks like (Atlassian's: `read:confluence-content.all`, `offline_access`,
 * `read:page:confluence`). Credentials never fit: they carry capitals or digits.
 */
const SCOPE_NAME = /^[a-z:._-]{1,64}$/;
/** `expires_in` as a number of seconds written as text ("3600", "3599.5"): a lifetime, not a secret. */
const SECONDS_AS_TEXT = /^\d{1,12}(\.\d{1,6})?$/;
/** A scope's words that are scope names, in order, and how many other words it has. */
function scopeNames(scope) {
    const words = scope.split(/\s+/).filter((word) => word !== '');
    const names = words.filter((word) => SCOPE_NAME.test(word));
    return { names, others: words.length - names.length };
}
/** Registers every string of `answer` that could be a credential with `secrets` (which masks it). */
function maskTokenAnswer(answer, status, secrets) {
    if (!isRecord(answer)) {
        maskEverything(answer, secrets);
        return;
    }
    const isError = status < 200 || status > 299;
    for (const [key, value] of Object.entries(answer)) {
        if (typeof value === 'string' && isNotACredential(key, value, isError))
            continue;
        if (key === 'scope' && typeof value === 'string') {
            // RFC 6749 §3.3: scope names separated by spaces. Each other word is treated as a secret.
            for (const word of value.split(/\s+/))
                if (!SCOPE_NAME.test(word))
                    secrets.add(word);
            continue;
        }
        maskEverything(value, secrets);
    }
}
/** The top-level fields, by name and value, that are plainly not credentials. */
function isNotACredential(key, value, isError) {
    switch (key) {
        case 'token_type':
            return TOKEN_TYPES.has(value.trim().toLowerCase());
        case 'expires_in':
            return SECONDS_AS_TEXT.test(value.trim());
        case 'error':
        case 'error_description':
        case 'error_uri':
            // An error answer's own words; in an answer that claims success they are anybody's guess.
            return isError && printableErrorField(key, value) !== undefined;
        default:
            return false;
    }
}
/** Every string in `value`, at any depth (walked with a stack: JSON nests deeper than calls do). */
function maskEverything(value, secrets) {
    const pending = [value];
    while (pending.length > 0) {
        const next = pending.pop();
        if (typeof next === 'string')
            maskString(next, secrets);
        else if (Array.isArray(next))
            for (const item of next)
                pending.push(item);
        else if (isRecord(next))
            for (const item of Object.values(next))
                pending.push(item);
    }
}
/**
 * The runner matches a mask within one line, so a value spread over several lines is masked line by
 * line, and whole (for text that keeps it whole). Lines first: the whole value's `::add-mask::` line
 * then holds only values already masked. `SecretValues.add` trims each and skips those under 4
 * characters, which cannot be told from ordinary words in a log.
 */
function maskString(value, secrets) {
    const lines = value.split(/\r\n|\r|\n/);
    if (lines.length > 1)
        for (const line of lines)
            secrets.add(line);
    secrets.add(value);
}

// EXTERNAL MODULE: ./src/common/body-text.ts
var body_text = __nccwpck_require__(129);
// EXTERNAL MODULE: ./src/common/http.ts + 3 modules
var common_http = __nccwpck_require__(44);
;// CONCATENATED MODULE: ./src/atlassian/token-answer-body.ts
/**
 * Reading a token endpoint's answer into a value, before anything judges it.
 *
 * RFC 6749 §5.1 says the answer is `application/json`; but a proxy may relabel it (text/plain,
 * text/html), so JSON is tried whatever the content type says. Some providers answer
 * `application/x-www-form-urlencoded` instead (GitHub's OAuth endpoint does, unless asked for JSON), so a body labelled
 * that way is read as a form when it is not JSON.
 */

const FORM = 'application/x-www-form-urlencoded';
function readAnswerBody(answer) {
    // Surrounding whitespace of any kind (JSON.parse itself allows only four kinds).
    const text = (0,body_text/* decodeBody */.Vj)(answer.bytes, answer.contentType).trim();
    try {
        return { readable: true, value: JSON.parse(text) };
    }
    catch {
        // Not JSON: a form, if the server says it is one.
    }
    if ((0,body_text/* mediaType */.JL)(answer.contentType) !== FORM || text === '')
        return { readable: false };
    // No prototype: a parameter named "__proto__" must stay a parameter.
    const parameters = Object.create(null);
    for (const [name, value] of new URLSearchParams(text)) {
        const earlier = parameters[name];
        parameters[name] =
            earlier === undefined ? value : [...(Array.isArray(earlier) ? earlier : [earlier]), value];
    }
    return { readable: true, value: parameters };
}

;// CONCATENATED MODULE: ./src/atlassian/token-set.ts
/**
 * What a successful token answer (RFC 6749 §5.1) gives, read leniently: the refresh token in it is
 * the one thing that must never be lost, because Atlassian disabled the token that was sent the
 * moment it issued this one (../../shared/FACTS.md, rotation rules). So a readable refresh token is
 * kept whatever else is wrong with the answer; the rest becomes `undefined` and a warning.
 *
 * Nothing here quotes the answer: every value in it may be a credential.
 */

/**
 * A new refresh token is read up to the size a secret can hold once sealed: the same limit the
 * `refresh-token` input has, so a token the action accepted always has a readable successor of its
 * size. Anything longer could not be stored, so it is no usable token.
 */
const REFRESH_TOKEN_LIMIT = {
    bytes: MAX_SECRET_VALUE_BYTES,
    said: `${MAX_SECRET_VALUE_BYTES.toLocaleString('en-US')} bytes, what a secret holds once sealed`,
};
/** Far above any real access token (Atlassian's are about 1–2 KiB); it travels in a header. */
const ACCESS_TOKEN_LIMIT = { bytes: 16 * 1024, said: '16 KiB' };
/** No access token lives longer than the consent it comes from (365 days). */
const MAX_EXPIRES_IN_SECONDS = 366 * 24 * 60 * 60;
/** Reads the fields of a 2xx answer that is a JSON object (or a form). */
function readTokenFields(fields, status, origin) {
    const said = `The token endpoint ${origin}`;
    const refresh = readToken(field(fields, 'refresh_token'), REFRESH_TOKEN_LIMIT);
    if (refresh.kind === 'unreadable') {
        return { ok: false, problem: `"refresh_token" is ${refresh.what}, not a token` };
    }
    const access = readToken(field(fields, 'access_token'), ACCESS_TOKEN_LIMIT);
    if (refresh.kind === 'absent' && access.kind !== 'token') {
        return {
            ok: false,
            problem: `it holds neither a refresh token nor an access token ("access_token" is ${access.kind === 'absent' ? 'missing' : access.what})`,
        };
    }
    const warnings = [];
    if (status !== 200) {
        warnings.push(`${said} answered HTTP ${status} where a token answer is HTTP 200 (RFC 6749 §5.1); the tokens in it were used.`);
    }
    if (access.kind !== 'token') {
        warnings.push(`${said} answered with a new refresh token but no usable access token ("access_token" is ${access.kind === 'absent' ? 'missing' : access.what}): the refresh token is kept; this run has no access token to give (the output access-token is empty).`);
    }
    const expiresIn = readExpiresIn(field(fields, 'expires_in'));
    if (typeof expiresIn === 'string') {
        warnings.push(`${said} ${expiresIn}: the access token's lifetime is unknown, and the outputs expires-in and expires-at are empty.`);
    }
    const scope = field(fields, 'scope');
    if (scope !== undefined && typeof scope !== 'string') {
        warnings.push(`${said} gave "scope" as ${kindOf(scope)} instead of a string: the granted scopes are unknown (the output scope is empty).`);
    }
    const tokenType = field(fields, 'token_type');
    if (tokenType === undefined) {
        warnings.push(`${said} gave no "token_type" (RFC 6749 §5.1 requires one): the access token is used as a Bearer token, as Atlassian documents it.`);
    }
    else if (typeof tokenType !== 'string' || tokenType.trim().toLowerCase() !== 'bearer') {
        warnings.push(`${said} gave a "token_type" that is not "Bearer" (${typeof tokenType === 'string' ? `a string of ${tokenType.length} characters` : kindOf(tokenType)}): the access token is used as a Bearer token all the same (RFC 6750), which an API may refuse.`);
    }
    if (field(fields, 'error') !== undefined) {
        warnings.push(`${said} answered with tokens and also an "error" field (not shown): the tokens were used.`);
    }
    return {
        ok: true,
        tokens: {
            accessToken: access.kind === 'token' ? access.value : undefined,
            refreshToken: refresh.kind === 'token' ? refresh.value : undefined,
            expiresIn: typeof expiresIn === 'number' ? expiresIn : undefined,
            scope: typeof scope === 'string' ? scope : undefined,
            tokenType: typeof tokenType === 'string' ? tokenType.trim() : undefined,
            warnings,
        },
    };
}
/** A field's own value; null counts as absent (RFC 8259 has no "undefined"). */
function field(fields, name) {
    return Object.hasOwn(fields, name) && fields[name] !== null ? fields[name] : undefined;
}
/**
 * A token is a string without whitespace inside: it travels as RFC 6750 §2.1's b64token, which has
 * none. Whitespace around it, which a server or proxy may add and nobody means, is trimmed.
 */
function readToken(value, limit) {
    if (value === undefined)
        return { kind: 'absent' };
    if (typeof value !== 'string')
        return { kind: 'unreadable', what: kindOf(value) };
    const token = value.trim();
    if (token === '')
        return { kind: 'unreadable', what: 'an empty string' };
    if (/\s/.test(token))
        return { kind: 'unreadable', what: 'a string with whitespace inside' };
    const bytes = Buffer.byteLength(token);
    if (bytes > limit.bytes) {
        return {
            kind: 'unreadable',
            what: `a string of ${bytes.toLocaleString('en-US')} bytes (more than ${limit.said})`,
        };
    }
    return { kind: 'token', value: token };
}
/**
 * `expires_in` (RFC 6749 §5.1: recommended, not required), in seconds: a number or, as some of
 * Atlassian's documents show it, a numeric string. Returns the whole seconds, or why there are none.
 */
function readExpiresIn(value) {
    if (value === undefined) {
        return 'did not say how long the access token lives (no "expires_in"; RFC 6749 §5.1 recommends it but does not require it)';
    }
    const number = typeof value === 'number'
        ? value
        : typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim())
            ? Number(value.trim())
            : undefined;
    const odd = (what) => `gave an "expires_in" that is not a lifetime (${what})`;
    if (number === undefined)
        return odd(kindOf(value));
    if (!Number.isFinite(number))
        return odd('not a finite number');
    if (number < 1)
        return odd(number < 0 ? 'a negative number' : 'less than one second');
    if (number > MAX_EXPIRES_IN_SECONDS)
        return odd('more than 366 days');
    return Math.floor(number);
}
/** A value's kind in words, never its content. */
function kindOf(value) {
    if (typeof value === 'string')
        return 'a string that is not a number';
    if (typeof value === 'number')
        return 'a number';
    if (typeof value === 'boolean')
        return 'true or false';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object' && value !== null)
        return 'an object';
    return 'an unexpected value';
}

;// CONCATENATED MODULE: ./src/atlassian/token-endpoint.ts
/**
 * Atlassian's OAuth 2.0 token endpoint: the refresh grant, split into sending the request and
 * processing the answer (the processing is pure, so it is tested without a network). Reading the
 * answer is in three steps, each in its own module: the body (./token-answer-body.ts), masking
 * every credential in it (./token-answer-mask.ts), and what a usable answer gives (./token-set.ts).
 *
 * Provider rules: developer.atlassian.com/cloud/oauth/getting-started/refresh-tokens, and
 * ../shared/FACTS.md ("Atlassian OAuth 2.0 (3LO)").
 */










/**
 * POSTs a grant as JSON (the form Atlassian documents) and returns the raw answer. Network failures
 * become an {@link ActionError} that says whether the request may have reached Atlassian.
 */
async function postGrant(tokenUrl, grant, http, meaning) {
    try {
        return await (0,common_http/* send */.tN)(tokenUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json', accept: 'application/json' },
            body: JSON.stringify(grant),
        }, http);
    }
    catch (error) {
        if (error instanceof common_http/* BodyTooLargeError */.Au) {
            throw new errors/* ActionError */.lZ('INVALID_TOKEN_RESPONSE', `The token endpoint ${tokenUrl.origin} answered HTTP ${error.status} (${(0,body_text/* describeContentType */.B_)(error.contentType)}) with more than ${error.limit} bytes; a token answer is a few kilobytes. Nothing was stored.`, meaning.ifReached, meaning.nextStepIfTooLarge);
        }
        const failure = classifyNetworkFailure(error);
        const reached = failure.mayHaveReachedServer;
        throw new errors/* ActionError */.lZ('TOKEN_ENDPOINT_UNREACHABLE', `The request to the token endpoint ${tokenUrl.origin} failed (${failure.description}).`, reached ? meaning.ifReached : 'unchanged', reached ? meaning.nextStepIfReached : meaning.nextStepIfNotSent, {
            cause: error,
            ...(failure.permanent ? {} : { transient: { reason: failure.description } }),
        });
    }
}
/** POSTs the refresh grant. A failure after sending may have rotated the token. */
function sendRefreshGrant(grant, http) {
    return postGrant(grant.tokenUrl, {
        grant_type: 'refresh_token',
        client_id: grant.clientId,
        client_secret: grant.clientSecret,
        refresh_token: grant.refreshToken,
    }, http, {
        ifReached: 'maybe-rotated',
        nextStepIfReached: 'Re-run the workflow within the time given above.',
        nextStepIfNotSent: 'Check the network from the runner to the token endpoint (proxy settings: HTTPS_PROXY / NO_PROXY), then re-run.',
        nextStepIfTooLarge: (0,settings/* text */.Qq) `Check that ${(0,settings/* named */.KT)('token-url')} is Atlassian's token endpoint (https://auth.atlassian.com/oauth/token).`,
    });
}
/**
 * Reads the token endpoint's answer (any status) and returns what a usable one gives, or throws an
 * {@link ActionError} that says what came back by status, content type and length only: even an
 * error page may embed tokens nobody has masked. Every string in the answer that could be a
 * credential is masked the moment the answer is parsed, before anything can print it, even if the
 * answer is then refused.
 */
function processTokenResponse(answer, tokenUrl, secrets) {
    const body = readAnswerBody(answer);
    if (body.readable)
        maskTokenAnswer(body.value, answer.status, secrets);
    const origin = tokenUrl.origin;
    const shape = (0,body_text/* describeAnswerShape */.PE)(answer);
    if (answer.status >= 300 && answer.status < 400) {
        throw new errors/* ActionError */.lZ('TOKEN_ENDPOINT_HTTP', `The token endpoint ${origin} answered with a redirect (HTTP ${answer.status}${answer.location ? ` to ${secrets.scrub(safeLocation(answer.location))}` : ''}). Redirects are not followed: they would send the client secret and refresh token to another address.`, 'unchanged', (0,settings/* text */.Qq) `Set ${(0,settings/* named */.KT)('token-url')} to the final address of the token endpoint (Atlassian: https://auth.atlassian.com/oauth/token).`);
    }
    // 5xx and 429 are worth another attempt, whatever the body says. A 5xx may come after the server
    // processed the grant; a 429 or another 4xx refuses it unprocessed.
    if (answer.status >= 500 || answer.status === 429) {
        throw new errors/* ActionError */.lZ('TOKEN_ENDPOINT_HTTP', `The token endpoint ${origin} answered ${shape}.`, answer.status >= 500 ? 'maybe-rotated' : 'unchanged', "This is a fault on the provider's side: re-run the workflow (within the time given above, if one is given), and check https://developer.status.atlassian.com if it persists.", { transient: { reason: `HTTP ${answer.status}`, retryAfter: answer.retryAfter } });
    }
    if (answer.status < 200 || answer.status > 299) {
        // OAuth errors (RFC 6749 §5.2) are answers about the grant itself: sending it again cannot help.
        if (body.readable && isRecord(body.value) && typeof body.value['error'] === 'string') {
            throw oauthError(answer.status, body.value, origin, secrets);
        }
        throw new errors/* ActionError */.lZ('TOKEN_ENDPOINT_HTTP', `The token endpoint ${origin} answered ${shape}, which is neither a token answer nor an OAuth error.`, 'unchanged', (0,settings/* text */.Qq) `Check ${(0,settings/* named */.KT)('token-url')}: it should be https://auth.atlassian.com/oauth/token.`);
    }
    const refuse = (problem) => new errors/* ActionError */.lZ('INVALID_TOKEN_RESPONSE', `The token endpoint ${origin} answered ${shape}, but ${problem}. Nothing was stored.`, 'maybe-rotated', (0,settings/* text */.Qq) `Check that ${(0,settings/* named */.KT)('token-url')} is Atlassian's token endpoint (https://auth.atlassian.com/oauth/token), then re-run within the time given above.`);
    if (!body.readable || !isRecord(body.value)) {
        throw refuse('it is not a JSON object, so it holds no token that can be read');
    }
    const reading = readTokenFields(body.value, answer.status, origin);
    if (!reading.ok)
        throw refuse(reading.problem);
    return reading.tokens;
}
/**
 * Sends the refresh grant and validates the answer, retrying transient failures inside the
 * deadline in `retry`. Retrying is safe there: if an answer was lost after Atlassian rotated, the
 * token sent is now the "previous" one, which Atlassian exchanges again during the leeway; the token
 * to keep is the one from the last answer.
 */
async function refreshGrant(grant, http, secrets, retry) {
    // Once any attempt may have reached Atlassian, the token may be rotated whatever comes after.
    let mayHaveRotated = false;
    return (0,common_retry/* withRetries */.LH)(async () => {
        try {
            const answer = await sendRefreshGrant(grant, {
                ...http,
                // Never cut to the time left: an attempt aborted early may lose an answer Atlassian
                // already acted on. The budget bounds when attempts start; the longest budget plus a
                // whole request still ends inside the 10-minute leeway.
                timeoutMs: http.timeoutMs,
            });
            return processTokenResponse(answer, grant.tokenUrl, secrets);
        }
        catch (error) {
            if (error instanceof errors/* ActionError */.lZ && error.tokenState === 'maybe-rotated')
                mayHaveRotated = true;
            throw error;
        }
    }, (error) => (0,common_retry/* transientVerdict */.yJ)(error, retry.clock.now()), retry, (error, history) => {
        if (!(error instanceof errors/* ActionError */.lZ))
            return error;
        const state = mayHaveRotated && error.tokenState === 'unchanged' ? 'maybe-rotated' : error.tokenState;
        return (0,common_retry/* describeAttempts */.U_)(error, history, state);
    });
}
/**
 * An OAuth error answer. Its `error` and `error_description` are quoted only when they keep to
 * RFC 6749 §5.2's characters and lengths (./token-answer-mask.ts), scrubbed of known secrets;
 * anything else in them is not text a server meant for people.
 */
function oauthError(status, fields, origin, secrets) {
    const code = printableErrorField('error', fields['error']);
    const printable = printableErrorField('error_description', fields['error_description']);
    const description = printable === undefined ? undefined : secrets.scrub(printable);
    const error = code === undefined ? '' : secrets.scrub(code);
    const said = `${origin} refused the refresh: ${describeRefusal({ status, error, errorDescription: description })}.`;
    switch (code) {
        case 'invalid_grant':
        case 'unauthorized_client':
            // unauthorized_client: reported by third parties for a refresh token that was already rotated.
            return new errors/* OAuthError */.W5('OAUTH_INVALID_GRANT', `${said} Atlassian no longer accepts the stored refresh token. Likely causes: it was already used (another run, job or copy rotated it and the newer token was not stored, or an old token was presented after the 10-minute leeway, which revokes every token of the consent); it went 90 days without a refresh; 365 days have passed since the consent; the user revoked the app's access or changed their password.`, 'rejected', 'Consent again in a browser (the authorization URL with scope including offline_access and prompt=consent), exchange the code for tokens, and store the new refresh token in the secret. Add a `concurrency:` group to every workflow that rotates this token so that runs never overlap.', status, error, description);
        case 'invalid_client':
        case 'access_denied':
            // access_denied (HTTP 401): reported by third parties for a wrong client secret. The client is
            // authenticated before the refresh token is looked at, so the token was not exchanged.
            return new errors/* OAuthError */.W5('OAUTH_INVALID_CLIENT', `${said} The OAuth app's credentials were not accepted.`, 'unchanged', (0,settings/* text */.Qq) `Check ${(0,settings/* named */.KT)('client-id')} and ${(0,settings/* named */.KT)('client-secret')} against the app in https://developer.atlassian.com/console/myapps/ (Settings). If the secret was rotated there, ${(0,settings/* renew */.qV)('client-secret')}.`, status, error, description);
        default:
            return new errors/* OAuthError */.W5('OAUTH_ERROR', said, 'unchanged', (0,settings/* text */.Qq) `Check the OAuth app settings in https://developer.atlassian.com/console/myapps/ and ${(0,settings/* named */.KT)('client-id')}, ${(0,settings/* named */.KT)('client-secret')} and ${(0,settings/* named */.KT)('token-url')}.`, status, error, description);
    }
}
/** "HTTP 403, "invalid_grant" ("Unknown or invalid refresh token.")", from what may be shown. */
function describeRefusal(refusal) {
    const code = refusal.error === '' ? 'an error code that is not printable' : `"${refusal.error}"`;
    return `HTTP ${refusal.status}, ${code}${refusal.errorDescription ? ` ("${refusal.errorDescription}")` : ''}`;
}
/** A redirect target without its query string, which could carry anything. */
function safeLocation(location) {
    try {
        const url = new URL(location);
        return `${url.origin}${url.pathname}`;
    }
    catch {
        return '(an unparsable address)';
    }
}

;// CONCATENATED MODULE: ./src/atlassian/authorization.ts
/**
 * Getting the first refresh token: the consent address a person opens in a browser, the answer the
 * browser brings back to the callback URL, and the authorization-code grant that turns its code
 * into tokens. Split like the refresh grant: building and reading are pure; sending is separate.
 *
 * Provider rules (../shared/FACTS.md, "Atlassian OAuth 2.0 (3LO)"): the consent URL's parameters;
 * a refresh token only when `scope` holds `offline_access`; `redirect_uri` in the grant must equal
 * the app's callback URL. The answer's fields and errors are RFC 6749 §4.1.2 and §4.1.2.1.
 */






const DEFAULT_AUTHORIZE_URL = 'https://auth.atlassian.com/authorize';
/** Without it in the consent's scope, Atlassian issues no refresh token at all. */
const OFFLINE_ACCESS = 'offline_access';
/** The scopes, each once, separated by single spaces, with `offline_access` added when missing. */
function withOfflineAccess(scope) {
    const scopes = [...new Set(scope.split(/[\s,]+/).filter((s) => s !== ''))];
    if (!scopes.includes(OFFLINE_ACCESS))
        scopes.push(OFFLINE_ACCESS);
    return scopes.join(' ');
}
/** 256 random bits, URL-safe: unguessable, so a forged answer cannot carry it. */
function newState() {
    return (0,external_node_crypto_namespaceObject.randomBytes)(32).toString('base64url');
}
/**
 * The address that asks the user for consent, with the parameters in the order Atlassian documents
 * them. Spaces are encoded as %20, as in Atlassian's examples (not `+`).
 */
function consentUrl(request) {
    const parameters = [
        ['audience', 'api.atlassian.com'],
        ['client_id', request.clientId],
        ['scope', withOfflineAccess(request.scope)],
        ['redirect_uri', request.redirectUri],
        ['state', request.state],
        ['response_type', 'code'],
        ['prompt', 'consent'],
    ];
    const url = new URL(request.authorizeUrl);
    url.search = parameters.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&');
    url.hash = '';
    return url;
}
/**
 * Takes the authorization code from the address the browser landed on (the callback URL with
 * `?code=…&state=…`), as a local listener receives it or as a person pastes it. Refuses an answer
 * whose `state` is not this request's: it was not started here (a forged or stale answer, or a
 * second attempt's address pasted into the first). Refuses the user's refusal (`error=`), too.
 *
 * The parameters are read from the query and, failing that, from the fragment: a single-page site
 * (the Confluence site the guides use as callback) may move them there before it can be copied.
 */
function readAuthorizationResponse(address, expectedState) {
    const text = address.trim().replace(/^(['"<])(.*)(['">])$/s, '$2');
    const parameters = answerParameters(text);
    const invalid = (what) => new errors/* ActionError */.lZ('AUTHORIZATION_RESPONSE_INVALID', `The address ${what}. It should be the callback URL with "?code=…&state=…" appended, as the browser shows it after you accept.`, 'unchanged', 'Copy the whole address from the browser\'s address bar after accepting (it starts with the callback URL), and paste it in one line. If the browser showed a page without "code=" in its address, run authorize again.');
    if (parameters === undefined)
        throw invalid('is not a web address (nothing to read "code" from)');
    const single = (name) => {
        const values = parameters.getAll(name);
        if (values.length > 1)
            throw invalid(`holds "${name}" more than once`);
        return values[0];
    };
    const code = single('code');
    const state = single('state');
    const error = single('error');
    if (code === undefined && error === undefined) {
        throw invalid('holds no "code" (and no "error")');
    }
    if (state === undefined || !sameState(state, expectedState)) {
        throw new errors/* ActionError */.lZ('STATE_MISMATCH', state === undefined
            ? 'The address holds no "state", so it cannot be tied to this authorization: a code without it could be anyone\'s.'
            : 'The address holds another "state" than the consent address this run made: the answer belongs to another authorization (an older attempt, another terminal, or a forged link). Its code was not used.', 'unchanged', 'Open the consent address printed by this run (not an older one), accept, and paste the address you land on then.');
    }
    if (error !== undefined) {
        const description = single('error_description');
        const said = `${JSON.stringify(error.slice(0, 60))}${description ? ` ("${description.slice(0, 200)}")` : ''}`;
        throw new errors/* ActionError */.lZ('AUTHORIZATION_DENIED', error === 'access_denied'
            ? `The consent was declined in the browser (${said}): no code was issued.`
            : `Atlassian answered the consent with an error, ${said}: no code was issued.`, 'unchanged', error === 'access_denied'
            ? 'Run authorize again and choose "Accept". The account that accepts must be able to use the site the integration reads.'
            : 'Check --client-id, --callback (it must equal the app\'s callback URL in https://developer.atlassian.com/console/myapps/, "Authorization") and --scope (only scopes the app has under "Permissions").');
    }
    if (code === undefined || code === '' || code.length > 4096 || /\s/.test(code)) {
        throw invalid('holds an empty or malformed "code"');
    }
    return code;
}
function answerParameters(text) {
    let url;
    try {
        url = new URL(text);
    }
    catch {
        // A bare query string ("?code=…&state=…" or "code=…&state=…") is accepted too.
        if (!/^\??[\w.~-]+=/.test(text))
            return undefined;
        return new URLSearchParams(text.replace(/^\?/, ''));
    }
    const inQuery = url.searchParams;
    if (inQuery.has('code') || inQuery.has('error') || inQuery.has('state'))
        return inQuery;
    // "#code=…&state=…" or a router's "#/path?code=…&state=…".
    const fragment = url.hash.replace(/^#/, '');
    return new URLSearchParams(fragment.includes('?') ? fragment.slice(fragment.indexOf('?') + 1) : fragment);
}
/** Compares in constant time: hashing first makes the lengths equal, as timingSafeEqual needs. */
function sameState(received, expected) {
    const digest = (value) => (0,external_node_crypto_namespaceObject.createHash)('sha256').update(value, 'utf8').digest();
    return (0,external_node_crypto_namespaceObject.timingSafeEqual)(digest(received), digest(expected));
}
/** POSTs the authorization-code grant. A code is single-use, but no refresh token is at stake. */
function sendAuthorizationCodeGrant(grant, http) {
    const nextStep = 'Check the network to the token endpoint (proxy settings: HTTPS_PROXY / NO_PROXY) and --token-url, then run authorize again.';
    return postGrant(grant.tokenUrl, {
        grant_type: 'authorization_code',
        client_id: grant.clientId,
        client_secret: grant.clientSecret,
        code: grant.code,
        redirect_uri: grant.redirectUri,
    }, http, {
        ifReached: 'unchanged',
        nextStepIfReached: nextStep,
        nextStepIfNotSent: nextStep,
        nextStepIfTooLarge: 'Check --token-url: it should be https://auth.atlassian.com/oauth/token.',
    });
}
/**
 * Exchanges an authorization code for the consent's first tokens. The code is registered with
 * `secrets` before it is sent, the tokens the moment they are parsed. Transient failures are
 * retried inside `retry`'s deadline; a retry after an answer was lost presents a code Atlassian may
 * already have used, which it then refuses, and the error says so.
 */
async function authorizationCodeGrant(grant, http, secrets, retry) {
    secrets.add(grant.code);
    // Once an attempt may have reached Atlassian, the code may be spent whatever comes after.
    let codeMayBeSpent = false;
    const tokens = await (0,common_retry/* withRetries */.LH)(async () => {
        try {
            const answer = await sendAuthorizationCodeGrant(grant, {
                ...http,
                // Never cut to the time left: an attempt aborted early may lose an answer Atlassian
                // already acted on. The budget bounds when attempts start; the longest budget plus a
                // whole request still ends inside the 10-minute leeway.
                timeoutMs: http.timeoutMs,
            });
            return processTokenResponse(answer, grant.tokenUrl, secrets);
        }
        catch (error) {
            const explained = explainCodeGrantError(error, grant.tokenUrl, codeMayBeSpent);
            if (mayHaveReachedAtlassian(error))
                codeMayBeSpent = true;
            throw explained;
        }
    }, (error) => (0,common_retry/* transientVerdict */.yJ)(error, retry.clock.now()), retry, (error, history) => (error instanceof errors/* ActionError */.lZ ? (0,common_retry/* describeAttempts */.U_)(error, history) : error));
    if (tokens.refreshToken === undefined) {
        throw new errors/* ActionError */.lZ('NO_REFRESH_TOKEN', `The token endpoint ${grant.tokenUrl.origin} exchanged the code for an access token but issued no refresh token${describeGrantedScopes(tokens.scope)}. Atlassian issues a refresh token only when the consent's scope includes offline_access, and this consent's did not.`, 'unchanged', 'Run authorize again and open the consent address it prints as it is (it always asks for offline_access): an address edited by hand, or copied from elsewhere, may have lost it.');
    }
    return { ...tokens, refreshToken: tokens.refreshToken };
}
/** " (granted scopes: a b)", naming only words that are scope names: the rest may be anything. */
function describeGrantedScopes(scope) {
    if (scope === undefined)
        return '';
    const { names, others } = scopeNames(scope);
    const rest = others === 0
        ? ''
        : `${names.length > 0 ? ', and ' : ''}${others} word${others === 1 ? '' : 's'} not shown`;
    return names.length + others === 0 ? '' : ` (granted scopes: ${names.join(' ')}${rest})`;
}
function mayHaveReachedAtlassian(error) {
    if (!(error instanceof errors/* ActionError */.lZ))
        return false;
    if (error.code === 'TOKEN_ENDPOINT_UNREACHABLE') {
        return classifyNetworkFailure(error.cause).mayHaveReachedServer;
    }
    // The shared processing marks answers that may come after the grant was processed (5xx, a 200
    // that is not a token answer) as "maybe-rotated".
    return error.tokenState === 'maybe-rotated';
}
/**
 * The token endpoint's errors, said about a code rather than a stored refresh token (the shared
 * processing phrases them for the refresh grant).
 */
function explainCodeGrantError(error, tokenUrl, codeMayBeSpent) {
    if (!(error instanceof errors/* ActionError */.lZ))
        return error;
    if (!(error instanceof errors/* OAuthError */.W5)) {
        // Keep what happened and whether it is worth another attempt; the next step is this command's.
        return new errors/* ActionError */.lZ(error.code, error.message, 'unchanged', 'Check --token-url (Atlassian: https://auth.atlassian.com/oauth/token) and the network to it, then run authorize again.', { cause: error, ...(error.transient && { transient: error.transient }) });
    }
    const said = `${tokenUrl.origin} refused the authorization code: ${describeRefusal(error)}.`;
    switch (error.error) {
        case 'invalid_grant':
            return new errors/* OAuthError */.W5('OAUTH_INVALID_GRANT', `${said} A code works once, for a few minutes, and only with the callback URL it was issued for: it was already exchanged (an address pasted twice, or a page reloaded), it expired, or --callback is not the callback of the consent.${codeMayBeSpent ? ' An earlier attempt of this run may have reached Atlassian and used it.' : ''}`, 'unchanged', 'Run authorize again and finish within a few minutes; use each address once.', error.status, error.error, error.errorDescription);
        case 'invalid_client':
        case 'access_denied':
        case 'unauthorized_client':
            return new errors/* OAuthError */.W5('OAUTH_INVALID_CLIENT', `${said} The OAuth app's credentials were not accepted.`, 'unchanged', 'Check --client-id and ATLASSIAN_CLIENT_SECRET against the app in https://developer.atlassian.com/console/myapps/ ("Settings").', error.status, error.error, error.errorDescription);
        default:
            return new errors/* OAuthError */.W5('OAUTH_ERROR', said, 'unchanged', 'Check the app in https://developer.atlassian.com/console/myapps/, --client-id, --callback and --token-url.', error.status, error.error, error.errorDescription);
    }
}

;// CONCATENATED MODULE: ./src/atlassian/sites.ts
/**
 * Which Atlassian sites a token reaches. API calls do not go to a site's own host but to the API
 * gateway, under the site's cloud id: https://api.atlassian.com/ex/confluence/{cloudId}/wiki/…
 * (../shared/FACTS.md, "Sites").
 */






/**
 * Finds `siteUrl` among the sites the access token reaches. Runs after the new refresh token is
 * stored, so a failure here never puts the token at risk.
 */
async function findSite(atlassianApiUrl, accessToken, siteUrl, http, secrets, retry) {
    const sites = await listSites(atlassianApiUrl, accessToken, http, secrets, retry);
    const wanted = siteUrl.origin.toLowerCase();
    const site = sites.find((candidate) => originOf(candidate.url) === wanted);
    if (site === undefined) {
        const reachable = sites.length === 0
            ? 'none: the consent covers no site, or the app lacks the scopes of its products'
            : sites.map((s) => `${s.name} (${s.url})`).join(', ');
        throw new errors/* ActionError */.lZ('SITE_NOT_REACHED', `The token does not reach ${siteUrl.origin}. Sites it reaches: ${reachable}.`, 'stored', (0,settings/* text */.Qq) `Fix ${(0,settings/* named */.KT)('site-url')} (the address of your site, e.g. https://example.atlassian.net), or have a user of that site consent to the app with the scopes it needs.`);
    }
    return { site, apiBaseUrl: siteApiBaseUrl(atlassianApiUrl, site) };
}
/** Where a site's Confluence REST APIs are: `{atlassian-api-url}/ex/confluence/{cloudId}`. */
function siteApiBaseUrl(atlassianApiUrl, site) {
    return `${atlassianApiUrl}/ex/confluence/${encodeURIComponent(site.id)}`;
}
/**
 * Every site the access token reaches (accessible-resources), in the order Atlassian lists them.
 * Failures are marked with the token "stored": in the rotation this runs after the write.
 */
async function listSites(atlassianApiUrl, accessToken, http, 
// Unused since answers are described rather than quoted; kept so that callers need not change.
_secrets, retry) {
    const endpoint = new URL(`${atlassianApiUrl}/oauth/token/accessible-resources`);
    return (0,common_retry/* withRetries */.LH)(async (remainingMs) => {
        let answer;
        try {
            answer = await (0,common_http/* send */.tN)(endpoint, {
                method: 'GET',
                headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
            }, { ...http, timeoutMs: Math.min(http.timeoutMs, remainingMs) });
        }
        catch (error) {
            const failure = classifyNetworkFailure(error);
            throw new errors/* ActionError */.lZ('SITES_UNAVAILABLE', `Could not list the Atlassian sites the token reaches: the request to ${endpoint.origin} failed (${failure.description}).`, 'stored', (0,settings/* text */.Qq) `Check ${(0,settings/* named */.KT)('atlassian-api-url')} and the network from the runner to it, then re-run.`, {
                cause: error,
                ...(failure.permanent ? {} : { transient: { reason: failure.description } }),
            });
        }
        if (answer.status !== 200) {
            const transient = answer.status >= 500 || answer.status === 429;
            throw new errors/* ActionError */.lZ('SITES_UNAVAILABLE', `Could not list the Atlassian sites the token reaches: ${endpoint.origin} answered HTTP ${answer.status}${answer.status === 401 ? ' (the new access token was refused)' : ''}.`, 'stored', answer.status === 401
                ? (0,settings/* text */.Qq) `Check ${(0,settings/* named */.KT)('atlassian-api-url')}: it must be Atlassian's API gateway (https://api.atlassian.com).`
                : 'Re-run; check https://developer.status.atlassian.com if it persists.', {
                status: answer.status,
                ...(transient && {
                    transient: { reason: `HTTP ${answer.status}`, retryAfter: answer.retryAfter },
                }),
            });
        }
        return parseSites(answer, endpoint);
    }, (error) => (0,common_retry/* transientVerdict */.yJ)(error, retry.clock.now()), retry, (error, history) => (error instanceof errors/* ActionError */.lZ ? (0,common_retry/* describeAttempts */.U_)(error, history) : error));
}
/**
 * The list of sites. Anything else is described by status, content type and length, never quoted:
 * an answer to a request that carried the new access token may echo it, unmasked.
 */
function parseSites(answer, endpoint) {
    let parsed;
    try {
        parsed = JSON.parse(answer.body.trim());
    }
    catch {
        parsed = undefined;
    }
    const sites = Array.isArray(parsed)
        ? parsed.flatMap((entry) => {
            if (typeof entry !== 'object' || entry === null)
                return [];
            const { id, name, url } = entry;
            return typeof id === 'string' && typeof url === 'string'
                ? [{ id, name: typeof name === 'string' ? name : url, url }]
                : [];
        })
        : undefined;
    if (sites === undefined) {
        throw new errors/* ActionError */.lZ('SITES_UNAVAILABLE', `${endpoint.origin} answered the list of sites with something that is not a JSON list (${(0,body_text/* describeAnswerShape */.PE)(answer)}).`, 'stored', (0,settings/* text */.Qq) `Check ${(0,settings/* named */.KT)('atlassian-api-url')}: it must be Atlassian's API gateway (https://api.atlassian.com).`);
    }
    return sites;
}
function originOf(url) {
    try {
        return new URL(url).origin.toLowerCase();
    }
    catch {
        return '';
    }
}

;// CONCATENATED MODULE: ./src/rotation/consent.ts
/**
 * The yearly re-consent: every token of a consent dies 365 days after it, however often it was
 * refreshed (../shared/FACTS.md, "Rotation rules"). No rotation can extend it, so the action can
 * only say when it comes, early enough to act.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const CONSENT_LIFETIME_DAYS = 365;
/** Warnings start this many days before the limit. */
const REMINDER_DAYS = 30;
function consentStatus(consentedAt, now) {
    const reconsentBy = new Date(consentedAt.getTime() + CONSENT_LIFETIME_DAYS * DAY_MS);
    const daysLeft = Math.floor((reconsentBy.getTime() - now.getTime()) / DAY_MS);
    const by = reconsentBy.toISOString().slice(0, 10);
    let warning;
    if (reconsentBy.getTime() <= now.getTime()) {
        warning = (0,settings/* text */.Qq) `The consent given on ${consentedAt.toISOString().slice(0, 10)} reached Atlassian's 365-day limit on ${by}: its tokens no longer work. Consent again in a browser, store the new refresh token, and update ${(0,settings/* named */.KT)('consented-at')}.`;
    }
    else if (daysLeft < REMINDER_DAYS) {
        warning = (0,settings/* text */.Qq) `The consent given on ${consentedAt.toISOString().slice(0, 10)} ends on ${by} (${daysLeft} day${daysLeft === 1 ? '' : 's'} left): Atlassian's 365-day limit, which no refresh extends. Before then, consent again in a browser, store the new refresh token, and update ${(0,settings/* named */.KT)('consented-at')}.`;
    }
    return { reconsentBy, daysLeft, warning };
}

;// CONCATENATED MODULE: ./src/github/sealing.ts
/**
 * Sealing a value for GitHub's secrets API: a libsodium sealed box (X25519 + XSalsa20-Poly1305 with
 * an ephemeral key) under the store's public key. Only GitHub holds the private key, so a sealed
 * value is safe to print, which is what makes it usable as a recovery value.
 *
 * GitHub's keys and `encrypted_value` are standard base64 with padding, while libsodium-wrappers
 * defaults to URL-safe base64 without padding: the variant is always given explicitly.
 * (docs.github.com: "Encrypting secrets for the REST API")
 */
let sodium;
/**
 * Starts loading libsodium (JavaScript and WebAssembly, the largest part of the action) without
 * waiting for it: called when the first requests are on the wire, so that loading overlaps them.
 */
function loadSodium() {
    sodium ??= __nccwpck_require__.e(/* import() */ 768).then(__nccwpck_require__.bind(__nccwpck_require__, 768)).then(async ({ default: library }) => {
        await library.ready;
        return library;
    });
    return sodium;
}
const STANDARD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const PUBLIC_KEY_BYTES = 32; // crypto_box_PUBLICKEYBYTES
/** Decodes a public key from GitHub; undefined when it is not 32 bytes of standard base64. */
function decodePublicKey(key) {
    if (!STANDARD_BASE64.test(key))
        return undefined;
    const bytes = Buffer.from(key, 'base64');
    return bytes.length === PUBLIC_KEY_BYTES ? new Uint8Array(bytes) : undefined;
}
/** Seals `value` under a store's public key (base64 in, base64 out, as GitHub expects). */
async function sealForGitHub(value, publicKey) {
    const key = decodePublicKey(publicKey);
    if (key === undefined)
        throw new Error('The public key is not 32 bytes of base64');
    const library = await loadSodium();
    const sealed = library.crypto_box_seal(library.from_string(value), key);
    return library.to_base64(sealed, library.base64_variants.ORIGINAL);
}

// EXTERNAL MODULE: ./node_modules/@octokit/request-error/dist-src/index.js
var dist_src = __nccwpck_require__(15);
;// CONCATENATED MODULE: ./src/github/answer.ts
/**
 * What one answer to a GitHub REST call says about itself: who produced it (GitHub's API, GitHub's
 * web interface, or something in between), whether it is a rate limit and how long it asks to
 * wait. Plain functions of the answer, so each rule is tested without a network.
 *
 * How @octokit/request (10.x, `fetch-wrapper.js`, `getResponseData`) hands a body over, at every
 * status except 204/205 (whose body it never reads):
 *   - content type application/json (or application/scim+json): the parsed value, or the raw text
 *     when it does not parse;
 *   - no content type, any text/* type, or any type with charset=utf-8: the text;
 *   - anything else: an ArrayBuffer.
 * A status under 400 resolves as a success with that data, 3xx included (./client.ts never follows
 * redirects); 400 and over rejects with a RequestError whose `response.data` is that data and whose
 * `message` is the whole body when it is text: an HTML page, for one. Nothing here shows either.
 */


function readAnswer(answer) {
    const header = (name) => {
        const value = answer.headers[name];
        return value === undefined ? undefined : String(value);
    };
    const { data } = answer;
    const binary = isBinary(data);
    const empty = data === undefined ||
        (typeof data === 'string' && data.trim() === '') ||
        (binary && data.byteLength === 0);
    const json = !empty && typeof data !== 'string' && !binary;
    const message = json && isRecord(data) && typeof data['message'] === 'string' ? data['message'] : '';
    return {
        status: answer.status,
        url: answer.url,
        host: hostOf(answer.url),
        requestId: header('x-github-request-id'),
        server: header('server'),
        via: header('via'),
        contentType: header('content-type') ?? '',
        json,
        empty,
        message,
        text: typeof data === 'string' ? data.slice(0, 4096) : '',
        location: header('location'),
        header,
    };
}
/** GitHub's wait when a rate limit names none (docs: "Rate limits for the REST API"). */
const SECONDARY_LIMIT_MINIMUM_WAIT_MS = 60_000;
/**
 * Whether the answer is a rate limit, and the wait it calls for. GitHub ("Rate limits for the REST
 * API", "Best practices for using the REST API"): a limit answers 403 or 429; a spent primary limit
 * has x-ratelimit-remaining: 0; a secondary limit carries an error message saying so, and maybe a
 * retry-after. The wait: retry-after's seconds when present; else until x-ratelimit-reset when
 * x-ratelimit-remaining is 0; "otherwise, wait for at least one minute before retrying".
 * A plain 403 ("Resource not accessible by …") is none of these: it is a permission problem.
 */
function rateLimitOf(answer, now) {
    if (answer.status !== 403 && answer.status !== 429)
        return undefined;
    const retryAfter = answer.header('retry-after');
    const spent = answer.header('x-ratelimit-remaining') === '0';
    const saysSo = RATE_LIMIT_WORDS.test(answer.message) || RATE_LIMIT_WORDS.test(answer.text);
    if (answer.status === 403 && retryAfter === undefined && !spent && !saysSo)
        return undefined;
    const kind = spent ? 'primary' : 'secondary';
    const afterMs = (0,common_retry/* parseRetryAfter */.mu)(retryAfter, now);
    if (retryAfter !== undefined && afterMs !== undefined) {
        return { kind, wait: { source: 'retry-after', ms: afterMs, header: retryAfter } };
    }
    const reset = Number(answer.header('x-ratelimit-reset'));
    if (spent && Number.isSafeInteger(reset) && reset * 1000 > now) {
        return { kind, wait: { source: 'reset', at: new Date(reset * 1000) } };
    }
    return { kind, wait: { source: 'minimum', ms: SECONDARY_LIMIT_MINIMUM_WAIT_MS } };
}
/** GitHub's messages: "You have exceeded a secondary rate limit", "abuse detection mechanism". */
const RATE_LIMIT_WORDS = /\brate limit|abuse detection/i;
/**
 * The REST base that a "github-api-url" value was probably meant to be, when it is not one: the
 * web address of github.com or of a GitHub Enterprise Server, whose API lives at https://HOST/api/v3
 * (docs: "Getting started with the REST API"). Undefined when the value already has the API's shape.
 */
function apiUrlMeant(given) {
    if (!URL.canParse(given))
        return undefined;
    const url = new URL(given);
    const path = url.pathname.replace(/\/+$/, '');
    if (url.hostname === 'api.github.com' && path === '')
        return undefined;
    if (url.hostname === 'github.com' || url.hostname === 'www.github.com') {
        return 'https://api.github.com';
    }
    // GitHub Enterprise Cloud with data residency: the API is api.SUBDOMAIN.ghe.com.
    if (url.hostname.endsWith('.ghe.com')) {
        return url.hostname.startsWith('api.') && path === ''
            ? undefined
            : `https://api.${url.hostname.replace(/^api\./, '')}`;
    }
    if (path === '/api/v3')
        return undefined;
    return `${url.protocol}//${url.host}/api/v3`;
}
/** Whether the API is GitHub's own service (status at githubstatus.com) rather than a server of one's own. */
function isGitHubService(apiUrl) {
    if (!URL.canParse(apiUrl))
        return false;
    const host = new URL(apiUrl).hostname;
    return host === 'api.github.com' || host.endsWith('.ghe.com');
}
/** An ArrayBuffer or a view of one, from any realm (a test VM's included). */
function isBinary(value) {
    if (typeof value !== 'object' || value === null)
        return false;
    const tag = Object.prototype.toString.call(value);
    return tag === '[object ArrayBuffer]' || ArrayBuffer.isView(value);
}
function hostOf(url) {
    return URL.canParse(url) ? new URL(url).host : url;
}

;// CONCATENATED MODULE: ./src/github/unusable-answers.ts
/**
 * The answers that are not GitHub's verdict on the request itself, worded so that the blame lands
 * where it belongs: a rate limit (a 403 that is not a permission problem), a server fault (GitHub's
 * only when GitHub's API sent it), a redirect, and a page that is not the API at all (the
 * "github-api-url" or a proxy, never the repository or the token).
 */



/** The last words of every next step: what to do once the cause is fixed. */
function finishFor(tokenState) {
    return tokenState === 'rotated-not-stored'
        ? ' Then store the recovery value below by hand.'
        : ' Then re-run.';
}
function isRedirect(status) {
    return status >= 300 && status < 400;
}
/** GitHub's own words, when its API answered: `"message"` of the JSON body, secrets removed. */
function quotedMessage(answer, secrets) {
    const message = secrets.scrub(answer.message.slice(0, 200));
    return message ? ` "${message}"` : '';
}
/** A full stop, unless a quotation ends the sentence with one already: `…limit."` */
function endSentence(text) {
    return /[.!?]"$/.test(text) ? text : `${text}.`;
}
/** A 403 or 429 rate limit: transient, retried after the wait GitHub asks for. */
function rateLimited(answer, limit, context) {
    const { doing, tokenInput, tokenState, secrets, now } = context;
    // GitHub's API marks each answer with a request id; a proxy or gateway that limits the runner's
    // requests does not, and then neither GitHub nor the token in "github-token" is to blame.
    const fromGitHub = answer.requestId !== undefined;
    const said = endSentence(fromGitHub
        ? `Could not ${doing}: GitHub answered HTTP ${answer.status}${quotedMessage(answer, secrets)}`
        : `Could not ${doing}: ${answer.host} answered HTTP ${answer.status} without the x-github-request-id header of GitHub's answers`);
    const what = !fromGitHub
        ? `A rate limit of something between the runner and GitHub (a proxy or gateway), not GitHub's, and not a missing permission.`
        : limit.kind === 'primary'
            ? (0,settings/* text */.Qq) `GitHub's rate limit for ${(0,settings/* tokenIn */.jf)(tokenInput)} is spent (x-ratelimit-remaining: 0): a rate limit, not a missing permission.`
            : (0,settings/* text */.Qq) `This is GitHub's secondary rate limit (too many requests in a short time with ${(0,settings/* tokenIn */.jf)(tokenInput)}, from this run or others), not a missing permission.`;
    const { wait } = limit;
    const waitMs = wait.source === 'reset' ? wait.at.getTime() - now : wait.ms;
    const seconds = Math.max(0, Math.ceil(waitMs / 1000));
    const asked = wait.source === 'retry-after'
        ? `GitHub asked to wait ${seconds} s (retry-after: ${secrets.scrub(wait.header.slice(0, 40))}).`
        : wait.source === 'reset'
            ? `GitHub says it resets at ${wait.at.toISOString()} (in ${seconds} s).`
            : `GitHub named no time to wait (no retry-after); its documentation asks to wait at least ${seconds} s before retrying.`;
    const forHowLong = wait.source === 'reset'
        ? `until ${wait.at.toISOString()}`
        : `${wait.source === 'minimum' ? 'at least ' : ''}${seconds} s`;
    return new errors/* ActionError */.lZ('GITHUB_RATE_LIMITED', (0,settings/* text */.Qq) `${said} ${what} ${fromGitHub ? asked : asked.replace(/^GitHub /, 'It ').replace(/its documentation/, "GitHub's documentation")}`, tokenState, fromGitHub
        ? `Wait ${forHowLong}, and avoid other heavy use of the same token meanwhile.${finishFor(tokenState)}`
        : `Wait ${forHowLong}; if it keeps happening, ask whoever runs the proxy or gateway in front of ${answer.host} about its limits.${finishFor(tokenState)}`, {
        transient: {
            reason: `${limit.kind === 'primary' ? 'rate limit spent' : 'secondary rate limit'} (HTTP ${answer.status})`,
            retryAfter: wait.source === 'retry-after'
                ? wait.header
                : wait.source === 'reset'
                    ? wait.at.toUTCString()
                    : undefined,
            waitAtLeastMs: wait.source === 'minimum' ? wait.ms : undefined,
        },
    });
}
/**
 * A 5xx. GitHub's API marks every answer with x-github-request-id; without it, the answer came from
 * whatever stands between the runner and GitHub, and blaming GitHub would send people to the wrong
 * place. Both are transient: either may pass.
 */
function serverFault(answer, context) {
    const { doing, tokenState, secrets, apiUrl } = context;
    const finish = finishFor(tokenState);
    const retryAfter = answer.header('retry-after');
    if (answer.requestId !== undefined) {
        const requestId = secrets.scrub(answer.requestId.slice(0, 100));
        return new errors/* ActionError */.lZ('GITHUB_UNEXPECTED', `Could not ${doing}: GitHub answered HTTP ${answer.status}${quotedMessage(answer, secrets)} (x-github-request-id ${requestId}). This is a fault on GitHub's side.`, tokenState, isGitHubService(apiUrl)
            ? `See https://www.githubstatus.com; if it lasts, give GitHub Support the request id.${finish}`
            : `${answer.host} is a GitHub Enterprise Server: if it lasts, tell its administrators, with the request id (https://www.githubstatus.com covers only GitHub's own services).${finish}`, { transient: { reason: `HTTP ${answer.status}`, retryAfter } });
    }
    const itself = [
        answer.server === undefined ? undefined : `server: ${answer.server}`,
        answer.via === undefined ? undefined : `via: ${answer.via}`,
    ]
        .filter((part) => part !== undefined)
        .map((part) => secrets.scrub(part.slice(0, 120)))
        .join('; ');
    return new errors/* ActionError */.lZ('GITHUB_UNEXPECTED', `Could not ${doing}: ${answer.host} answered HTTP ${answer.status}${itself ? ` (${itself})` : ''} without the x-github-request-id header that every answer of GitHub's API carries. The answer did not come from GitHub but from something between the runner and it: a proxy that inspects TLS, a gateway or a load balancer.`, tokenState, (0,settings/* text */.Qq) `If it lasts, check that proxy or gateway (and HTTPS_PROXY / NO_PROXY on the runner), and that ${(0,settings/* named */.KT)('github-api-url')} is GitHub's REST API.${finish}`, {
        transient: {
            reason: `HTTP ${answer.status} from ${answer.host}, not from GitHub`,
            retryAfter,
        },
    });
}
/**
 * GitHub's JSON redirect: its API answers 301 (307 for writes) for a renamed or transferred
 * repository. Never followed (../http.ts): a write must not go where nobody asked it to. Not
 * GITHUB_NOT_FOUND either, which some reads take to mean "absent".
 */
function moved(answer, context) {
    const { doing, subject, tokenState, secrets } = context;
    const to = answer.location ? ` to ${describeLocation(answer, secrets)}` : '';
    return new errors/* ActionError */.lZ('GITHUB_UNEXPECTED', `Could not ${doing}: GitHub answered HTTP ${answer.status}${quotedMessage(answer, secrets)}${to}: ${subject} was renamed or transferred.`, tokenState, (0,settings/* text */.Qq) `Use its new name in the input that names it (${(0,settings/* named */.KT)('repository')} or ${(0,settings/* named */.KT)('organization')}).${finishFor(tokenState)}`);
}
/**
 * A body that is not JSON, or a redirect: GitHub's web interface (on GitHub Enterprise Server, a
 * "github-api-url" without /api/v3 meets its sign-in redirect), or a proxy's own page. The body is
 * never quoted: it is a page, and it would bury the one line that says what to fix.
 */
function notTheApi(answer, context) {
    const { doing, apiUrl, tokenState, secrets } = context;
    const finish = finishFor(tokenState);
    const body = answer.empty
        ? 'an empty body'
        : answer.contentType
            ? `a ${secrets.scrub(mediaType(answer.contentType))} body`
            : 'a body without a content type';
    const what = isRedirect(answer.status)
        ? `a redirect (HTTP ${answer.status}${answer.location ? ` to ${describeLocation(answer, secrets)}` : ''})`
        : `HTTP ${answer.status} with ${body}`;
    const meant = apiUrlMeant(apiUrl);
    const given = (0,settings/* text */.Qq) `${(0,settings/* named */.KT)('github-api-url')} is ${JSON.stringify(secrets.scrub(apiUrl))}`;
    const why = meant
        ? (0,settings/* text */.Qq) `${given}, which is not the address of a REST API: ${meant} would be. The other usual cause is a proxy's own page (a sign-in, block or error page) answering in GitHub's place.`
        : (0,settings/* text */.Qq) `${given}, which has the REST API's shape, so the usual cause is a proxy or gateway between the runner and ${answer.host} answering with its own page (a sign-in, block or error page).`;
    const shape = 'the REST API base: https://api.github.com, or https://HOST/api/v3 on GitHub Enterprise Server';
    return new errors/* ActionError */.lZ('GITHUB_NOT_API', (0,settings/* text */.Qq) `Could not ${doing}: ${answer.host} answered ${what} instead of JSON, so it was not GitHub's REST API that answered. ${why}`, tokenState, meant
        ? (0,settings/* text */.Qq) `Set ${(0,settings/* named */.KT)('github-api-url')} to ${meant} (${shape}).${finish}`
        : (0,settings/* text */.Qq) `Check the proxy settings (HTTPS_PROXY / NO_PROXY) and any gateway in front of ${answer.host}; ${(0,settings/* named */.KT)('github-api-url')} must stay ${shape}.${finish}`);
}
/** Where a redirect points, without its query (a sign-in page's return address is long). */
function describeLocation(answer, secrets) {
    const base = URL.canParse(answer.url) ? answer.url : `https://${answer.host}`;
    const location = answer.location ?? '';
    if (!URL.canParse(location, base))
        return 'an unreadable address';
    const url = new URL(location, base);
    const signIn = /\/(login|session|signin|sign_in|saml|sso)\b/i.test(url.pathname);
    return `${secrets.scrub(`${url.origin}${url.pathname}`)}${signIn ? ', a sign-in page' : ''}`;
}
/** "text/html" of "text/html; charset=utf-8". */
function mediaType(contentType) {
    return ((contentType.split(';')[0] ?? '').trim() || contentType).slice(0, 80);
}

;// CONCATENATED MODULE: ./src/github/errors.ts
/**
 * Calling GitHub's REST API: every call retried when the failure is transient, and every failure
 * turned into an error that blames what failed (the token, GitHub, "github-api-url", a proxy) and
 * names the fix. What an answer says about itself is read in ./answer.ts.
 */








/**
 * One REST call, retried on network faults, 5xx and rate limits inside `retry`'s deadline. Only a
 * 2xx answer whose body is JSON (or empty) comes back: a redirect, or any other body, is GitHub's web
 * interface or a proxy answering, never GitHub's REST API (./answer.ts).
 */
async function callGitHub(call) {
    const { clock } = call.retry;
    const context = () => ({
        ...call,
        apiUrl: call.github.request.endpoint.DEFAULTS.baseUrl,
        now: clock.now(),
    });
    return (0,common_retry/* withRetries */.LH)(async (remainingMs) => {
        let response;
        try {
            // A cancelled run stops waiting for GitHub at once, except for a write that secures a
            // new token: that one is allowed to finish.
            const timeout = AbortSignal.timeout(remainingMs);
            const { signal, securing } = call.retry;
            response = await call.github.request(call.route, {
                ...call.params,
                request: { signal: signal && !securing ? AbortSignal.any([signal, timeout]) : timeout },
            });
        }
        catch (error) {
            throw explainGitHubError(error, context());
        }
        // Octokit resolves every status under 400 with whatever body came.
        const answer = readAnswer(response);
        if (isRedirect(answer.status) || !(answer.json || answer.empty)) {
            throw explainAnswer(answer, context());
        }
        const data = response.data;
        return { status: response.status, data, headers: response.headers };
    }, (error) => (0,common_retry/* transientVerdict */.yJ)(error, clock.now()), {
        ...call.retry,
        onRetry: (info) => call.retry.onRetry?.({ ...info, doing: call.doing }),
    }, (error, history) => (error instanceof errors/* ActionError */.lZ ? (0,common_retry/* describeAttempts */.U_)(error, history) : error));
}
/** Turns an Octokit failure into an error that blames the right thing and names the fix. */
function explainGitHubError(error, context) {
    if (!(error instanceof dist_src/* RequestError */.G) || error.response === undefined) {
        const failure = classifyNetworkFailure(error);
        return new errors/* ActionError */.lZ('GITHUB_UNREACHABLE', `Could not ${context.doing}: GitHub's API did not answer (${context.secrets.scrub(failure.description)}).`, context.tokenState, (0,settings/* text */.Qq) `Check ${(0,settings/* named */.KT)('github-api-url')} and the network from the runner to it (proxy settings: HTTPS_PROXY / NO_PROXY).${finishFor(context.tokenState)}`, {
            cause: error,
            ...(failure.permanent ? {} : { transient: { reason: failure.description } }),
        });
    }
    return explainAnswer(readAnswer({
        status: error.status,
        url: error.response.url || error.request.url,
        headers: error.response.headers,
        data: error.response.data,
    }), context);
}
/**
 * Any answer that is not a usable success, in the order that blames the right thing: a rate limit
 * first (its 403 is no permission problem), then a server fault (GitHub's only when GitHub's API
 * sent it), then anything that is not GitHub's API answering (never the repository's or the
 * token's fault), and only then what GitHub's own error says.
 */
function explainAnswer(answer, context) {
    const limit = rateLimitOf(answer, context.now);
    if (limit)
        return rateLimited(answer, limit, context);
    if (answer.status >= 500)
        return serverFault(answer, context);
    if (isRedirect(answer.status) && answer.json && answer.requestId !== undefined) {
        return moved(answer, context);
    }
    if (!answer.json || isRedirect(answer.status))
        return notTheApi(answer, context);
    return refused(answer, context);
}
/** GitHub's API refused the request: the token, its permission, or what was asked for. */
function refused(answer, context) {
    const { doing, subject, tokenInput, permission, tokenState, secrets } = context;
    const { status } = answer;
    const finish = finishFor(tokenState);
    const message = secrets.scrub(answer.message.slice(0, 200));
    const said = `Could not ${doing}: GitHub answered HTTP ${status}${message ? ` "${message}"` : ''}.`;
    const accepted = answer.header('x-accepted-github-permissions');
    const needs = (0,settings/* text */.Qq) `${(0,settings/* input */.hF)(tokenInput)} needs ${permission}.${accepted ? ` (GitHub says this request accepts the token permissions: ${accepted}.)` : ''}`;
    if (status === 401) {
        return new errors/* ActionError */.lZ('GITHUB_AUTH', (0,settings/* text */.Qq) `${said} ${(0,settings/* input */.hF)(tokenInput)} is not a valid token: it is wrong, expired or revoked.`, tokenState, (0,settings/* text */.Qq) `Create a new token and ${(0,settings/* renew */.qV)(tokenInput)}. ${needs}${finish}`);
    }
    if (status === 403) {
        // GitHub names the kind of token it refused: "by integration" is an installation token (the
        // workflow's GITHUB_TOKEN is one), "by personal access token" a fine-grained PAT.
        const kind = /personal access token/i.test(message)
            ? (0,settings/* text */.Qq) `${(0,settings/* tokenIn */.jf)(tokenInput)}, a fine-grained personal access token, lacks the permission.`
            : /integration/i.test(message)
                ? tokenInput === 'github-token'
                    ? (0,settings/* text */.Qq) `${(0,settings/* input */.hF)('github-token')} is an installation token without the permission. If it is the workflow's GITHUB_TOKEN (secrets.GITHUB_TOKEN or github.token), that is the cause: GITHUB_TOKEN can never read or write Actions secrets, whatever "permissions:" says. Use a fine-grained personal access token, or a GitHub App installation token (actions/create-github-app-token) whose app has the permission.`
                    : (0,settings/* text */.Qq) `${(0,settings/* tokenIn */.jf)(tokenInput)} lacks the permission.`
                : (0,settings/* text */.Qq) `${(0,settings/* input */.hF)(tokenInput)} may not do this. If the organization uses SAML single sign-on, authorize the token for it.`;
        return new errors/* ActionError */.lZ('GITHUB_FORBIDDEN', (0,settings/* text */.Qq) `${said} ${kind}`, tokenState, (0,settings/* text */.Qq) `${needs}${finish}`);
    }
    if (status === 404) {
        return new errors/* ActionError */.lZ('GITHUB_NOT_FOUND', (0,settings/* text */.Qq) `${said} Either ${subject} does not exist, or ${(0,settings/* tokenIn */.jf)(tokenInput)} cannot see it (GitHub answers 404 rather than 403 for what a token may not see).`, tokenState, (0,settings/* text */.Qq) `Check ${(0,settings/* input */.hF)('repository')}. For a fine-grained token, check that its resource owner is the repository's owner and that the repository is among its selected repositories. ${needs}${finish}`);
    }
    if (status === 422) {
        return new errors/* ActionError */.lZ('GITHUB_REJECTED_VALUE', `${said} GitHub refused the request's content.`, tokenState, `This is unexpected: please open an issue with this log.${finish}`);
    }
    return new errors/* ActionError */.lZ('GITHUB_UNEXPECTED', said, tokenState, (0,settings/* text */.Qq) `Check ${(0,settings/* named */.KT)('github-api-url')} and ${(0,settings/* named */.KT)('repository')}.${finish}`);
}

/** A GitHub answer quoted in an error: at most 200 characters, secrets removed. */
function quote(data, secrets) {
    const text = typeof data === 'string' ? data : data === undefined ? '(nothing)' : JSON.stringify(data);
    const scrubbed = secrets.scrub(text).replace(/\s+/g, ' ');
    return JSON.stringify(scrubbed.length > 200 ? `${scrubbed.slice(0, 200)}…` : scrubbed);
}

;// CONCATENATED MODULE: ./src/github/rest-path.ts
/**
 * REST paths with every name in them percent-encoded in full, so that the path the action sends is
 * the path it prints in the recovery command, byte for byte, and neither a client nor a shell can
 * read anything into it.
 *
 * `encodeURIComponent` is not enough: it leaves `! ' ( ) *` as they are, which a shell treats as
 * syntax, and Octokit reads `:name` and `{name}` in a route as its own parameters (as `gh api`
 * reads `{owner}`). GitHub says of environment names: "The name must be URL encoded. For example,
 * any slashes in the name must be replaced with %2F." (OpenAPI description, parameter
 * `environment-name`.)
 */
/**
 * One path segment, percent-encoded per RFC 3986 §2.1/§2.3: only the unreserved characters
 * (ALPHA / DIGIT / "-" / "." / "_" / "~") stay literal; every other byte of the UTF-8 form is
 * written %XX (upper case, as §2.1 recommends). Octokit sends such a segment unchanged: its URL
 * template expansion keeps existing %XX escapes and only encodes what `encodeURI` would.
 */
function pathSegment(value) {
    // "." and ".." are dot-segments: every URL parser removes them (WHATWG URL does even for
    // "%2E"), so no request can name them. Inputs refuse them; reaching here is a bug.
    if (value === '' || value === '.' || value === '..') {
        throw new Error(`A REST path segment cannot be ${JSON.stringify(value)}.`);
    }
    // A lone surrogate has no UTF-8 form; TextEncoder would silently make it U+FFFD.
    if (/\p{Cs}/u.test(value)) {
        throw new Error('A REST path segment must be well-formed Unicode.');
    }
    let encoded = '';
    for (const byte of new TextEncoder().encode(value)) {
        encoded += isUnreserved(byte)
            ? String.fromCharCode(byte)
            : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
    return encoded;
}
/** restPath`/repos/${owner}/${repo}`: each interpolated value becomes one encoded segment. */
function restPath(literals, ...values) {
    let path = literals[0] ?? '';
    values.forEach((value, i) => {
        path += pathSegment(String(value)) + (literals[i + 1] ?? '');
    });
    return path;
}
function isUnreserved(byte) {
    return ((byte >= 0x41 && byte <= 0x5a) || // A-Z
        (byte >= 0x61 && byte <= 0x7a) || // a-z
        (byte >= 0x30 && byte <= 0x39) || // 0-9
        byte === 0x2d || // -
        byte === 0x2e || // .
        byte === 0x5f || // _
        byte === 0x7e // ~
    );
}

;// CONCATENATED MODULE: ./src/github/targets.ts
/**
 * The three places an Actions secret can live, and what each needs: its REST paths, the
 * permission a token must have, and (organizations) who may use the secret.
 * (docs.github.com/rest/actions/secrets; ../shared/FACTS.md, "GitHub secrets REST API")
 */

function secretTarget(input) {
    switch (input.kind) {
        case 'repository': {
            const { owner, repo } = input.repository;
            return {
                kind: 'repository',
                description: `repository ${owner}/${repo}`,
                basePath: restPath `/repos/${owner}/${repo}/actions/secrets`,
                permission: `the repository permission "Secrets: Read and write" on ${owner}/${repo} (fine-grained personal access token or GitHub App); a classic personal access token needs the "repo" scope`,
                repository: input.repository,
            };
        }
        case 'environment': {
            const { owner, repo } = input.repository;
            return {
                kind: 'environment',
                description: `environment "${input.environment}" of ${owner}/${repo}`,
                basePath: `${environmentPath(input.repository, input.environment)}/secrets`,
                permission: `the repository permission "Environments: Read and write" on ${owner}/${repo} (fine-grained personal access token or GitHub App); a classic personal access token needs the "repo" scope`,
                repository: input.repository,
            };
        }
        case 'organization':
            return {
                kind: 'organization',
                description: `organization ${input.organization}`,
                basePath: restPath `/orgs/${input.organization}/actions/secrets`,
                permission: `the organization permission "Secrets: Read and write" on ${input.organization} (fine-grained personal access token or GitHub App); a classic personal access token needs the "admin:org" scope`,
                repository: undefined,
            };
    }
}
/** Environment names may hold spaces, quotes, slashes and any other character: all encoded. */
function environmentPath(repository, environment) {
    return restPath `/repos/${repository.owner}/${repository.repo}/environments/${environment}`;
}
/** The path of one secret: the one the action writes, and the recovery command too. */
function secretPath(target, secretName) {
    return `${target.basePath}/${pathSegment(secretName)}`;
}

;// CONCATENATED MODULE: ./src/github/secret-store.ts
/**
 * GitHub's Actions secrets REST API: a store's public key, a secret's metadata, and writing a
 * sealed secret. (docs.github.com/rest/actions/secrets; ../shared/FACTS.md, "GitHub secrets REST API")
 */






function call(access, route, doing, tokenState, params = {}) {
    return callGitHub({
        github: access.github,
        route,
        params,
        doing,
        subject: access.target.description,
        tokenInput: 'github-token',
        permission: access.target.permission,
        tokenState,
        secrets: access.secrets,
        retry: access.retry,
    });
}
/**
 * Reads the store's public key. Called before the refresh grant: a token that cannot read the key
 * cannot write the secret either, and finding that out must not cost the refresh token.
 */
async function fetchPublicKey(access, tokenState) {
    const { target, secrets } = access;
    const { data } = await call(access, `GET ${target.basePath}/public-key`, `read the Actions secrets public key of ${target.description}`, tokenState);
    const keyId = isRecord(data) ? data['key_id'] : undefined;
    const key = isRecord(data) ? data['key'] : undefined;
    if (typeof keyId !== 'string' ||
        keyId === '' ||
        typeof key !== 'string' ||
        !decodePublicKey(key)) {
        throw new errors/* ActionError */.lZ('GITHUB_UNEXPECTED', `GitHub's answer for the public key of ${target.description} is not {key_id, key} with a 32-byte base64 key: ${quote(data, secrets)}.`, tokenState, (0,settings/* text */.Qq) `Check ${(0,settings/* named */.KT)('github-api-url')}: it must be the REST API base (https://api.github.com, or https://HOST/api/v3 on GitHub Enterprise Server).`);
    }
    return { keyId, key };
}
/** Reads when a secret was last written (never its value: the API has no way to read one). */
async function fetchSecretMetadata(access, secretName) {
    const { target, secrets } = access;
    let answer;
    try {
        answer = await call(access, `GET ${secretPath(target, secretName)}`, `read when the secret ${secretName} of ${target.description} was last written`, 'unchanged');
    }
    catch (error) {
        if (error instanceof errors/* ActionError */.lZ && error.code === 'GITHUB_NOT_FOUND') {
            return { updatedAt: undefined, visibility: undefined, serverNow: undefined };
        }
        throw error;
    }
    const given = isRecord(answer.data) ? answer.data['updated_at'] : undefined;
    const updatedAtText = typeof given === 'string' ? given : undefined;
    const updatedAt = parseTimestamp(updatedAtText);
    if (updatedAt === undefined || updatedAtText === undefined) {
        throw new errors/* ActionError */.lZ('GITHUB_UNEXPECTED', `GitHub's answer for the secret ${secretName} of ${target.description} has no readable "updated_at": ${quote(answer.data, secrets)}.`, 'unchanged', (0,settings/* text */.Qq) `Check ${(0,settings/* named */.KT)('github-api-url')}.`);
    }
    const visibility = isRecord(answer.data) ? answer.data['visibility'] : undefined;
    return {
        updatedAt,
        updatedAtText,
        visibility: visibility === 'all' || visibility === 'private' || visibility === 'selected'
            ? visibility
            : undefined,
        serverNow: parseTimestamp(answer.headers['date']),
    };
}
/** Writes a sealed secret; GitHub answers 201 when it created the secret and 204 when it updated it. */
async function storeSecret(access, secretName, sealed, organization, tokenState) {
    const { target } = access;
    const { status, headers } = await call(access, `PUT ${secretPath(target, secretName)}`, `write the secret ${secretName} of ${target.description}`, tokenState, writeBody(sealed, organization));
    const at = parseTimestamp(headers['date']);
    if (status === 201)
        return { how: 'created', at };
    if (status === 204)
        return { how: 'updated', at };
    throw new errors/* ActionError */.lZ('GITHUB_UNEXPECTED', `GitHub answered HTTP ${status} to the write of ${secretName} in ${target.description}; expected 201 (created) or 204 (updated).`, tokenState, 'Store the recovery value below by hand.');
}
/** The PUT body: the sealed value, and for an organization secret who may use it. */
function writeBody(sealed, organization) {
    return {
        encrypted_value: sealed.encryptedValue,
        key_id: sealed.keyId,
        ...(organization && { visibility: organization.visibility }),
        ...(organization?.selectedRepositoryIds && {
            selected_repository_ids: organization.selectedRepositoryIds,
        }),
    };
}
function parseTimestamp(value) {
    if (typeof value !== 'string')
        return undefined;
    const time = Date.parse(value);
    return Number.isNaN(time) ? undefined : new Date(time);
}

;// CONCATENATED MODULE: ./src/github/variables.ts
/**
 * Repository configuration variables (docs.github.com/rest/actions/variables): where the date of a
 * consent is kept, for the action's `consented-at` input (`${{ vars.NAME }}`), so it can warn before
 * Atlassian's 365-day limit. Variables are not secret: the API returns their values.
 */



/** What a token needs to read and write a repository's variables, in words. */
function variablesPermission(repository) {
    return `the repository permission "Variables: Read and write" on ${repository.owner}/${repository.repo} (fine-grained personal access token or GitHub App); a classic personal access token needs the "repo" scope`;
}
function common(access, tokenState) {
    const { owner, repo } = access.repository;
    return {
        github: access.github,
        params: {},
        subject: `repository ${owner}/${repo}`,
        tokenInput: 'github-token',
        permission: variablesPermission(access.repository),
        tokenState,
        secrets: access.secrets,
        retry: access.retry,
    };
}
function variablePath(repository, name) {
    return restPath `/repos/${repository.owner}/${repository.repo}/actions/variables/${name}`;
}
/**
 * Reads a variable; undefined when it does not exist. Before a consent it also proves that the
 * token may read the repository's variables (a 403 here stops before anyone consents).
 */
async function readVariable(access, name) {
    const { owner, repo } = access.repository;
    try {
        const { data } = await callGitHub({
            ...common(access, 'unchanged'),
            route: `GET ${variablePath(access.repository, name)}`,
            doing: `read the variable ${name} of ${owner}/${repo}`,
        });
        const value = isRecord(data) ? data['value'] : undefined;
        return { name, value: typeof value === 'string' ? value : '' };
    }
    catch (error) {
        // The repository itself was found by then (its public key was read): 404 is the variable.
        if (error instanceof errors/* ActionError */.lZ && error.code === 'GITHUB_NOT_FOUND')
            return undefined;
        throw error;
    }
}
/**
 * Sets a variable: updates it (PATCH, 204) or, when it does not exist, creates it (POST, 201).
 * Returns which it did. Written after the refresh token is stored, so a failure here leaves the
 * token safe ("stored").
 */
async function writeVariable(access, variable) {
    const { owner, repo } = access.repository;
    const doing = `write the variable ${variable.name} of ${owner}/${repo}`;
    try {
        await callGitHub({
            ...common(access, 'stored'),
            route: `PATCH ${variablePath(access.repository, variable.name)}`,
            params: { value: variable.value },
            doing,
        });
        return 'updated';
    }
    catch (error) {
        if (!(error instanceof errors/* ActionError */.lZ) || error.code !== 'GITHUB_NOT_FOUND')
            throw error;
    }
    await callGitHub({
        ...common(access, 'stored'),
        route: `POST ${restPath `/repos/${owner}/${repo}/actions/variables`}`,
        params: { name: variable.name, value: variable.value },
        doing,
    });
    return 'created';
}

;// CONCATENATED MODULE: external "node:net"
const external_node_net_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");
;// CONCATENATED MODULE: ./src/common/endpoint-url.ts
/**
 * Endpoint addresses given as inputs or flags (token-url, github-api-url, atlassian-api-url,
 * site-url; the command line tool's --authorize-url and --callback): https, or plain http to this
 * machine only, so that a client secret, a token or an authorization code never crosses a network
 * in clear text. One rule, with one wording, for all of them.
 */



/** The loopback rule, as every message states it. */
const PLAIN_HTTP_RULE = 'plain http is accepted only for loopback hosts: localhost, 127.0.0.0/8 (such as 127.0.0.1) and [::1]';
/**
 * True for the hosts that never leave this machine: `localhost`, any IPv4 address in 127.0.0.0/8
 * (RFC 1122 §3.2.1.3) and the IPv6 loopback address ::1 (RFC 4291 §2.5.3) however it is written.
 * Takes a URL's `hostname` (IPv6 in brackets) or a bare address. A URL has already normalised
 * `127.1` to `127.0.0.1` and `[0:0:0:0:0:0:0:1]` to `[::1]`, and lower-cased the name.
 */
function isLoopbackHost(hostname) {
    const host = hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
    if (host === 'localhost')
        return true;
    if ((0,external_node_net_namespaceObject.isIP)(host) === 4)
        return host.split('.')[0] === '127';
    // The URL parser writes every IPv6 address in its one canonical form (RFC 5952).
    if ((0,external_node_net_namespaceObject.isIP)(host) === 6)
        return URL.parse(`http://[${host}]/`)?.hostname === '[::1]';
    return false;
}
/**
 * An endpoint URL: https, or http to a loopback host; no user name or password (they would be
 * sent, and logged, with every request).
 */
function parseEndpointUrl(input, given, problem) {
    const setting = (0,settings/* subject */.bc)(input);
    const overlong = tooLong(setting, given, LIMITS.url, false);
    if (overlong !== undefined) {
        problem(input, overlong);
        return undefined;
    }
    let url;
    try {
        url = new URL(given);
    }
    catch {
        problem(input, (0,settings/* text */.Qq) `${setting} is not a URL; expected e.g. "https://…"; got ${quoteValue(given)}.`);
        return undefined;
    }
    if (url.username !== '' || url.password !== '') {
        problem(input, (0,settings/* text */.Qq) `${setting} must not contain a user name or password.`);
        return undefined;
    }
    if (url.protocol === 'https:')
        return url;
    if (url.protocol === 'http:' && isLoopbackHost(url.hostname))
        return url;
    problem(input, url.protocol === 'http:'
        ? (0,settings/* text */.Qq) `${setting} uses plain http to ${quoteValue(url.hostname)}: credentials would cross the network unencrypted. Use https (${PLAIN_HTTP_RULE}).`
        : (0,settings/* text */.Qq) `${setting} must be an https URL; got the scheme ${quoteValue(url.protocol)}.`);
    return undefined;
}
/**
 * A site is named by its address, e.g. https://example.atlassian.net (the scheme may be left out):
 * only its origin counts.
 */
function parseSiteUrl(input, given, problem) {
    const setting = (0,settings/* subject */.bc)(input);
    const overlong = tooLong(setting, given, LIMITS.url, false);
    if (overlong !== undefined) {
        problem(input, overlong);
        return undefined;
    }
    const example = 'e.g. "https://example.atlassian.net"';
    let url;
    try {
        url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(given) ? given : `https://${given}`);
    }
    catch {
        problem(input, (0,settings/* text */.Qq) `${setting} must be your site's address, ${example}; got ${quoteValue(given)}.`);
        return undefined;
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
        problem(input, (0,settings/* text */.Qq) `${setting} must be an https address, ${example} (${PLAIN_HTTP_RULE}); got ${quoteValue(given)}.`);
        return undefined;
    }
    return new URL(url.origin);
}

;// CONCATENATED MODULE: ./src/rotation/request.ts



/** The settings whose values are secret: masked before anything else reads them. */
const SECRET_SETTINGS = [
    'client-secret',
    'refresh-token',
    'github-token',
    'workflow-token',
];
/**
 * The retry budget's ceiling. A refresh retried after a lost answer presents a token Atlassian may
 * already have disabled; that is safe only inside the 10-minute leeway, so every retry must end
 * well before it (../shared/FACTS.md, "How the leeway works").
 */
const MAX_RETRY_BUDGET_SECONDS = 480;
const DEFAULT_RETRY_BUDGET_SECONDS = 120;
const DEFAULT_TOKEN_URL = 'https://auth.atlassian.com/oauth/token';
const DEFAULT_GITHUB_API_URL = 'https://api.github.com';
const DEFAULT_ATLASSIAN_API_URL = 'https://api.atlassian.com';
// GitHub's rules for secret names (docs: "Naming your secrets"): letters, digits and underscores,
// not starting with a digit, and not with the reserved GITHUB_ prefix (case-insensitive).
const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
// GitHub owner and repository names (the characters `owner/name` may hold in a URL path).
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const REPO = /^[A-Za-z0-9._-]{1,100}$/;
// Environment names may hold any character (they are percent-encoded in paths), but not control
// characters, nor be "." or "..": no URL can name those as a path segment.
const ENVIRONMENT_MAX = LIMITS.environment.max;
/**
 * Reads and checks every input before any request is sent. `getInput` returns the trimmed input
 * value or '' (as `core.getInput` does); `env` supplies the runner's own variables, used when an
 * input whose default is a `${{ github.* }}` expression is empty (e.g. outside the runner).
 *
 * All problems are reported at once, so one failed run shows every input to fix.
 */
function readSettings(getInput, env) {
    const problems = [];
    const problem = (setting, message) => {
        problems.push({ setting, message: (0,settings/* asText */.e1)(message) });
    };
    const required = (setting, hint) => {
        const value = getInput(setting);
        if (value === '')
            problem(setting, (0,settings/* text */.Qq) `${(0,settings/* subject */.bc)(setting)} is required: ${hint}`);
        return value;
    };
    const clientId = required('client-id', 'set it to your OAuth app\'s client ID (developer console, "Settings").');
    const clientSecret = required('client-secret', "set it to your OAuth app's secret, e.g. `${{ secrets.ATLASSIAN_CLIENT_SECRET }}`.");
    const refreshToken = required('refresh-token', 'set it to the stored refresh token, e.g. `${{ secrets.ATLASSIAN_REFRESH_TOKEN }}`. If that secret is empty, check its name and that the workflow can read it (secrets are not passed to workflows triggered from forks).');
    const secretName = required('secret-name', 'name the secret that receives the rotated refresh token, e.g. `ATLASSIAN_REFRESH_TOKEN`.');
    const githubToken = required('github-token', 'pass a token that can write Actions secrets: a fine-grained personal access token with "Secrets: Read and write" on the repository, or a GitHub App installation token with the same permission. The workflow\'s own GITHUB_TOKEN cannot write secrets.');
    const workflowToken = getInput('workflow-token');
    for (const [input, value, limit] of [
        ['client-id', clientId, LIMITS.clientId],
        ['client-secret', clientSecret, LIMITS.clientSecret],
        ['refresh-token', refreshToken, LIMITS.refreshToken],
        ['github-token', githubToken, LIMITS.githubToken],
        ['workflow-token', workflowToken, LIMITS.githubToken],
    ]) {
        const secret = SECRET_SETTINGS.includes(input);
        const overlong = tooLong((0,settings/* subject */.bc)(input), value, limit, secret);
        if (overlong !== undefined) {
            problem(input, overlong);
        }
        else if (/\s/.test(value)) {
            problem(input, (0,settings/* text */.Qq) `${(0,settings/* subject */.bc)(input)} contains whitespace inside the value. Store the value alone, without quotes, labels or line breaks (a copy-paste of two lines is the usual cause).`);
        }
    }
    checkSecretName('secret-name', secretName, problem);
    const accessTokenSecretName = getInput('access-token-secret-name') || undefined;
    if (accessTokenSecretName !== undefined) {
        checkSecretName('access-token-secret-name', accessTokenSecretName, problem);
        if (accessTokenSecretName.toUpperCase() === secretName.toUpperCase()) {
            problem('access-token-secret-name', (0,settings/* text */.Qq) `${(0,settings/* subject */.bc)('access-token-secret-name')} must name another secret than ${(0,settings/* named */.KT)('secret-name')} (secret names are case-insensitive): the refresh token would be overwritten by the access token.`);
        }
    }
    const target = readTarget(getInput, env, problem);
    const tokenUrl = parseEndpointUrl('token-url', getInput('token-url') || DEFAULT_TOKEN_URL, problem);
    const githubApiUrl = parseEndpointUrl('github-api-url', getInput('github-api-url') || env['GITHUB_API_URL'] || DEFAULT_GITHUB_API_URL, problem);
    const atlassianApiUrl = parseEndpointUrl('atlassian-api-url', getInput('atlassian-api-url') || DEFAULT_ATLASSIAN_API_URL, problem);
    const siteText = getInput('site-url');
    const siteUrl = siteText === '' ? undefined : parseSiteUrl('site-url', siteText, problem);
    const budgetText = getInput('retry-budget-seconds') || String(DEFAULT_RETRY_BUDGET_SECONDS);
    const budget = readSeconds(budgetText);
    if (!(budget >= 1 && budget <= MAX_RETRY_BUDGET_SECONDS)) {
        problem('retry-budget-seconds', (0,settings/* text */.Qq) `${(0,settings/* subject */.bc)('retry-budget-seconds')} must be a whole number of seconds from 1 to ${MAX_RETRY_BUDGET_SECONDS} (retries must end well inside Atlassian's 10-minute leeway); got ${quoteValue(budgetText)}.`);
    }
    const consentedText = getInput('consented-at');
    const consentedAt = consentedText === '' ? undefined : parseConsentDate(consentedText, problem);
    const dryRunText = (getInput('dry-run') || 'false').toLowerCase();
    if (dryRunText !== 'true' && dryRunText !== 'false') {
        problem('dry-run', (0,settings/* text */.Qq) `${(0,settings/* subject */.bc)('dry-run')} must be "true" or "false"; got ${quoteValue(dryRunText)}.`);
    }
    const onSuperseded = (getInput('on-superseded') || 'fail').toLowerCase();
    if (onSuperseded !== 'fail' && onSuperseded !== 'succeed') {
        problem('on-superseded', (0,settings/* text */.Qq) `${(0,settings/* subject */.bc)('on-superseded')} must be "fail" (a step that must hand an access token on) or "succeed" (a scheduled rotation, which has nothing left to do when another rotation got there first); got ${quoteValue(onSuperseded)}.`);
    }
    if (problems.length > 0 ||
        target === undefined ||
        !tokenUrl ||
        !githubApiUrl ||
        !atlassianApiUrl) {
        return { ok: false, problems };
    }
    return {
        ok: true,
        onSuperseded: onSuperseded === 'succeed' ? 'succeed' : 'fail',
        request: {
            clientId,
            clientSecret,
            refreshToken,
            secretName,
            githubToken,
            target,
            tokenUrl,
            githubApiUrl: withoutTrailingSlash(githubApiUrl),
            workflowToken,
            retryBudgetMs: budget * 1000,
            accessTokenSecretName,
            siteUrl,
            atlassianApiUrl: withoutTrailingSlash(atlassianApiUrl),
            consentedAt,
            dryRun: dryRunText === 'true',
        },
    };
}
/**
 * Exactly one kind of target: `organization`, or `environment` of `repository`, or `repository`
 * alone. (`repository` always has a value, from its default, so it cannot conflict.)
 */
function readTarget(getInput, env, problem) {
    const organization = getInput('organization');
    const environment = getInput('environment');
    const visibilityText = getInput('visibility').toLowerCase();
    const selectedText = getInput('selected-repositories');
    const selectedRepositories = selectedText
        .split(/[,\n]/)
        .map((name) => name.trim())
        .filter((name) => name !== '');
    if (organization !== '') {
        if (environment !== '') {
            problem('environment', (0,settings/* text */.Qq) `${(0,settings/* subject */.bc)('organization')} and ${(0,settings/* named */.KT)('environment')} name two different targets: give one. An organization secret is shared by repositories; an environment secret belongs to one environment of ${(0,settings/* named */.KT)('repository')}.`);
        }
        let ok = environment === '';
        if (!OWNER.test(organization)) {
            problem('organization', (0,settings/* text */.Qq) `${(0,settings/* subject */.bc)('organization')} must be an organization's login (up to 39 letters, digits and hyphens), e.g. "octo-org"; got ${quoteValue(organization)}.`);
            ok = false;
        }
        let visibility;
        if (visibilityText !== '') {
            if (visibilityText === 'all' ||
                visibilityText === 'private' ||
                visibilityText === 'selected') {
                visibility = visibilityText;
            }
            else {
                problem('visibility', (0,settings/* text */.Qq) `${(0,settings/* subject */.bc)('visibility')} must be "all", "private" or "selected"; got ${quoteValue(visibilityText)}.`);
                ok = false;
            }
        }
        if (visibility === 'selected' && selectedRepositories.length === 0) {
            problem('selected-repositories', (0,settings/* text */.Qq) `With ${(0,settings/* named */.KT)('visibility')} set to "selected", ${(0,settings/* input */.hF)('selected-repositories')} must name the repositories that may use the secret (names in the organization, separated by commas or new lines).`);
            ok = false;
        }
        if (visibility !== 'selected' && selectedRepositories.length > 0) {
            problem('selected-repositories', (0,settings/* text */.Qq) `${(0,settings/* subject */.bc)('selected-repositories')} applies only with ${(0,settings/* named */.KT)('visibility')} set to "selected": set that too, or remove the list.`);
            ok = false;
        }
        if (selectedRepositories.length > MAX_SELECTED_REPOSITORIES) {
            problem('selected-repositories', (0,settings/* text */.Qq) `${(0,settings/* subject */.bc)('selected-repositories')} names ${selectedRepositories.length} repositories; at most ${MAX_SELECTED_REPOSITORIES} can be resolved at once (GitHub allows 100 concurrent requests). For more, set ${(0,settings/* named */.KT)('visibility')} to "private" or "all".`);
            ok = false;
        }
        else {
            const wrong = selectedRepositories.find((name) => !isRepositoryName(name));
            if (wrong !== undefined) {
                problem('selected-repositories', (0,settings/* text */.Qq) `${(0,settings/* subject */.bc)('selected-repositories')} must list repository names of the organization (without "${organization}/"); ${quoteValue(wrong)} is not one.`);
                ok = false;
            }
        }
        return ok ? { kind: 'organization', organization, visibility, selectedRepositories } : undefined;
    }
    for (const [input, given] of [
        ['visibility', visibilityText],
        ['selected-repositories', selectedText],
    ]) {
        if (given !== '') {
            problem(input, (0,settings/* text */.Qq) `${(0,settings/* subject */.bc)(input)} applies only to an organization secret: set ${(0,settings/* named */.KT)('organization')} too, or remove it.`);
        }
    }
    const repositoryText = getInput('repository') || env['GITHUB_REPOSITORY'] || '';
    const repository = parseRepository(repositoryText);
    if (repository === undefined) {
        problem('repository', repositoryText === ''
            ? (0,settings/* text */.Qq) `${(0,settings/* subject */.bc)('repository')} is empty and GITHUB_REPOSITORY is not set: set it to "owner/name".`
            : (0,settings/* text */.Qq) `${(0,settings/* subject */.bc)('repository')} must be "owner/name", e.g. "octo-org/confluence-sync"; got ${quoteValue(repositoryText)}.`);
        return undefined;
    }
    if (environment === '')
        return { kind: 'repository', repository };
    const overlong = tooLong((0,settings/* subject */.bc)('environment'), environment, LIMITS.environment, false);
    if (overlong !== undefined ||
        /[\p{Cc}\p{Cs}]/u.test(environment) ||
        environment === '.' ||
        environment === '..') {
        problem('environment', overlong ??
            (0,settings/* text */.Qq) `${(0,settings/* subject */.bc)('environment')} must be an environment's name as shown in the repository settings (up to ${ENVIRONMENT_MAX} characters, no control characters, not "." or ".."); got ${quoteValue(environment)}.`);
        return undefined;
    }
    return { kind: 'environment', repository, environment };
}
/** GitHub's rules for the names of secrets, which variables share (docs: "Naming conventions"). */
function checkSecretName(input, name, problem, kind = 'secret') {
    if (name === '')
        return;
    const overlong = tooLong((0,settings/* subject */.bc)(input), name, LIMITS.name, false);
    if (overlong !== undefined) {
        problem(input, overlong);
    }
    else if (!SECRET_NAME.test(name)) {
        problem(input, (0,settings/* text */.Qq) `${(0,settings/* subject */.bc)(input)} must contain only letters, digits and underscores and must not start with a digit (GitHub's rule for ${kind} names); got ${quoteValue(name)}.`);
    }
    else if (/^GITHUB_/i.test(name)) {
        problem(input, (0,settings/* text */.Qq) `${(0,settings/* subject */.bc)(input)} must not start with GITHUB_ (GitHub reserves that prefix); got ${quoteValue(name)}.`);
    }
}
function parseRepository(text) {
    const parts = text.split('/');
    if (parts.length !== 2)
        return undefined;
    const [owner, repo] = parts;
    if (!OWNER.test(owner) || !isRepositoryName(repo))
        return undefined;
    return { owner, repo };
}
/** GitHub's repository names: up to 100 of `A-Z a-z 0-9 . _ -`, but not "." or ".." (dot-segments). */
function isRepositoryName(name) {
    return REPO.test(name) && name !== '.' && name !== '..';
}
/** A whole number of seconds, or NaN. Bounded first, so leading zeros cannot make it huge. */
function readSeconds(text) {
    return text.length <= LIMITS.seconds.max && /^\d+$/.test(text) ? Number(text) : NaN;
}
/** ISO 8601: a date (2026-01-31) or a date and time with its zone (2026-01-31T09:00:00Z). */
function parseConsentDate(given, problem) {
    const time = parseIsoMoment(given);
    if (Number.isNaN(time)) {
        problem('consented-at', (0,settings/* text */.Qq) `${(0,settings/* subject */.bc)('consented-at')} must be an ISO 8601 date such as "2026-01-31" (or a date and time with its zone, "2026-01-31T09:00:00Z"); got ${quoteValue(given)}.`);
        return undefined;
    }
    return new Date(time);
}
/**
 * An ISO 8601 moment as epoch milliseconds: a date (2026-01-31, its midnight UTC) or a date and
 * time with its zone (2026-01-31T09:00:00Z); NaN for anything else. A time without a zone would
 * mean the reader's own, which differs between a laptop and a runner.
 */
function parseIsoMoment(text) {
    const iso = text.length <= LIMITS.date.max &&
        /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2}))?$/.test(text);
    if (!iso)
        return NaN;
    return Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text.replace(' ', 'T'));
}
function withoutTrailingSlash(url) {
    return url.href.replace(/\/+$/, '');
}

;// CONCATENATED MODULE: ./src/github/target-checks.ts
/**
 * What a target needs settled before the refresh token is spent: that an environment exists, and
 * who may use an organization secret. A mistake here must stop the run while the token is unspent.
 */





/** Stops with a clear message when the environment does not exist (the API would say only 404). */
async function checkEnvironmentExists(access, target) {
    const { owner, repo } = target.repository;
    try {
        await callGitHub({
            ...target_checks_common(access),
            route: `GET ${environmentPath(target.repository, target.environment)}`,
            doing: `read the environment "${target.environment}" of ${owner}/${repo}`,
            subject: `the environment "${target.environment}" of ${owner}/${repo}`,
        });
    }
    catch (error) {
        if (error instanceof errors/* ActionError */.lZ && error.code === 'GITHUB_NOT_FOUND') {
            throw new errors/* ActionError */.lZ('GITHUB_NOT_FOUND', (0,settings/* text */.Qq) `${owner}/${repo} has no environment named "${target.environment}" that the ${(0,settings/* named */.KT)('github-token')} can see. Nothing was sent to Atlassian.`, 'unchanged', (0,settings/* text */.Qq) `Check ${(0,settings/* input */.hF)('environment')} against the repository's Settings → Environments, or create the environment there. The token needs ${access.target.permission}.`);
        }
        throw error;
    }
}
/**
 * Who may use the organization secret after the write. GitHub requires `visibility` on every write,
 * so when the input leaves it open, the secret keeps what it has (a rotation must not change who
 * can read the token), and a new secret is `private`.
 */
async function organizationAccess(access, target, secretName, existing) {
    if (target.visibility === 'selected') {
        return {
            visibility: 'selected',
            selectedRepositoryIds: await Promise.all(target.selectedRepositories.map((name) => repositoryId(access, target.organization, name))),
        };
    }
    if (target.visibility !== undefined) {
        return { visibility: target.visibility, selectedRepositoryIds: undefined };
    }
    if (existing.visibility === 'selected') {
        return {
            visibility: 'selected',
            selectedRepositoryIds: await currentSelection(access, secretName),
        };
    }
    return { visibility: existing.visibility ?? 'private', selectedRepositoryIds: undefined };
}
async function repositoryId(access, organization, name) {
    const { data } = await callGitHub({
        ...target_checks_common(access),
        route: `GET ${restPath `/repos/${organization}/${name}`}`,
        doing: `look up the selected repository ${organization}/${name}`,
        subject: `repository ${organization}/${name}`,
    });
    const id = isRecord(data) ? data['id'] : undefined;
    if (typeof id !== 'number' || !Number.isSafeInteger(id)) {
        throw new errors/* ActionError */.lZ('GITHUB_UNEXPECTED', `GitHub's answer for the repository ${organization}/${name} has no numeric "id": ${quote(data, access.secrets)}.`, 'unchanged', (0,settings/* text */.Qq) `Check ${(0,settings/* named */.KT)('github-api-url')}.`);
    }
    return id;
}
/** The repositories that may use the secret now, page by page (at most 100 per page). */
async function currentSelection(access, secretName) {
    const ids = [];
    for (let page = 1;; page++) {
        const { data } = await callGitHub({
            ...target_checks_common(access),
            route: `GET ${secretPath(access.target, secretName)}/repositories`,
            params: { per_page: 100, page },
            doing: `read which repositories may use the secret ${secretName} of ${access.target.description}`,
            subject: `the secret ${secretName} of ${access.target.description}`,
        });
        const repositories = isRecord(data) ? data['repositories'] : undefined;
        const total = isRecord(data) ? data['total_count'] : undefined;
        if (!Array.isArray(repositories) || typeof total !== 'number') {
            throw new errors/* ActionError */.lZ('GITHUB_UNEXPECTED', `GitHub's answer for the repositories of the secret ${secretName} is not {total_count, repositories}: ${quote(data, access.secrets)}.`, 'unchanged', (0,settings/* text */.Qq) `Check ${(0,settings/* named */.KT)('github-api-url')}.`);
        }
        for (const repository of repositories) {
            const id = isRecord(repository) ? repository['id'] : undefined;
            if (typeof id === 'number')
                ids.push(id);
        }
        if (repositories.length === 0 || ids.length >= total)
            return ids;
    }
}
function target_checks_common(access) {
    return {
        github: access.github,
        params: {},
        tokenInput: 'github-token',
        permission: access.target.permission,
        tokenState: 'unchanged',
        secrets: access.secrets,
        retry: access.retry,
    };
}

;// CONCATENATED MODULE: ./src/github/workflow-run.ts
/**
 * When this run read its secrets: repository and organization secrets are read when a run (attempt)
 * is queued, environment secrets when the job referencing the environment starts (docs: "Secrets
 * reference"; ../shared/FACTS.md, "When a workflow sees a secret"). Read with the workflow's own
 * token, which may read its own runs with `actions: read`.
 */




/** The run attempt this process belongs to, from the runner's variables; undefined outside Actions. */
function currentRunAttempt(env) {
    const [owner, repo] = (env['GITHUB_REPOSITORY'] ?? '').split('/');
    const runId = env['GITHUB_RUN_ID'] ?? '';
    const attempt = env['GITHUB_RUN_ATTEMPT'] ?? '1';
    if (!owner || !repo || !/^\d+$/.test(runId) || !/^\d+$/.test(attempt))
        return undefined;
    return { repository: { owner, repo }, runId, attempt, job: env['GITHUB_JOB'] ?? '' };
}
/**
 * The earliest moment this attempt can have read its secrets. A first attempt is queued when the
 * run is created; a re-run attempt when it starts. Erring early only makes the stale-token guard
 * more careful.
 */
async function fetchSecretsReadAt(github, run, secrets, retry) {
    const { owner, repo } = run.repository;
    const { data } = await callGitHub({
        github,
        route: `GET ${restPath `/repos/${owner}/${repo}/actions/runs/${run.runId}/attempts/${run.attempt}`}`,
        params: {},
        doing: `read when this workflow run started (run ${run.runId}, attempt ${run.attempt})`,
        subject: `workflow run ${run.runId} of ${owner}/${repo}`,
        tokenInput: 'workflow-token',
        permission: '"actions: read" (add `permissions: actions: read` to the job)',
        tokenState: 'unchanged',
        secrets,
        retry,
    });
    const createdAt = isRecord(data) ? parseTime(data['created_at']) : undefined;
    const startedAt = isRecord(data) ? parseTime(data['run_started_at']) : undefined;
    const readAt = run.attempt === '1' ? minTime(createdAt, startedAt) : (startedAt ?? createdAt);
    if (readAt === undefined) {
        throw new errors/* ActionError */.lZ('GITHUB_UNEXPECTED', `GitHub's answer for workflow run ${run.runId} has no readable "run_started_at" or "created_at": ${quote(data, secrets)}.`, 'unchanged', (0,settings/* text */.Qq) `Check ${(0,settings/* named */.KT)('github-api-url')}.`);
    }
    return new Date(readAt);
}
function parseTime(value) {
    if (typeof value !== 'string')
        return undefined;
    const time = Date.parse(value);
    return Number.isNaN(time) ? undefined : time;
}
function minTime(a, b) {
    if (a === undefined)
        return b;
    if (b === undefined)
        return a;
    return Math.min(a, b);
}
/**
 * When this job started: the moment it read its environment secrets. The API names jobs by their
 * display name, which is the job's key unless `name:` is set, with the matrix values in brackets;
 * when exactly one running job matches GITHUB_JOB, that is this one. Otherwise the guard cannot
 * tell, and says so.
 */
async function fetchJobStartedAt(github, run, secrets, retry) {
    const { owner, repo } = run.repository;
    const { data } = await callGitHub({
        github,
        route: `GET ${restPath `/repos/${owner}/${repo}/actions/runs/${run.runId}/attempts/${run.attempt}/jobs`}`,
        params: { per_page: 100 },
        doing: `read when this job started (run ${run.runId}, attempt ${run.attempt})`,
        subject: `workflow run ${run.runId} of ${owner}/${repo}`,
        tokenInput: 'workflow-token',
        permission: '"actions: read" (add `permissions: actions: read` to the job)',
        tokenState: 'unchanged',
        secrets,
        retry,
    });
    const jobs = isRecord(data) && Array.isArray(data['jobs']) ? data['jobs'] : [];
    const running = jobs.filter(isRecord).filter((job) => {
        const name = job['name'];
        return (job['status'] === 'in_progress' &&
            typeof name === 'string' &&
            run.job !== '' &&
            (name === run.job || name.startsWith(`${run.job} (`)));
    });
    const startedAt = running.length === 1 ? parseTime(running[0]?.['started_at']) : undefined;
    if (startedAt === undefined) {
        throw new Error(`could not tell which running job of run ${run.runId} is this one (job "${run.job}"${running.length > 1 ? `, ${running.length} running jobs match` : ''}); a job with its own "name:" is not matched`);
    }
    return new Date(startedAt);
}

;// CONCATENATED MODULE: ./src/common/shell-quote.ts
/**
 * Quoting for POSIX shells (sh, bash, zsh, dash, ksh), so that a printed command means the same
 * thing however it is pasted: every argument is one word, taken literally.
 *
 * Between single quotes every character is literal in all of them (POSIX, Shell Command Language
 * §2.2.2): no globbing (`* ? [ ]`), no parameter, command or arithmetic expansion (`$`, backticks),
 * no brace or tilde expansion, no word splitting. Single quotes also stop history expansion (`!`)
 * in interactive bash ("Only `\` and `'` may be used to escape the history expansion character",
 * bash manual, History Expansion) and zsh (zshexpn, "History Expansion": enclosed in single quotes
 * it loses its special meaning). A single quote cannot appear inside them: it is written `'\''`
 * (close, an escaped quote, open again).
 *
 * zsh's RC_QUOTES option, where `''` inside a quoted string stands for a quote, cannot join the
 * pieces: the quote before the backslash closes the string, and `\'` is outside any. fish, where
 * `\'` inside single quotes is an escape, reads it the same way, since that backslash is outside.
 */
function shellQuote(argument) {
    // A NUL ends a C string: no process can receive it in an argument.
    if (argument.includes('\0'))
        throw new Error('A shell argument cannot hold a NUL character.');
    return `'${argument.replaceAll("'", "'\\''")}'`;
}
/** A command line of quoted words; `literal` words (the program, its fixed flags) stay as written. */
function commandLine(words) {
    return words.map((word) => (typeof word === 'string' ? shellQuote(word) : word.literal)).join(' ');
}

;// CONCATENATED MODULE: ./src/rotation/recovery-command.ts


/**
 * The command, every argument quoted for POSIX shells. With `secretAsSeen`, an `if … then … else
 * … fi` that first reads the secret's metadata (bash and zsh both take it as pasted).
 */
function recoveryCommand(write) {
    const put = putCommand(write);
    const seen = write.secretAsSeen;
    if (seen === undefined)
        return put;
    const { hostname, endpoint } = ghEndpoint(write.githubApiUrl, secretPath(write.target, write.secretName));
    const read = [
        { literal: 'gh api' },
        ...(hostname === undefined ? [] : [{ literal: '--hostname' }, hostname]),
        endpoint,
    ];
    const refusal = (why) => commandLine([
        { literal: 'echo' },
        `Not stored: ${why}. Store nothing: the secret holds a newer token than this value.`,
    ]);
    if (seen === 'absent') {
        return `if ${commandLine([...read, { literal: '--silent 2>/dev/null' }])}; then ${refusal('the secret exists now, and did not when this run checked it')}; else ${put}; fi`;
    }
    return `if [ "$(${commandLine([...read, { literal: '--jq' }, '.updated_at'])})" = ${shellQuote(seen.updatedAt)} ]; then ${put}; else ${refusal(`the secret was written after ${seen.updatedAt}, when this run saw it (or reading it failed: see above)`)}; fi`;
}
/** The write itself: `gh api --method PUT …` with the sealed value. */
function putCommand(write) {
    const { hostname, endpoint } = ghEndpoint(write.githubApiUrl, secretPath(write.target, write.secretName));
    const { sealed, organization } = write;
    return commandLine([
        { literal: 'gh api' },
        ...(hostname === undefined ? [] : [{ literal: '--hostname' }, hostname]),
        { literal: '--method PUT' },
        endpoint,
        { literal: '-f' },
        `encrypted_value=${sealed.encryptedValue}`,
        { literal: '-f' },
        `key_id=${sealed.keyId}`,
        ...(organization
            ? [
                { literal: '-f' },
                `visibility=${organization.visibility}`,
                ...(organization.selectedRepositoryIds ?? []).flatMap((id) => [
                    { literal: '-F' },
                    `selected_repository_ids[]=${id}`,
                ]),
            ]
            : []),
    ]);
}
/** Where `gh api` must be pointed to reach `path` under `githubApiUrl`, exactly. */
function ghEndpoint(githubApiUrl, path) {
    const url = new URL(githubApiUrl);
    const base = url.pathname.replace(/\/+$/, '');
    const standard = url.protocol === 'https:' && url.port === '' && url.search === '';
    // Named even for github.com: without --hostname, gh goes to GH_HOST, or to the only host it is
    // logged in to, which may be an Enterprise Server.
    if (standard && url.hostname === 'api.github.com' && base === '') {
        return { hostname: 'github.com', endpoint: path.replace(/^\//, '') };
    }
    // gh refuses ":" in --hostname, so an IPv6 literal (its brackets hold colons) takes the full URL.
    if (standard && base === '/api/v3' && !url.hostname.includes(':')) {
        return { hostname: url.hostname, endpoint: path.replace(/^\//, '') };
    }
    return { hostname: undefined, endpoint: `${url.origin}${base}${path}` };
}
/** How to give `gh` a token for this API, as a clause: "put the token in GH_TOKEN (…), or …". */
function ghTokenAdvice(githubApiUrl) {
    const { hostname } = new URL(githubApiUrl);
    const tenant = /^api\.([a-z0-9-]+\.ghe\.com)$/.exec(hostname)?.[1];
    if (hostname === 'api.github.com' || tenant !== undefined) {
        return `put the token in GH_TOKEN (\`read -rs GH_TOKEN && export GH_TOKEN\` keeps it out of the shell history), or run \`gh auth login${tenant ? ` --hostname ${shellQuote(tenant)}` : ''}\` first`;
    }
    const variable = 'put the token in GH_ENTERPRISE_TOKEN (`read -rs GH_ENTERPRISE_TOKEN && export GH_ENTERPRISE_TOKEN`; gh reads GH_TOKEN only for github.com)';
    const { hostname: loginHost } = ghEndpoint(githubApiUrl, '/');
    // gh cannot log in to a host with a port (its --hostname refuses one): then only the variable.
    return loginHost === undefined
        ? variable
        : `${variable}, or run \`gh auth login --hostname ${shellQuote(loginHost)}\` first`;
}

;// CONCATENATED MODULE: ./src/rotation/explain.ts


/** Atlassian accepts a disabled refresh token for 10 minutes after it was rotated (FACTS.md). */
const LEEWAY_MS = 10 * 60 * 1000;
/** The end of the leeway for a grant sent at `sentAt`: when Atlassian stops accepting the token. */
function leewayEnd(sentAt) {
    return new Date(sentAt.getTime() + LEEWAY_MS);
}
function utc(date) {
    return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
/** One or two sentences on where the working refresh token is now. */
function describeTokenState(state, context, now) {
    const where = `secret ${context.secretName} of ${context.target.description}`;
    const sentAt = context.grantSentAt;
    const leewayEnd = context.leewayEndsAt;
    const inLeeway = leewayEnd !== undefined && now.getTime() < leewayEnd.getTime();
    switch (state) {
        case 'unchanged':
            return `The refresh token in the ${where} still works: this run did not replace it.`;
        case 'maybe-rotated':
            if (sentAt === undefined || leewayEnd === undefined) {
                return 'The refresh token may have been rotated.';
            }
            return inLeeway
                ? `The refresh token was sent at ${utc(sentAt)} without a usable answer, so Atlassian may have rotated it. If it did, the token in the ${where} is still accepted until ${utc(leewayEnd)} (the 10-minute leeway): a re-run before then recovers it.`
                : `The refresh token was sent at ${utc(sentAt)} without a usable answer, and the 10-minute leeway ended at ${utc(leewayEnd)}. If Atlassian did not rotate it, a re-run works; if it did, the re-run fails with invalid_grant and the user must consent again.`;
        case 'rejected':
            return `Atlassian refuses the refresh token in the ${where}: the integration stays broken until the user consents again.`;
        case 'stored':
            return `The refresh token was rotated and the new one is stored in the ${where}: the integration is safe; only what came after failed.`;
        case 'overlapped':
            return `Two rotations of this token overlapped: the ${where} may not hold the newest of their tokens (this run's is in the recovery value below). Until that is settled, the next rotation may present a superseded token and revoke the consent.`;
        case 'rotated-not-stored':
            if (leewayEnd === undefined) {
                return `Atlassian issued a new refresh token; it was NOT stored in the ${where}.`;
            }
            return inLeeway
                ? `Atlassian issued a new refresh token and disabled the one in the ${where}; the new token was NOT stored. The old token is still accepted until ${utc(leewayEnd)} (the 10-minute leeway): a re-run before then is safe — or store the recovery value below, but not both.`
                : `Atlassian issued a new refresh token and disabled the one in the ${where}; the new token was NOT stored, and the old token's 10-minute leeway ended at ${utc(leewayEnd)}. Do not re-run before storing the recovery value: presenting the old token now would revoke the consent, the new token included.`;
    }
}
/** The `gh api` command that stores this run's recovery value (./recovery-command.ts). */
function recoveryCommandFor(context, recovery) {
    return recoveryCommand({
        githubApiUrl: context.githubApiUrl,
        target: context.target,
        secretName: context.secretName,
        sealed: recovery.sealed,
        organization: recovery.organization,
        secretAsSeen: recovery.secretAsSeen,
    });
}
function describeRecovery(context, recovery) {
    return [
        `Recovery value: the new refresh token, sealed with the public key of the ${context.target.description} (only GitHub can open it, so it is safe to show).`,
        `  key_id: ${recovery.sealed.keyId}`,
        `  encrypted_value: ${recovery.sealed.encryptedValue}`,
        `Store it with GitHub CLI and a token that may write the secret: ${ghTokenAdvice(context.githubApiUrl)}; then run:`,
        `  ${recoveryCommandFor(context, recovery)}`,
        `Do it before any run uses the old token after ${utc(recovery.leewayEndsAt)}: from then on, presenting the old token revokes the consent, including the new token.`,
        `Store it, or re-run the workflow before that time — one or the other, never both: whichever comes second would put a superseded token in the secret.${recovery.secretAsSeen === undefined ? '' : ' The command checks this itself: it stores nothing if the secret was written after this run saw it.'}`,
    ].join('\n');
}
/** The full failure text for the log and the error annotation; each door words its settings. */
function describeFailure(error, context, recovery, now) {
    const parts = [
        error.said,
        [describeTokenState(error.tokenState, context, now)],
        (0,settings/* concat */.xW)(['Next step: ', error.next]),
    ];
    if (recovery)
        parts.push([describeRecovery(context, recovery)]);
    return (0,settings/* concat */.xW)(parts, '\n');
}
/** When the user must consent again, and in how many days. */
function consentText(consent) {
    return `${consent.reconsentBy.toISOString().slice(0, 10)} (${consent.daysLeft} days left)`;
}
/** What a real run would have done: for the log and the summary of a dry run. */
function describeDryRun(context, plan) {
    const lines = [
        `Dry run: nothing was sent to the token endpoint, and no secret was written.`,
        `A real run would refresh the token at ${plan.tokenUrl.origin} and write the new refresh token to the secret ${context.secretName} of ${context.target.description}.`,
    ];
    if (plan.organization) {
        const ids = plan.organization.selectedRepositoryIds;
        lines.push(`The organization secret's visibility would be "${plan.organization.visibility}"${ids ? ` (repository ids ${ids.join(', ')})` : ''}.`);
    }
    if (plan.accessTokenSecret) {
        lines.push(`It would also store the access token in ${plan.accessTokenSecret}.`);
    }
    if (plan.siteUrl)
        lines.push(`It would look up the cloud id of ${plan.siteUrl.origin}.`);
    lines.push((0,settings/* text */.Qq) `Stale-token check: ${plan.staleTokenCheck}.`);
    if (plan.consent)
        lines.push(`Consent again by: ${consentText(plan.consent)}.`);
    return lines;
}
/** Text made safe to place in HTML (summaries, the command line tool's callback page). */
function escapeHtml(text) {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;');
}

;// CONCATENATED MODULE: ./src/rotation/stale-token-guard.ts
/**
 * The stale-token guard: has the secret been rewritten since this run read it?
 *
 * A run reads repository secrets when it is queued (../shared/FACTS.md, "When a workflow sees a
 * secret"), so it can hold a token that another run, or an earlier job of this run, has rotated
 * since. Such a token is superseded, and it is never presented: Atlassian (Auth0's rotation) reuses
 * only the token immediately before the newest one, and only for 10 minutes; the guard cannot know
 * how many rotations happened since the run read the secret, so no leeway arithmetic makes
 * presenting it safe. Nothing is lost by stopping: the secret holds the newer token.
 */



/**
 * @param updatedAt when the secret was last written (undefined: it does not exist)
 * @param readAt    when this run read its secrets, in GitHub's clock
 */
function judgeStoredToken(updatedAt, readAt) {
    if (updatedAt === undefined)
        return { kind: 'first-write' };
    if (updatedAt.getTime() <= readAt.getTime())
        return { kind: 'fresh' };
    return { kind: 'superseded', updatedAt, readAt, readAtWhat: 'this run read its secrets' };
}
/**
 * GitHub's timestamps (updated_at, the Date header) are cut to the second, so a moment moved from
 * this machine's clock into GitHub's is known to within a second.
 */
const CLOCK_RESOLUTION_MS = 1000;
/**
 * When the moment the run read its secrets is unknown, `since` still bounds it: the token was in
 * hand by then, so a write certainly after it superseded the token. `since.at` is in GitHub's
 * clock, estimated through its Date header, hence the margin: without it, a write just before
 * would be taken for one after, and a valid token refused.
 */
function judgeWithoutReadTime(updatedAt, since, reason) {
    if (updatedAt.getTime() > since.at.getTime() + CLOCK_RESOLUTION_MS) {
        return { kind: 'superseded', updatedAt, readAt: since.at, readAtWhat: since.what };
    }
    return { kind: 'unknown', reason };
}
/**
 * The warning for a guard that could not decide: the rotation goes ahead. It names the case it
 * leaves open: a run queued behind another rotation holds the token that rotation replaced.
 */
function unknownWarning(secretName, reason) {
    return (0,settings/* text */.Qq) `Could not check whether another rotation rewrote ${secretName} after this run read it (${reason}). Going ahead. A run that waited in a concurrency group behind another rotation holds the token that rotation replaced, and presenting it after the 10-minute leeway revokes the consent. To enable the check, let the job read its own run: add "permissions: actions: read" (the action reads the run's start with ${(0,settings/* named */.KT)('workflow-token')}, by default github.token).`;
}
/** Nothing says when the token was read: a guess is not good enough to spend it on. */
function unboundedError(judgement, secretName) {
    return new errors/* ActionError */.lZ('TOKEN_AGE_UNKNOWN', (0,settings/* text */.Qq) `The secret ${secretName} was last written at ${utc(judgement.updatedAt)}, and nothing says when the refresh token given was read (${judgement.reason}). If anything rotated the token after that (a workflow, another terminal), the token given is superseded, and presenting it would revoke the consent. Nothing was sent.`, 'unchanged', (0,settings/* text */.Qq) `Give the time you obtained that refresh token in ${(0,settings/* named */.KT)('token-obtained-at')} (ISO 8601 with its zone, e.g. 2026-12-01T10:00:00Z): the rotation goes ahead only if the secret was not written after it.`);
}
/**
 * What a superseded token means: another rotation got there first, nothing was sent, nothing is
 * lost. The caller decides whether that fails the step (input "on-superseded").
 */
function supersededError(judgement, secretName) {
    const read = `after ${judgement.readAtWhat} (${utc(judgement.readAt)})`;
    return new errors/* ActionError */.lZ('SUPERSEDED', `Another rotation got there first: the secret ${secretName} was rewritten at ${utc(judgement.updatedAt)}, ${read}, so the refresh token this run holds has been superseded. It was not sent to Atlassian, which accepts only the newest token (and, for 10 minutes, the one just before it): presenting a superseded one could revoke the consent. Nothing is lost: the secret holds the newer token.`, 'unchanged', 'Nothing to do for the token. If this step had to provide an access token, re-run the workflow: a new run reads the current secret. If rotations keep meeting, give every workflow that rotates this token the same `concurrency:` group (with cancel-in-progress: false).');
}
/** One line for the job summary. */
function describeJudgement(judgement) {
    switch (judgement.kind) {
        case 'fresh':
            return 'passed: the secret was not rewritten since this run read it';
        case 'first-write':
            return 'passed: the secret did not exist yet';
        case 'superseded':
            return `stopped: the secret was rewritten at ${utc(judgement.updatedAt)}, after this run read it`;
        case 'unknown':
            return (0,settings/* text */.Qq) `skipped: ${judgement.reason}`;
        case 'unbounded':
            return (0,settings/* text */.Qq) `stopped: nothing says when the token given was read (${judgement.reason})`;
    }
}

;// CONCATENATED MODULE: ./src/rotation/preflight.ts
/**
 * Everything settled before the refresh token is spent, in one round of parallel reads: the store's
 * public key (proves the GitHub token reaches it), when the secret was last written, when this run
 * read its secrets, and that an environment target exists. Any failure here leaves the token unspent.
 */






/**
 * The store, in one round of parallel reads: the public key (proves the GitHub token reaches the
 * secrets), the secret's metadata, and that an environment target exists; then, for an organization
 * secret, who may use it. Shared by the rotation and by `authorize`, which both write the secret.
 */
async function checkStore(store, secret) {
    const { target, secretName } = secret;
    const [publicKey, metadata, environment] = await Promise.allSettled([
        fetchPublicKey(store, 'unchanged'),
        fetchSecretMetadata(store, secretName),
        target.kind === 'environment' ? checkEnvironmentExists(store, target) : Promise.resolve(),
    ]);
    // An unknown environment explains a failed key read better than the key read does.
    if (environment.status === 'rejected')
        throw environment.reason;
    if (publicKey.status === 'rejected')
        throw publicKey.reason;
    let organization;
    if (target.kind === 'organization') {
        // Keeping the secret's visibility needs to know it: without the metadata, stop rather than
        // guess and change who can read the token.
        if (metadata.status === 'rejected' && target.visibility === undefined)
            throw metadata.reason;
        organization = await organizationAccess(store, target, secretName, metadata.status === 'fulfilled'
            ? metadata.value
            : { updatedAt: undefined, visibility: undefined, serverNow: undefined });
    }
    return { publicKey: publicKey.value, metadata, organization };
}
/** The rotation's preflight: the store, and when this run read the token, in the same round. */
async function preflight(request, sources) {
    const { store } = sources;
    const { target } = request;
    const [checked, readAt] = await Promise.allSettled([
        checkStore(store, request),
        'missing' in sources.run
            ? Promise.reject(new Error(sources.run.missing))
            : // Environment secrets are read when the job starts; the others when the run is queued.
                (target.kind === 'environment' ? fetchJobStartedAt : fetchSecretsReadAt)(sources.run.github, sources.run.attempt, store.secrets, store.retry),
    ]);
    if (checked.status === 'rejected')
        throw checked.reason;
    const { publicKey, metadata, organization } = checked.value;
    return {
        publicKey,
        metadata: metadata.status === 'fulfilled' ? metadata.value : undefined,
        judgement: judge(metadata, readAt, sources.now(), sources.tokenHeldSince),
        organization,
    };
}
function judge(metadata, readAt, localNow, tokenHeldSince) {
    if (metadata.status === 'rejected')
        return { kind: 'unknown', reason: reasonOf(metadata.reason) };
    const { updatedAt, serverNow } = metadata.value;
    if (updatedAt === undefined)
        return { kind: 'first-write' };
    if (readAt.status === 'fulfilled')
        return judgeStoredToken(updatedAt, readAt.value);
    const reason = reasonOf(readAt.reason);
    if (tokenHeldSince === undefined)
        return { kind: 'unbounded', updatedAt, reason };
    // GitHub's clock decided updated_at: move the bound into it. The Date header is cut to the
    // second, which moves the bound earlier, never later: the guard errs towards "superseded".
    const skew = serverNow ? serverNow.getTime() - localNow.getTime() : 0;
    return judgeWithoutReadTime(updatedAt, { at: new Date(tokenHeldSince.at.getTime() + skew), what: tokenHeldSince.what }, reason);
}
function reasonOf(error) {
    if (error instanceof errors/* ActionError */.lZ)
        return error.said;
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: ./src/rotation/write-back.ts
/**
 * Storing a new token: seal it under the store's public key and write it. The sealed value is handed
 * to `onSealed` before the write, so that if the write never completes (a failure, a cancelled job,
 * a lost runner) the only copy of a new refresh token is already in the log, readable by GitHub
 * alone. After the write, the secret's metadata tells whether another rotation wrote it too.
 */





async function writeBack(access, request) {
    const { secretName, organization, tokenState } = request;
    const seal = async (key) => {
        const sealed = { keyId: key.keyId, encryptedValue: await sealForGitHub(request.value, key.key) };
        request.onSealed?.(sealed);
        return sealed;
    };
    try {
        return await storeSecret(access, secretName, await seal(request.publicKey), organization, tokenState);
    }
    catch (error) {
        // 422 when the key was replaced between the preflight and the write: seal again, once.
        if (!(error instanceof errors/* ActionError */.lZ) || error.code !== 'GITHUB_REJECTED_VALUE')
            throw error;
        const current = await fetchPublicKey(access, tokenState);
        if (current.keyId === request.publicKey.keyId)
            throw error;
        return await storeSecret(access, secretName, await seal(current), organization, tokenState);
    }
}
/** GitHub's timestamps are whole seconds; a write's own updated_at may round either way. */
const SAME_WRITE_TOLERANCE_MS = 1000;
/**
 * Reads the secret's metadata again after the write. A write by another rotation between this
 * run's preflight and its write is visible only when the secret was new (the write says
 * "updated" instead of "created") and this run sent its write once: a retried write may itself
 * have created the secret before its answer was lost. A write after this one moves `updated_at`
 * past the write's time.
 */
async function checkWrite(access, secretName, before, write, localWriteAt) {
    const writtenAt = write.at ?? localWriteAt;
    const absentBefore = before !== undefined && before.updatedAt === undefined;
    if (absentBefore && write.how === 'updated' && write.attempts === 1) {
        return { kind: 'created-meanwhile', writtenAt };
    }
    let after;
    try {
        after = await fetchSecretMetadata(access, secretName);
    }
    catch (error) {
        return { kind: 'unverified', reason: write_back_reasonOf(error) };
    }
    if (after.updatedAt === undefined) {
        return { kind: 'unverified', reason: 'the secret was not found right after the write' };
    }
    if (after.updatedAt.getTime() > writtenAt.getTime() + SAME_WRITE_TOLERANCE_MS) {
        return { kind: 'rewritten-after', writtenAt, rewrittenAt: after.updatedAt };
    }
    return { kind: 'alone' };
}
/** GitHub's clock is read to the second, through a header: two seconds either way is a tie. */
const CLOCK_TOLERANCE_MS = 2000;
/**
 * Reads the secret's metadata just before a write that comes late (a slow refresh, a retried
 * write): time in which another rotation may have stored its own new token. A write of that
 * rotation before this run's refresh was sent means its refresh came first, so this run's token is
 * the newest and replaces it; a later one leaves it unknown which is newest, and then this run
 * must not overwrite it. `refreshSentAt` is in GitHub's clock.
 */
async function checkBeforeWrite(access, secretName, lastSeen, refreshSentAt, 
/** This run's earlier attempts of the same write, which may have been applied unanswered. */
ownAttempts) {
    let seen;
    try {
        seen = await fetchSecretMetadata(access, secretName);
    }
    catch (error) {
        return { kind: 'unverified', reason: write_back_reasonOf(error) };
    }
    if (seen.updatedAt?.getTime() === lastSeen.updatedAt?.getTime())
        return { kind: 'unchanged' };
    if (seen.updatedAt === undefined)
        return { kind: 'unchanged' }; // deleted meanwhile: nothing to lose
    const at = seen.updatedAt.getTime();
    const own = ownAttempts.some(({ from, to }) => at >= from.getTime() - CLOCK_TOLERANCE_MS && at <= to.getTime() + CLOCK_TOLERANCE_MS);
    // Written while an earlier attempt of this very write was on its way: that attempt, applied
    // before its answer was lost. Writing the same value again loses nothing.
    if (own)
        return { kind: 'own-write', seen };
    if (seen.updatedAt.getTime() + CLOCK_TOLERANCE_MS < refreshSentAt.getTime()) {
        return { kind: 'rewritten-before-refresh', seen };
    }
    return { kind: 'rewritten-after-refresh', seen, rewrittenAt: seen.updatedAt };
}
/** The write not made: another rotation stored its token after this run's refresh was sent. */
function notOverwrittenError(secretName, readAt, rewrittenAt, refreshSentAt) {
    return new errors/* ActionError */.lZ('ROTATIONS_OVERLAPPED', `Two rotations of this token overlapped: ${secretName} was written at ${utc(rewrittenAt)} by another rotation${readAt ? `, after this run read it at ${utc(readAt)}` : ''} and after this run sent its own refresh at ${utc(refreshSentAt)}. Only the token issued last is Atlassian's newest, and which of the two that is cannot be told from here, so this run did not overwrite the secret. If the other token is the older one, the next rotation presents a superseded token and Atlassian revokes the consent.`, 'overlapped', `Find the other rotation (a workflow run that uses this secret, or someone running the command line tool's refresh) and when it sent its refresh. If that was before ${utc(refreshSentAt)}, store this run's recovery value (below) now, before the next rotation: its command checks that the secret is still as this run last saw it. If it was after, nothing needs doing. Then give every workflow that rotates this token the same \`concurrency:\` group, and never run the command line tool's refresh while a workflow may rotate it.`);
}
/** The loud failure for an overlap: both times, why it matters, and what to check. */
function overlapError(check, secretName, grantSentAt) {
    const what = check.kind === 'rewritten-after'
        ? `this run wrote its new refresh token to ${secretName} at ${utc(check.writtenAt)}, and something else wrote ${secretName} again at ${utc(check.rewrittenAt)}`
        : `${secretName} did not exist when this run checked it, yet when this run wrote its new refresh token at ${utc(check.writtenAt)} GitHub said it updated an existing secret: something else created it in between`;
    const oursStored = check.kind === 'created-meanwhile';
    const ifOursIsNewer = oursStored
        ? 'nothing needs doing'
        : `store this run's recovery value (printed above, in the "Recovery value" group) now, before the next rotation`;
    const ifTheirsIsNewer = oursStored
        ? "store the other run's new token (its recovery value, printed in its log) now, before the next rotation"
        : 'nothing needs doing';
    return new errors/* ActionError */.lZ('ROTATIONS_OVERLAPPED', `Two rotations of this token overlapped: ${what}. Only the token issued last is Atlassian's newest; the secret now holds ${oursStored ? "this run's" : "the other writer's"} token, which may be the older of the two. If it is, the next rotation presents a superseded token and Atlassian revokes the consent.`, 'overlapped', `Check which rotation refreshed last: this run sent its refresh at ${utc(grantSentAt)}. Find the other one (a workflow run that uses this secret, or someone running the command line tool's refresh) and when it refreshed. If this run refreshed after it, ${ifOursIsNewer}; if the other refreshed after this run, ${ifTheirsIsNewer}. Then give every workflow that rotates this token the same \`concurrency:\` group, and never run the command line tool's refresh while a workflow may rotate it.`);
}
/** Why a check could not be made, as the failure said it. */
function write_back_reasonOf(error) {
    if (error instanceof errors/* ActionError */.lZ)
        return error.said;
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./src/cli/child-env.ts
/**
 * The environment of a process this tool starts (the browser, `gh`): its own, minus the secrets
 * this tool reads from it, which no other program needs to see.
 */
const SECRET_VARIABLES = [
    'ATLASSIAN_CLIENT_SECRET',
    'ATLASSIAN_REFRESH_TOKEN',
    'ATLASSIAN_ACCESS_TOKEN',
    'GH_TOKEN',
    'GITHUB_TOKEN',
];
function childEnvironment(env) {
    const copy = {};
    for (const [name, value] of Object.entries(env)) {
        if (value !== undefined && !SECRET_VARIABLES.includes(name)) {
            copy[name] = value;
        }
    }
    return copy;
}

;// CONCATENATED MODULE: ./src/cli/browser.ts
/**
 * Opening the consent address in a browser: the program named by --browser or BROWSER (as Python's
 * webbrowser and many tools read it), else the desktop's opener when there is a desktop. The
 * browser is started on its own, without this tool's secrets in its environment, and left running.
 */



/**
 * The command that opens an address, as program and arguments; undefined when there is no browser
 * to open (no desktop, e.g. over SSH). In `command`, "%s" stands for the address; without it the
 * address is appended. Arguments are separated by spaces (no shell, no quoting).
 */
function browserCommand(command, env, platform = process.platform) {
    const chosen = (command ?? env['BROWSER'] ?? '').split(external_node_path_namespaceObject.delimiter)[0]?.trim() ?? '';
    if (chosen !== '')
        return chosen.split(/\s+/);
    if (platform === 'darwin')
        return ['open'];
    if (platform === 'win32')
        return ['rundll32', 'url.dll,FileProtocolHandler'];
    return env['DISPLAY'] || env['WAYLAND_DISPLAY'] ? ['xdg-open'] : undefined;
}
/** Starts the browser; resolves once it started (true) or could not start (false). */
function openBrowser(command, address, env) {
    const [program, ...rest] = command;
    if (program === undefined)
        return Promise.resolve(false);
    const args = rest.some((arg) => arg.includes('%s'))
        ? rest.map((arg) => arg.replaceAll('%s', address))
        : [...rest, address];
    return new Promise((resolve) => {
        const child = (0,external_node_child_process_namespaceObject.spawn)(program, args, {
            detached: true,
            stdio: 'ignore',
            env: childEnvironment(env),
        });
        child.once('error', () => resolve(false));
        child.once('spawn', () => {
            child.unref();
            resolve(true);
        });
    });
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __nccwpck_require__(67);
;// CONCATENATED MODULE: ./src/cli/wording.ts
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
    const name = (setting) => setting === 'github-token' ? githubToken : (SECRET_SOURCES[setting] ?? `--${setting}`);
    return ({ setting, role }) => {
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

;// CONCATENATED MODULE: ./src/cli/exit-codes.ts
/**
 * The command line tool's exit codes: one per kind of outcome a script (or a person) acts on
 * differently. Listed in every command's --help and in the README.
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
    /** Interrupted (Ctrl-C), by the shell's convention 128 + SIGINT. */
    INTERRUPTED: 130,
};
/** For --help and the README: what each code means, in one line. */
const EXIT_CODE_HELP = [
    [EXIT.OK, 'done'],
    [EXIT.UNEXPECTED, 'unexpected failure (please report it)'],
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
    [EXIT.INTERRUPTED, 'interrupted (Ctrl-C)'],
];
/** A failure of the tool itself (usage, the local callback), with its exit code and next step. */
class CliError extends Error {
    exitCode;
    name = 'CliError';
    /** What happened and what to do, with the settings they name kept as data. */
    said;
    next;
    constructor(exitCode, message, nextStep, options) {
        const said = (0,settings/* asText */.e1)(message);
        super((0,settings/* word */.Vm)(said, cliWording()), options);
        this.exitCode = exitCode;
        this.said = said;
        this.next = nextStep === undefined ? undefined : (0,settings/* asText */.e1)(nextStep);
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
    RUNNER_FILE: EXIT.UNEXPECTED,
    CANCELLED: EXIT.INTERRUPTED,
    UNEXPECTED: EXIT.UNEXPECTED,
};
function exitCodeOf(error) {
    if (error instanceof CliError)
        return error.exitCode;
    if (error instanceof errors/* ActionError */.lZ)
        return BY_CODE[error.code];
    return EXIT.UNEXPECTED;
}

;// CONCATENATED MODULE: ./src/cli/callback-server.ts
/**
 * The local end of a `http://localhost:PORT/…` callback URL: after the consent, Atlassian sends the
 * browser there with `?code=…&state=…`, and this listener takes it (RFC 8252 §7.3, loopback
 * redirection).
 *
 * It listens on the loopback address only, so nothing off this machine can reach it; it takes
 * exactly one request on the callback path (anything else is turned away and it keeps waiting),
 * answers the browser with a short page, and then stops listening. Requests naming another host
 * (a page elsewhere trying its luck through DNS rebinding) are refused.
 */




/**
 * True for a plain-http callback on a loopback host (the one rule, ../endpoint-url.ts): this tool
 * listens there itself. An https callback cannot be served without a certificate: paste mode.
 */
function isLoopbackCallback(url) {
    return url.protocol === 'http:' && isLoopbackHost(url.hostname);
}
/**
 * Starts listening at the callback URL's port. `judge` decides what the page tells the person
 * (accepted, or what went wrong); the caller decides what happens next.
 */
async function listenForCallback(callback, judge) {
    const port = Number(callback.port || 80);
    // "localhost" may resolve to either loopback address in the browser: listen on both.
    const hosts = callback.hostname === 'localhost'
        ? ['127.0.0.1', '::1']
        : [callback.hostname.replace(/^\[|\]$/g, '')];
    let answered = false;
    let resolveReceived = () => { };
    const received = new Promise((resolve) => {
        resolveReceived = resolve;
    });
    const handle = (req, res) => {
        if ((req.headers.host ?? '').toLowerCase() !== callback.host.toLowerCase()) {
            sendText(res, 421, 'This listener only answers its callback address.');
            return;
        }
        const url = new URL(req.url ?? '/', callback.origin);
        if (url.pathname !== callback.pathname) {
            sendText(res, 404, 'Not found.');
            return;
        }
        if (req.method !== 'GET') {
            sendText(res, 405, "Only the browser's redirect (GET) is expected here.");
            return;
        }
        if (answered) {
            sendPage(res, 410, 'Already answered', 'This authorization has already been answered. Return to the terminal.');
            return;
        }
        answered = true;
        const verdict = judge(url.href);
        res.on('finish', () => {
            resolveReceived(url.href);
        });
        sendPage(res, verdict.ok ? 200 : 400, verdict.ok ? 'Authorization received' : 'Authorization failed', verdict.ok
            ? `${verdict.message} You can close this tab and return to the terminal.`
            : `${verdict.message} Return to the terminal for what to do next.`);
    };
    const servers = [];
    const closeAll = async () => {
        await Promise.all(servers.map((server) => new Promise((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
        })));
    };
    for (const host of hosts) {
        const server = (0,external_node_http_.createServer)(handle);
        try {
            await new Promise((resolve, reject) => {
                server.once('error', reject);
                server.listen({ host, port, exclusive: true }, () => {
                    server.off('error', reject);
                    resolve();
                });
            });
            servers.push(server);
        }
        catch (error) {
            const code = error.code;
            // No IPv6 on this machine: the browser cannot use ::1 either.
            if (host === '::1' && (code === 'EADDRNOTAVAIL' || code === 'EAFNOSUPPORT'))
                continue;
            await closeAll();
            throw new CliError(EXIT.AUTHORIZATION, code === 'EADDRINUSE'
                ? `Cannot listen at ${callback.origin}: port ${port} on ${host} is in use by another program.`
                : code === 'EACCES'
                    ? `Cannot listen at ${callback.origin}: ports below 1024 need administrator rights.`
                    : code === 'EADDRNOTAVAIL'
                        ? `Cannot listen at ${callback.origin}: this machine has no address ${host} (Linux answers on all of 127.0.0.0/8; macOS, by default, only on 127.0.0.1).`
                        : `Cannot listen at ${callback.origin} (${String(code ?? error)}).`, code === 'EADDRNOTAVAIL'
                ? 'Register http://localhost:PORT/… or http://127.0.0.1:PORT/… as the callback URL in the developer console (Authorization) and pass it to --callback. Or use --paste to copy the address by hand.'
                : 'Stop the program using the port, or register another callback port in the developer console (Authorization) and pass it to --callback. Or use --paste to copy the address by hand.');
        }
    }
    return { received, close: closeAll };
}
const HEADERS = {
    'cache-control': 'no-store',
    // The address holds the code: the page must not pass it on to anything it could load or link.
    'referrer-policy': 'no-referrer',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    'x-content-type-options': 'nosniff',
    connection: 'close',
};
function sendText(res, status, text) {
    res.writeHead(status, { ...HEADERS, 'content-type': 'text/plain; charset=utf-8' });
    res.end(`${text}\n`);
}
function sendPage(res, status, title, text) {
    res.writeHead(status, { ...HEADERS, 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
        `<body style="font-family: sans-serif; margin: 3em"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></body></html>\n`);
}

// EXTERNAL MODULE: ./src/cli/context.ts
var cli_context = __nccwpck_require__(217);
;// CONCATENATED MODULE: ./src/cli/github-token.ts
/**
 * The GitHub token that writes the secret, found the way GitHub's own CLI users expect: GH_TOKEN,
 * else GITHUB_TOKEN, else the token `gh` is logged in with (`gh auth token`, read from its standard
 * output: never from or into a process argument).
 */




const WAYS = [
    '  - export GH_TOKEN=… (a fine-grained personal access token or a GitHub App token), or',
    '  - export GITHUB_TOKEN=…, or',
    '  - install GitHub CLI and run `gh auth login` once: the token of `gh auth token` is used.',
].join('\n');
async function findGitHubToken(env, githubApiUrl, permission, ghAuthToken = runGhAuthToken) {
    for (const name of ['GH_TOKEN', 'GITHUB_TOKEN']) {
        const value = env[name]?.trim();
        if (value)
            return { token: bounded(value, name), source: name };
    }
    const hostname = ghHostname(githubApiUrl);
    let answer;
    try {
        answer = await ghAuthToken(hostname, childEnvironment(env));
    }
    catch (error) {
        const missing = error.code === 'ENOENT';
        throw new CliError(EXIT.USAGE, `No GitHub token: GH_TOKEN and GITHUB_TOKEN are not set${missing ? ', and GitHub CLI (gh) is not installed' : `, and \`gh auth token\` could not run (${String(error)})`}. Give one of these ways a token with ${permission}:\n${WAYS}`);
    }
    const token = answer.stdout.trim();
    if (answer.exitCode !== 0 || token === '' || /\s/.test(token)) {
        const said = answer.stderr.trim().split('\n')[0]?.slice(0, 200) ?? '';
        throw new CliError(EXIT.USAGE, `No GitHub token: GH_TOKEN and GITHUB_TOKEN are not set, and \`gh auth token --hostname ${hostname}\` gave none${said ? ` ("${said}")` : ''}. Give one of these ways a token with ${permission}:\n${WAYS}`);
    }
    return {
        token: bounded(token, `The token of \`gh auth token --hostname ${hostname}\``),
        source: 'gh auth token',
    };
}
/** Refuses a "token" longer than any GitHub token, before it is sent anywhere. */
function bounded(token, source) {
    const overlong = tooLong(source, token, LIMITS.githubToken, true);
    if (overlong !== undefined) {
        throw new CliError(EXIT.USAGE, overlong, 'Give it a GitHub token alone. Nothing was sent.');
    }
    return token;
}
/**
 * The host `gh` knows the API by: github.com for api.github.com, TENANT.ghe.com for
 * api.TENANT.ghe.com (GitHub Enterprise Cloud with data residency), HOST for https://HOST/api/v3.
 */
function ghHostname(githubApiUrl) {
    const host = new URL(githubApiUrl).host;
    if (host === 'api.github.com')
        return 'github.com';
    return /^api\.([a-z0-9-]+\.ghe\.com)$/.exec(host)?.[1] ?? host;
}
const runGhAuthToken = (hostname, env) => new Promise((resolve, reject) => {
    const child = (0,external_node_child_process_namespaceObject.spawn)('gh', ['auth', 'token', '--hostname', hostname], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    // spawn's own `timeout` outlives a failed start (no gh) and holds the process for its length.
    const timer = setTimeout(() => child.kill(), 15_000);
    timer.unref();
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
    });
    child.on('close', (exitCode) => {
        clearTimeout(timer);
        resolve({ exitCode, stdout, stderr });
    });
});

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(975);
;// CONCATENATED MODULE: ./src/cli/options.ts
/**
 * Flags and environment variables, from one table per command: the same table parses the command
 * line (node:util parseArgs, strict) and writes the command's --help, so the two cannot drift.
 *
 * Every flag `--foo-bar` may also come from the variable `ATLASSIAN_FOO_BAR`; the flag wins. Secret
 * values are never flags (they would land in shell history and in the process list): they are read
 * from the environment only.
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
        values = (0,external_node_util_.parseArgs)({ args, options, strict: true, allowPositionals: false }).values;
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
            throw new CliError(EXIT.USAGE, `${variable ?? ''} must be "true" or "false"; got ${quoteValue(text)}.`, `Fix it, or unset it and use --${name}.`);
        },
    };
}
function usageError(command, error) {
    const help = `Run \`${TOOL} ${command.name} --help\` for the options.`;
    const code = error.code;
    const message = error instanceof Error ? error.message : String(error);
    const option = /'(-[^' ]*)/.exec(message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option !== undefined) {
        const name = option.replace(/^-+/, '').replace(/=.*$/, '');
        const source = SECRET_SOURCES[name];
        if (source !== undefined) {
            return new CliError(EXIT.USAGE, `--${name} is not a flag: secrets are read from the environment only (${source}), so they never land in shell history or the process list.`, `Set it without echoing it, e.g. \`read -rs ${source.split(' ')[0] ?? ''} && export ${source.split(' ')[0] ?? ''}\`, then run the command again.`);
        }
        // Only the option's name: a value after "=" may be anything, a secret included.
        return new CliError(EXIT.USAGE, `Unknown option ${quoteValue(option.replace(/=.*$/s, ''))} for "${command.name}".`, help);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option !== undefined) {
        return new CliError(EXIT.USAGE, /argument missing/.test(message)
            ? `Option ${option} needs a value.`
            : `Option ${option.replace(/=.*$/s, '')} takes no value.`, help);
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
        const argument = /'([^']*)'/.exec(message)?.[1] ?? '';
        return new CliError(EXIT.USAGE, `Unexpected argument ${quoteValue(argument)}: "${command.name}" takes only options (--name value).`, help);
    }
    return new CliError(EXIT.USAGE, message, help);
}
/** One problem as it is; several as a list, so each can be fixed in one go. */
function listProblems(problems) {
    if (problems.length === 1)
        return (0,settings/* asText */.e1)(problems[0] ?? '');
    return (0,settings/* concat */.xW)([`${problems.length} problems:`, ...problems.map((p) => (0,settings/* concat */.xW)(['  - ', p]))], '\n');
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
        ...EXIT_CODE_HELP.map(([code, text]) => row(String(code), text, 7)),
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

;// CONCATENATED MODULE: external "node:readline"
const external_node_readline_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:readline");
;// CONCATENATED MODULE: ./src/cli/paste.ts
/**
 * Paste mode: when the callback is not on this machine (the guides use the Confluence site's own
 * address), the browser lands there and the person copies the address from the address bar.
 *
 * On a terminal, readline reads keystrokes itself (raw mode), so a long pasted address is not cut
 * at the terminal's line limit (1024 bytes on macOS) as a plain read of standard input would be.
 */

function readOneLine(input, output, prompt) {
    const reader = (0,external_node_readline_namespaceObject.createInterface)({ input, output, terminal: input.isTTY === true });
    const line = new Promise((resolve) => {
        let done = false;
        reader.once('line', (text) => {
            done = true;
            resolve(text.trim());
            reader.close();
        });
        reader.once('close', () => {
            if (!done)
                resolve(undefined);
        });
    });
    reader.setPrompt(prompt);
    reader.prompt();
    return {
        line,
        close: () => {
            reader.close();
            input.unref?.();
        },
    };
}

;// CONCATENATED MODULE: ./src/cli/shared-flags.ts
/** The same targets as the action: a repository secret, an environment's, or an organization's. */
const TARGET_FLAGS = [
    {
        name: 'repository',
        kind: 'string',
        value: 'OWNER/REPO',
        description: 'The repository holding the secret (default: GITHUB_REPOSITORY, when set). With --environment, the repository of the environment.',
    },
    {
        name: 'environment',
        kind: 'string',
        value: 'NAME',
        description: 'Write an environment secret of --repository in this environment instead.',
    },
    {
        name: 'organization',
        kind: 'string',
        value: 'ORG',
        description: 'Write an organization secret instead of a repository secret.',
    },
    {
        name: 'visibility',
        kind: 'string',
        value: 'all|private|selected',
        description: 'With --organization: which repositories may use the secret. Default: keep an existing secret\'s, "private" for a new one.',
    },
    {
        name: 'selected-repositories',
        kind: 'string',
        value: 'NAMES',
        description: 'With --visibility selected: repository names of the organization, separated by commas.',
    },
];
const ENDPOINT_FLAGS = [
    {
        name: 'token-url',
        kind: 'string',
        value: 'URL',
        description: "Atlassian's token endpoint. Default: https://auth.atlassian.com/oauth/token.",
    },
    {
        name: 'atlassian-api-url',
        kind: 'string',
        value: 'URL',
        env: 'ATLASSIAN_API_URL',
        description: "Atlassian's API gateway, which lists the sites. Default: https://api.atlassian.com.",
    },
    {
        name: 'github-api-url',
        kind: 'string',
        value: 'URL',
        description: "GitHub's REST API (https://HOST/api/v3 on GitHub Enterprise Server). Default: GITHUB_API_URL, else https://api.github.com.",
    },
];
/** --github-api-url, else ATLASSIAN_GITHUB_API_URL, else the runner's GITHUB_API_URL, else github.com's. */
function gitHubApiUrl(flags, env) {
    return flags.string('github-api-url') ?? (env['GITHUB_API_URL'] || 'https://api.github.com');
}

;// CONCATENATED MODULE: ./src/cli/authorize.ts
/**
 * `authorize`: from an OAuth app to the first stored refresh token, in one command.
 *
 *   1. read and check every flag;                                           (nothing sent yet)
 *   2. prove the GitHub token reaches the secret (and the variable), before anyone consents;
 *   3. the consent: print (and open) the consent address, then catch the browser's answer on the
 *      local callback, or have the person paste the address they land on; refuse another state;
 *   4. exchange the code (authorization-code grant): the answer must hold a refresh token;
 *   5. seal the refresh token and write it to the secret;                   (the token is safe)
 *   6. record the consent date in a repository variable; list the sites the token reaches.
 */























const DEFAULT_SCOPE = 'read:confluence-content.all';
const DEFAULT_TIMEOUT_SECONDS = 600;
const spec = {
    name: 'authorize',
    summary: 'consent in a browser and store the first refresh token in a GitHub secret',
    usage: 'authorize --client-id ID --callback URL --secret-name NAME [--repository OWNER/REPO] [options]',
    description: [
        "Builds Atlassian's consent address (audience=api.atlassian.com, your client ID and scopes with offline_access added, the callback URL, a random state, prompt=consent) and opens it in a browser when there is one.",
        "With a callback on this machine (http://localhost:PORT/…, registered as the app's callback URL), it listens there and catches the answer itself. With any other callback (such as your Confluence site's address, as Atlassian's guides suggest), or with --paste, you copy the address the browser lands on after you accept, and paste it here.",
        "It refuses an answer with another state, exchanges the code for tokens (the answer must hold a refresh token), seals the refresh token with the secret store's public key and writes it to the secret, records the consent date in a repository variable if asked (for the action's consented-at input), and lists the sites the token reaches. The GitHub token is checked before you are asked to consent. Tokens are never printed unless you pass --show-tokens.",
        'Every token of a consent dies 365 days after it, however often it is refreshed: run this command again before then.',
    ],
    flags: [
        {
            name: 'client-id',
            kind: 'string',
            value: 'ID',
            description: "The OAuth 2.0 (3LO) app's client ID (developer console, Settings).",
        },
        {
            name: 'callback',
            kind: 'string',
            value: 'URL',
            description: "The app's callback URL, exactly as registered (developer console, Authorization). http://localhost:PORT/…: caught here; anything else: paste mode.",
        },
        {
            name: 'scope',
            kind: 'string',
            value: 'SCOPES',
            description: `Scopes to ask for, separated by spaces or commas: those the app has under Permissions. offline_access is added when missing. Default: ${DEFAULT_SCOPE}.`,
        },
        {
            name: 'secret-name',
            kind: 'string',
            value: 'NAME',
            description: 'The secret that receives the refresh token, e.g. ATLASSIAN_REFRESH_TOKEN. Optional with --show-tokens (then nothing is stored).',
        },
        ...TARGET_FLAGS,
        {
            name: 'record-consent-variable',
            kind: 'string',
            value: 'NAME',
            description: 'Also write the consent date (YYYY-MM-DD) to this repository variable, e.g. ATLASSIAN_CONSENTED_AT, for the action\'s consented-at input. Needs "Variables: Read and write".',
        },
        {
            name: 'paste',
            kind: 'boolean',
            env: false,
            description: 'Paste the address the browser lands on, even with a localhost callback (e.g. when the browser runs on another machine than this shell).',
        },
        {
            name: 'browser',
            kind: 'string',
            value: 'COMMAND',
            env: 'BROWSER',
            description: "The program that opens the consent address (arguments separated by spaces; %s stands for the address, else it is appended). Default: the desktop's opener, when there is a desktop.",
        },
        {
            name: 'no-browser',
            kind: 'boolean',
            env: false,
            description: 'Do not open a browser: only print the consent address.',
        },
        {
            name: 'timeout',
            kind: 'string',
            value: 'SECONDS',
            description: `How long to wait for the consent's answer. Default: ${DEFAULT_TIMEOUT_SECONDS}.`,
        },
        {
            name: 'show-tokens',
            kind: 'boolean',
            env: false,
            description: 'Print the new access and refresh tokens on standard output. They are secrets: anyone who reads them can use your Atlassian access.',
        },
        {
            name: 'authorize-url',
            kind: 'string',
            value: 'URL',
            description: `Atlassian's consent page. Default: ${DEFAULT_AUTHORIZE_URL}.`,
        },
        ...ENDPOINT_FLAGS,
    ],
    environment: [
        ['ATLASSIAN_CLIENT_SECRET', "The OAuth app's secret (required; never a flag)."],
        [
            'GH_TOKEN, GITHUB_TOKEN',
            'The GitHub token that writes the secret (and the variable); without either, the token of `gh auth token`. Needs "Secrets: Read and write" (environments: "Environments"; organizations: organization "Secrets").',
        ],
    ],
    examples: [
        `${TOOL} authorize --client-id "$CLIENT_ID" --callback http://localhost:8765/callback --repository octo-org/confluence-sync --secret-name ATLASSIAN_REFRESH_TOKEN --record-consent-variable ATLASSIAN_CONSENTED_AT`,
        `${TOOL} authorize --client-id "$CLIENT_ID" --callback https://example.atlassian.net --scope "read:confluence-content.all search:confluence" --repository octo-org/confluence-sync --secret-name ATLASSIAN_REFRESH_TOKEN`,
    ],
};
/** Every flag checked at once; all problems reported together, before anything is sent. */
function readPlan(flags, env) {
    const problems = [];
    const problem = (_setting, message) => {
        problems.push((0,settings/* asText */.e1)(message));
    };
    const clientId = flags.string('client-id') ?? '';
    if (clientId === '') {
        problem('client-id', '--client-id is required: your OAuth app\'s client ID (developer console, "Settings").');
    }
    const clientSecret = env['ATLASSIAN_CLIENT_SECRET']?.trim() ?? '';
    if (clientSecret === '') {
        problem('client-secret', 'ATLASSIAN_CLIENT_SECRET is not set: export the OAuth app\'s secret (developer console, "Settings") without echoing it, e.g. `read -rs ATLASSIAN_CLIENT_SECRET && export ATLASSIAN_CLIENT_SECRET`.');
    }
    for (const [name, value, limit] of [
        ['--client-id', clientId, LIMITS.clientId],
        ['ATLASSIAN_CLIENT_SECRET', clientSecret, LIMITS.clientSecret],
    ]) {
        const overlong = tooLong(name, value, limit, name === 'ATLASSIAN_CLIENT_SECRET');
        if (overlong !== undefined) {
            problem(name, overlong);
        }
        else if (/\s/.test(value)) {
            problem(name, `${name} contains whitespace: give the value alone, without quotes or line breaks.`);
        }
    }
    const callback = parseCallback(flags.string('callback'), problem);
    const scope = flags.string('scope') ?? DEFAULT_SCOPE;
    const scopeTooLong = tooLong('--scope', scope, LIMITS.scope, false);
    if (scopeTooLong !== undefined) {
        problem('scope', scopeTooLong);
    }
    else if (scope.split(/[\s,]+/).every((s) => s === '')) {
        problem('scope', '--scope is empty: name the scopes the app has under "Permissions".');
    }
    const showTokens = flags.boolean('show-tokens');
    const secretName = flags.string('secret-name');
    let store;
    if (secretName !== undefined) {
        checkSecretName('secret-name', secretName, problem);
        const target = readTarget((name) => flags.string(name) ?? '', env, problem);
        if (target !== undefined)
            store = { secretName, target };
    }
    else if (!showTokens) {
        problem('secret-name', '--secret-name is required: name the secret that receives the refresh token, e.g. ATLASSIAN_REFRESH_TOKEN (or pass --show-tokens to only print the tokens).');
    }
    const variableName = flags.string('record-consent-variable');
    let consentVariable;
    if (variableName !== undefined) {
        checkSecretName('record-consent-variable', variableName, problem, 'variable');
        const repository = store !== undefined && store.target.kind !== 'organization'
            ? store.target.repository
            : parseRepository(flags.string('repository') ?? env['GITHUB_REPOSITORY'] ?? '');
        if (repository === undefined) {
            problem('record-consent-variable', '--record-consent-variable writes a repository variable: name its repository with --repository OWNER/REPO (the one whose workflow rotates the token).');
        }
        else
            consentVariable = { name: variableName, repository };
    }
    const timeoutText = flags.string('timeout') ?? String(DEFAULT_TIMEOUT_SECONDS);
    const timeout = readSeconds(timeoutText);
    if (!(timeout >= 1 && timeout <= 3600)) {
        problem('timeout', `--timeout must be a whole number of seconds from 1 to 3600; got ${quoteValue(timeoutText)}.`);
    }
    const browser = flags.string('browser');
    const browserTooLong = browser === undefined ? undefined : tooLong('--browser', browser, LIMITS.command, false);
    if (browserTooLong !== undefined)
        problem('browser', browserTooLong);
    const url = (input, fallback) => parseEndpointUrl(input, flags.string(input) ?? fallback, problem);
    const authorizeUrl = url('authorize-url', DEFAULT_AUTHORIZE_URL);
    const tokenUrl = url('token-url', 'https://auth.atlassian.com/oauth/token');
    const atlassianApiUrl = url('atlassian-api-url', 'https://api.atlassian.com');
    const githubApiUrl = parseEndpointUrl('github-api-url', gitHubApiUrl(flags, env), problem);
    if (problems.length > 0 ||
        callback === undefined ||
        !authorizeUrl ||
        !tokenUrl ||
        !atlassianApiUrl ||
        !githubApiUrl) {
        throw new CliError(EXIT.USAGE, listProblems(problems), `Run \`${TOOL} authorize --help\` for the options. Nothing was sent.`);
    }
    const listen = isLoopbackCallback(callback) && !flags.boolean('paste');
    return {
        clientId,
        clientSecret,
        callback,
        redirectUri: flags.string('callback') ?? '',
        scope,
        store,
        consentVariable,
        mode: listen ? 'listen' : 'paste',
        browser: flags.boolean('no-browser') ? undefined : browserCommand(browser, env),
        timeoutMs: timeout * 1000,
        showTokens,
        authorizeUrl,
        tokenUrl,
        atlassianApiUrl: authorize_withoutTrailingSlash(atlassianApiUrl),
        githubApiUrl: authorize_withoutTrailingSlash(githubApiUrl),
    };
}
/**
 * The callback, exactly as registered: https (paste mode), or plain http to a loopback host, where
 * this tool listens itself. The same loopback rule as every endpoint (../endpoint-url.ts).
 */
function parseCallback(text, problem) {
    if (text === undefined) {
        problem('callback', '--callback is required: the app\'s callback URL, exactly as registered in the developer console ("Authorization"), e.g. http://localhost:8765/callback.');
        return undefined;
    }
    const overlong = tooLong('--callback', text, LIMITS.url, false);
    if (overlong !== undefined) {
        problem('callback', overlong);
        return undefined;
    }
    let url;
    try {
        url = new URL(text);
    }
    catch {
        problem('callback', `--callback must be a URL, e.g. http://localhost:8765/callback; got ${quoteValue(text)}.`);
        return undefined;
    }
    if (url.hash !== '' || url.username !== '' || url.password !== '') {
        problem('callback', '--callback must not hold a #fragment, a user name or a password.');
        return undefined;
    }
    if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
        return url;
    }
    problem('callback', `--callback must be https, or http to this machine (${PLAIN_HTTP_RULE}): the code would otherwise cross the network in clear text; got ${quoteValue(text)}.`);
    return undefined;
}
function authorize_withoutTrailingSlash(url) {
    return url.href.replace(/\/+$/, '');
}
async function prepareGitHub(plan, context) {
    const { terminal, deps } = context;
    const target = plan.store ? secretTarget(plan.store.target) : undefined;
    const permission = [
        target?.permission,
        plan.consentVariable ? variablesPermission(plan.consentVariable.repository) : undefined,
    ]
        .filter((text) => text !== undefined)
        .join('; and ');
    const token = await findGitHubToken(deps.env, plan.githubApiUrl, permission, deps.ghAuthToken);
    terminal.secrets.add(token.token);
    terminal.wording = cliWording(token.source);
    const github = (0,cli_context/* gitHubClient */.XB)(context, token.token, plan.githubApiUrl);
    const retry = (0,cli_context/* retryOptions */.tO)(context, 'GitHub');
    let store;
    if (plan.store && target) {
        const access = { github, target, secrets: terminal.secrets, retry };
        const { secretName } = plan.store;
        // The rotation's own store check: the same reads, the same refusals, before any consent.
        const { publicKey, metadata, organization } = await checkStore(access, plan.store);
        if (metadata.status === 'rejected')
            throw metadata.reason;
        const existing = metadata.value;
        store = { access, publicKey, organization };
        terminal.say(`GitHub: the token from ${token.source} reads the secrets of ${target.description}; ${secretName} ${existing.updatedAt ? `exists (last written ${existing.updatedAt.toISOString().slice(0, 10)}) and will be replaced` : 'will be created'}.`);
    }
    let variables;
    if (plan.consentVariable) {
        const { name, repository } = plan.consentVariable;
        variables = { github, repository, secrets: terminal.secrets, retry };
        const existing = await readVariable(variables, name);
        terminal.say(`GitHub: the variable ${name} of ${repository.owner}/${repository.repo} ${existing ? `holds "${existing.value}" and will be updated` : 'will be created'}.`);
    }
    return { store, variables };
}
const authorize = {
    spec,
    async run(flags, context) {
        const { terminal, deps } = context;
        const plan = readPlan(flags, deps.env);
        terminal.secrets.add(plan.clientSecret);
        // 2. GitHub first: nobody should consent for a token that cannot be stored.
        const github = plan.store || plan.consentVariable ? await prepareGitHub(plan, context) : undefined;
        // 3. The consent.
        const state = newState();
        const address = consentUrl({
            authorizeUrl: plan.authorizeUrl,
            clientId: plan.clientId,
            scope: plan.scope,
            redirectUri: plan.redirectUri,
            state,
        }).href;
        const answer = plan.mode === 'listen'
            ? await catchCallback(plan, address, state, context)
            : await askForAddress(plan, address, context);
        const code = readAuthorizationResponse(answer, state);
        terminal.secrets.add(code);
        // 4. The code, exchanged for the consent's first tokens.
        const tokens = await authorizationCodeGrant({
            tokenUrl: plan.tokenUrl,
            clientId: plan.clientId,
            clientSecret: plan.clientSecret,
            code,
            redirectUri: plan.redirectUri,
        }, (0,cli_context/* httpOptions */.$3)(context, plan.tokenUrl), terminal.secrets, (0,cli_context/* retryOptions */.tO)(context, 'Token endpoint', 30_000));
        const consentedAt = new Date(deps.clock.now());
        if (plan.showTokens)
            revealTokens(context, tokens);
        // 5. Store it first: until then the new refresh token exists only here. From here on it is safe.
        if (plan.store && github?.store) {
            await storeRefreshToken(plan, plan.store.secretName, github.store, tokens, context);
        }
        for (const warning of tokens.warnings)
            terminal.warn(warning);
        terminal.say(`Atlassian issued a refresh token${tokens.scope ? ` for the scopes: ${tokens.scope}` : ''}.`);
        // 6. What comes after: the consent date, the sites.
        let exitCode = EXIT.OK;
        if (plan.consentVariable && github?.variables) {
            exitCode = await recordConsent(plan.consentVariable, github.variables, consentedAt, context);
        }
        await showSites(plan, tokens, context);
        const status = consentStatus(consentedAt, consentedAt);
        terminal.say(`Consent given on ${consentedAt.toISOString().slice(0, 10)}: every token of it dies on ${status.reconsentBy.toISOString().slice(0, 10)} (365 days), however often it is refreshed. Run \`${TOOL} authorize\` again before then.`);
        if (plan.store && !plan.consentVariable) {
            terminal.say('Tip: --record-consent-variable ATLASSIAN_CONSENTED_AT keeps that date in a repository variable, so the action (consented-at: ${{ vars.ATLASSIAN_CONSENTED_AT }}) warns 30 days before.');
        }
        return exitCode;
    },
};
async function catchCallback(plan, address, state, context) {
    const { terminal, deps } = context;
    const listener = await listenForCallback(plan.callback, (received) => {
        try {
            readAuthorizationResponse(received, state);
            return { ok: true, message: 'The authorization code reached the terminal.' };
        }
        catch (error) {
            return { ok: false, message: error instanceof Error ? error.message : String(error) };
        }
    });
    try {
        terminal.say(`Open this address in a browser, signed in to Atlassian as the user whose access the integration will use, and accept:\n\n  ${address}\n`);
        await openIfPossible(plan, address, context);
        terminal.say(`Waiting for the answer at ${plan.callback.origin}${plan.callback.pathname} (up to ${plan.timeoutMs / 1000} s; Ctrl-C stops)…`);
        return await within(listener.received, plan.timeoutMs, deps.clock, () => new CliError(EXIT.AUTHORIZATION, `No answer reached ${plan.callback.origin}${plan.callback.pathname} within ${plan.timeoutMs / 1000} s.`, 'Run authorize again and accept in the browser that opens (or open the printed address yourself). If the browser runs on another machine than this shell, add --paste and paste the address it lands on. The callback URL must be the one registered for the app.'));
    }
    finally {
        await listener.close();
    }
}
async function askForAddress(plan, address, context) {
    const { terminal, deps } = context;
    terminal.say(`Open this address in a browser, signed in to Atlassian as the user whose access the integration will use, and accept:\n\n  ${address}\n`);
    await openIfPossible(plan, address, context);
    terminal.say(`After you accept, the browser lands on ${plan.redirectUri} with "?code=…&state=…" in the address bar. Copy the whole address from the address bar and paste it here (the code works once, for a few minutes).`);
    const reader = readOneLine(deps.stdin, deps.streams.stderr, 'Address: ');
    try {
        const line = await within(reader.line, plan.timeoutMs, deps.clock, () => new CliError(EXIT.AUTHORIZATION, `No address was pasted within ${plan.timeoutMs / 1000} s.`, 'Run authorize again (--timeout gives more time).'));
        if (line === undefined || line === '') {
            throw new CliError(EXIT.AUTHORIZATION, 'Standard input ended before an address was pasted.', 'Run authorize again in a terminal, and paste the address when asked.');
        }
        return line;
    }
    finally {
        reader.close();
    }
}
async function openIfPossible(plan, address, context) {
    const { terminal, deps } = context;
    if (plan.browser === undefined) {
        terminal.say('(No browser to open here: open the address yourself.)');
        return;
    }
    const opened = await openBrowser(plan.browser, address, deps.env);
    terminal.say(opened
        ? `(Opened it with ${plan.browser[0] ?? ''}.)`
        : `(Could not start ${plan.browser[0] ?? ''}: open the address yourself.)`);
}
function revealTokens(context, tokens) {
    const { terminal } = context;
    terminal.warn('--show-tokens: the tokens follow on standard output. Keep them secret.');
    terminal.reveal(`refresh_token=${tokens.refreshToken}`);
    terminal.reveal(`access_token=${tokens.accessToken ?? ''}`);
    terminal.reveal(`expires_in=${tokens.expiresIn ?? ''}`);
    terminal.reveal(`scope=${tokens.scope ?? ''}`);
}
async function storeRefreshToken(plan, secretName, github, tokens, context) {
    const { terminal } = context;
    const { access, publicKey, organization } = github;
    let sealed;
    let stored;
    try {
        const written = await writeBack(access, {
            secretName,
            value: tokens.refreshToken,
            publicKey,
            organization,
            tokenState: 'rotated-not-stored',
            onSealed: (value) => {
                sealed = value;
            },
        });
        stored = written.how;
    }
    catch (error) {
        const said = (0,errors/* saidOf */.Jo)(error);
        const where = `the secret ${secretName} of ${access.target.description}`;
        const command = sealed
            ? recoveryCommand({
                githubApiUrl: plan.githubApiUrl,
                target: access.target,
                secretName,
                sealed,
                organization,
            })
            : undefined;
        throw new CliError(EXIT.NOT_STORED, (0,settings/* text */.Qq) `${said}\nThe new refresh token was NOT stored in ${where}.`, command
            ? `Store its sealed copy (only GitHub can open it, so it is safe to show) with GitHub CLI and a token that may write the secret: ${ghTokenAdvice(plan.githubApiUrl)}; then run:\n  ${command}\nor run authorize again.`
            : 'Fix the GitHub token as said above and run authorize again.', { cause: error });
    }
    terminal.say(`Stored the refresh token, sealed, in ${secretName} of ${access.target.description} (${stored}).`);
}
async function recordConsent(variable, access, consentedAt, context) {
    const { terminal } = context;
    const date = consentedAt.toISOString().slice(0, 10);
    const { owner, repo } = variable.repository;
    try {
        const how = await writeVariable(access, { name: variable.name, value: date });
        terminal.say(`Recorded the consent date ${date} in the variable ${variable.name} of ${owner}/${repo} (${how}): pass it to the action as consented-at: \${{ vars.${variable.name} }}.`);
        return EXIT.OK;
    }
    catch (error) {
        terminal.error((0,settings/* text */.Qq) `${(0,errors/* saidOf */.Jo)(error)}\nThe refresh token is stored; only the consent date was not recorded. Set it by hand:\n  gh variable set ${variable.name} --body ${date} --repo ${owner}/${repo}`);
        return EXIT.GITHUB;
    }
}
async function showSites(plan, tokens, context) {
    const { terminal } = context;
    if (tokens.accessToken === undefined) {
        terminal.warn(`Not listing the sites the token reaches: the token endpoint's answer held no usable access token to ask with. The refresh token is fine; \`${TOOL} sites\` lists them later.`);
        return;
    }
    try {
        const sites = await listSites(plan.atlassianApiUrl, tokens.accessToken, (0,cli_context/* httpOptions */.$3)(context, new URL(plan.atlassianApiUrl)), terminal.secrets, (0,cli_context/* retryOptions */.tO)(context, 'Sites', 30_000));
        if (sites.length === 0) {
            terminal.warn('The token reaches no site: the user who consented cannot use a site with these scopes, or the app lacks the scopes of its products.');
            return;
        }
        terminal.say(`The token reaches ${sites.length} site${sites.length === 1 ? '' : 's'}:`);
        for (const site of sites) {
            terminal.say(`  ${site.name}  ${site.url}  cloud id ${site.id}`);
        }
    }
    catch (error) {
        terminal.warn((0,settings/* text */.Qq) `Could not list the sites the token reaches (the token itself is fine): ${(0,errors/* saidOf */.Jo)(error)}`);
    }
}
/** Waits for `promise`, at most `ms` on `clock`. */
async function within(promise, ms, clock, timedOut) {
    const stop = new AbortController();
    try {
        return await Promise.race([
            promise,
            clock.sleep(ms, stop.signal).then(() => {
                throw timedOut();
            }),
        ]);
    }
    finally {
        stop.abort();
    }
}

;// CONCATENATED MODULE: ./src/rotation/outputs.ts
/** Tokens issued: the refresh token is in the store, in the log (sealed), or nowhere but here. */
const HAS_NEW_TOKEN = new Set(['rotated-not-stored', 'stored', 'overlapped']);
/** The outputs that hold a token: masked by the action, shown by the tool only when asked. */
const TOKEN_OUTPUTS = new Set(['access-token', 'refresh-token']);
function outcomeOutputs(outcome) {
    const outputs = [
        ['outcome', outcome.kind],
        ['rotated', String(HAS_NEW_TOKEN.has(outcome.tokenState))],
        ['secret-updated', String(outcome.stored !== undefined)],
    ];
    const { tokens } = outcome;
    if (tokens) {
        if (tokens.accessToken !== undefined)
            outputs.push(['access-token', tokens.accessToken]);
        if (outcome.nextRefreshToken !== undefined) {
            outputs.push(['refresh-token', outcome.nextRefreshToken]);
        }
        outputs.push(['expires-in', tokens.expiresIn === undefined ? '' : String(tokens.expiresIn)], ['expires-at', outcome.expiresAt?.toISOString() ?? ''], ['scope', tokens.scope ?? ''], ['token-type', tokens.tokenType ?? '']);
    }
    if (outcome.site) {
        outputs.push(['cloud-id', outcome.site.site.id], ['api-base-url', outcome.site.apiBaseUrl]);
    }
    if (outcome.consent)
        outputs.push(['reconsent-by', outcome.consent.reconsentBy.toISOString()]);
    if (outcome.recovery) {
        outputs.push(['recovery-encrypted-value', outcome.recovery.sealed.encryptedValue], ['recovery-key-id', outcome.recovery.sealed.keyId]);
    }
    return outputs;
}

// EXTERNAL MODULE: ./src/github/client.ts + 13 modules
var client = __nccwpck_require__(276);
;// CONCATENATED MODULE: ./src/rotation/cancellation.ts
/**
 * A job being cancelled. The runner sends SIGINT, then SIGTERM about 7.5 s later, and kills the
 * process about 2.5 s after that (../shared/FACTS.md, "The runner"). From the first signal on, no
 * request that spends the refresh token may start, and what is already in flight decides what the
 * person must do: the rotation asks {@link describeCancellation} at once, while it still can.
 */



class Cancellation {
    clock;
    #controller = new AbortController();
    #stopListening;
    #signal;
    #at;
    constructor(listen, clock, onFirst, onRepeat) {
        this.clock = clock;
        this.#stopListening = listen((signal) => {
            if (this.#signal !== undefined) {
                onRepeat(signal);
                return;
            }
            this.#signal = signal;
            this.#at = new Date(this.clock.now());
            this.#controller.abort();
            onFirst(this);
        });
    }
    /** Aborted at the first signal. */
    get signal() {
        return this.#controller.signal;
    }
    /** A method, not a getter: it changes between two reads, which the type checker must not fold. */
    requested() {
        return this.#signal !== undefined;
    }
    /** "SIGINT at 2026-12-01 02:00:00 UTC" */
    get received() {
        return this.#signal === undefined || this.#at === undefined
            ? 'no signal'
            : `${this.#signal} at ${utc(this.#at)}`;
    }
    stop() {
        this.#stopListening();
    }
}
/** What a cancellation means for the token right now, said the moment it arrives. */
function describeCancellation(cancellation, custody, where) {
    const received = `Received ${cancellation.received}: the job is being cancelled.`;
    const sentAt = custody.grantSentAt;
    const leewayEndsAt = custody.leewayEndsAt;
    switch (custody.state) {
        case 'unchanged':
            return sentAt === undefined
                ? `${received} Nothing was sent to Atlassian and nothing will be: the refresh token in ${where} is unchanged and still works.`
                : `${received} Atlassian answered without a new refresh token, so the one in ${where} stays valid.`;
        case 'maybe-rotated': {
            const sent = `The refresh token in ${where} was sent to Atlassian at ${sentAt ? utc(sentAt) : 'the start of the refresh'}`;
            const until = leewayEndsAt ? utc(leewayEndsAt) : 'ten minutes after that';
            return custody.grantInFlight
                ? `${received} ${sent} and the answer has not come yet. If Atlassian processes it, the stored token becomes the previous one, still accepted until ${until} (the 10-minute leeway): re-run the workflow before then. If the answer arrives before the runner stops this step, the new token is sealed and printed first, then stored.`
                : `${received} No new attempt of the refresh starts. ${sent} without a usable answer: if Atlassian rotated it, the stored token is still accepted until ${until} (the 10-minute leeway): re-run the workflow before then.`;
        }
        case 'rotated-not-stored':
            return `${received} The new refresh token is being stored in ${where}; its sealed copy ${custody.recovery ? 'is in' : 'is about to be printed in'} the "Recovery value" group${custody.recovery ? ' above' : ''}. If this step ends before the write, store that value with the command shown there before ${leewayEndsAt ? utc(leewayEndsAt) : 'the leeway ends'}.`;
        case 'stored':
        case 'overlapped':
        case 'rejected':
            return `${received} The refresh token is already settled (${custody.state}); what remains is skipped.`;
    }
}
/** What the cancellation stopped, and what the person does next, by where the token is. */
function cancelledError(cancellation, state, context, answered, cause) {
    const leeway = context.leewayEndsAt ? ` before ${utc(context.leewayEndsAt)}` : '';
    const what = {
        unchanged: [
            context.grantSentAt === undefined
                ? 'before the refresh grant was sent: nothing was sent to Atlassian.'
                : answered
                    ? 'after Atlassian answered without a new refresh token.'
                    : 'after the refresh grant was refused or never reached Atlassian.',
            'Nothing to do: the stored token still works, and the next run rotates it.',
        ],
        'maybe-rotated': [
            'while the refresh grant had no usable answer yet.',
            `Re-run the workflow${leeway}, while Atlassian still accepts the stored token.`,
        ],
        rejected: [
            (0,settings/* text */.Qq) `after Atlassian refused the refresh token: ${cause instanceof errors/* ActionError */.lZ ? cause.said : cause instanceof Error ? cause.message : ''}`,
            cause instanceof errors/* ActionError */.lZ ? cause.next : 'Consent again in a browser.',
        ],
        'rotated-not-stored': [
            'after Atlassian issued a new refresh token and before it was stored.',
            `Store the recovery value below with the command shown${leeway}.`,
        ],
        stored: [
            'after the new refresh token was stored; what came after it was skipped.',
            'Nothing to do for the token. Re-run the workflow if a later step needed the access token.',
        ],
        overlapped: [
            'after the new refresh token was stored, and another rotation wrote the secret too.',
            'See the overlap reported below.',
        ],
    };
    const [message, nextStep] = what[state];
    return new errors/* ActionError */.lZ('CANCELLED', (0,settings/* text */.Qq) `The job was cancelled (${cancellation.received}) ${message}`, state, nextStep, { cause });
}

;// CONCATENATED MODULE: ./src/rotation/custody.ts

class TokenCustody {
    #state = 'unchanged';
    #grantSentAt;
    #grantInFlight = false;
    #recovery;
    #answer;
    get state() {
        return this.#state;
    }
    /** When the refresh grant was first sent: the stored token's leeway counts from here. */
    get grantSentAt() {
        return this.#grantSentAt;
    }
    /** Until when Atlassian still accepts the stored token, once it may have been exchanged. */
    get leewayEndsAt() {
        return this.#grantSentAt && leewayEnd(this.#grantSentAt);
    }
    /** True while an attempt of the refresh grant waits for its answer. */
    get grantInFlight() {
        return this.#grantInFlight;
    }
    /** The refresh grant's usable answer, once it came: the outputs still need it if a write fails. */
    get answer() {
        return this.#answer;
    }
    /** The sealed copy of a new refresh token, once there is one. */
    get recovery() {
        return this.#recovery;
    }
    /** An attempt of the refresh grant is about to be sent. */
    grantSending(at) {
        this.#grantSentAt ??= at;
        this.#grantInFlight = true;
        this.#state = 'maybe-rotated';
    }
    /** The attempt ended, with an answer or without. */
    grantSettled() {
        this.#grantInFlight = false;
    }
    /** Atlassian answered without a new refresh token: the one sent stays the valid one. */
    noNewToken(answer) {
        this.#answer = answer;
        this.#state = 'unchanged';
    }
    /** Atlassian issued a new refresh token, which disabled the stored one. */
    newTokenIssued(answer) {
        this.#answer = answer;
        this.#state = 'rotated-not-stored';
    }
    sealed(recovery) {
        this.#recovery = recovery;
    }
    stored() {
        this.#state = 'stored';
    }
    /** Stored, but another rotation wrote the secret too. */
    overlapped() {
        this.#state = 'overlapped';
    }
}

;// CONCATENATED MODULE: ./src/rotation/events.ts
/**
 * The events, each call made safe: a door that fails to print (a closed pipe, a full disk) must
 * never interrupt a rotation between the refresh grant's answer and the secret write, when the
 * only working token is in this process.
 */
function guarded(events) {
    const safely = (call) => (...args) => {
        try {
            call(...args);
        }
        catch {
            // Nothing better to do: the failure to speak must not become a failure to store.
        }
    };
    return {
        info: safely((message) => events.info(message)),
        notice: safely((message, title) => events.notice(message, title)),
        warning: safely((message, title) => events.warning(message, title)),
        recovery: safely((recovery, context) => events.recovery(recovery, context)),
    };
}

;// CONCATENATED MODULE: ./src/rotation/late-write-guard.ts


/** Before a late write, no late write may go over another rotation's newer token. */
const LATE_WRITE_MS = 5_000;
/**
 * Looks at the secret again before a write attempt that comes late — the first attempt more than
 * {@link LATE_WRITE_MS} after the preflight read the secret (a slow refresh), or any retry — since
 * another rotation may have stored its own new token in the meantime (./write-back.ts,
 * checkBeforeWrite). An in-time first write skips it: the window is as short as GitHub's
 * timestamps are coarse, and the check after the write still runs.
 */
class LateWriteGuard {
    step;
    /** The secret as this run saw it last: the preflight's view, then each check's. */
    lastSeen;
    /** When each attempt of the write was sent and when it failed (this machine's clock). */
    #attempts = [];
    #warned = false;
    get attempts() {
        return this.#attempts.length;
    }
    /** An attempt of the write is being sent. */
    sending() {
        this.#attempts.push({ from: this.step.clock.now(), to: undefined });
    }
    /** The last attempt failed (a wait for the next one begins). */
    failed() {
        const last = this.#attempts[this.#attempts.length - 1];
        if (last)
            last.to = this.step.clock.now();
    }
    constructor(step) {
        this.step = step;
        this.lastSeen = step.checked.metadata;
    }
    async beforeAttempt(attempt) {
        const { request, custody, cancellation, clock, say } = this.step;
        const lastSeen = this.lastSeen;
        // A cancelled job has seconds left: the write that secures the token goes first.
        if (lastSeen === undefined || cancellation.requested())
            return;
        const late = clock.now() - this.step.checkedAt.getTime() > LATE_WRITE_MS;
        if (attempt === 1 && !late)
            return;
        const sentAt = custody.grantSentAt;
        if (sentAt === undefined)
            return;
        // This run's refresh, in GitHub's clock (the preflight's Date header against this machine's).
        const skew = lastSeen.serverNow
            ? lastSeen.serverNow.getTime() - this.step.checkedAt.getTime()
            : 0;
        const refreshSentAt = new Date(sentAt.getTime() + skew);
        const inServerClock = (local) => new Date(local + skew);
        const check = await checkBeforeWrite(this.step.store({ ...this.step.retryFor('Check'), deadline: clock.now() + 10_000 }), request.secretName, lastSeen, refreshSentAt, this.#attempts.map(({ from, to }) => ({
            from: inServerClock(from),
            to: inServerClock(to ?? clock.now()),
        })));
        switch (check.kind) {
            case 'unchanged':
            case 'unverified':
                return;
            case 'own-write':
                this.lastSeen = check.seen;
                return;
            case 'rewritten-before-refresh':
                this.lastSeen = check.seen;
                if (!this.#warned) {
                    this.#warned = true;
                    say.warning(`${request.secretName} was written at ${utc(check.seen.updatedAt ?? sentAt)} by another rotation, after this run read it but before this run sent its refresh (${utc(refreshSentAt)}): this run's token is the newer one and replaces it. Give every workflow that rotates this token the same \`concurrency:\` group.`, 'Another rotation wrote the secret');
                }
                return;
            case 'rewritten-after-refresh': {
                this.lastSeen = check.seen;
                const recovery = custody.recovery;
                if (recovery)
                    custody.sealed({ ...recovery, secretAsSeen: asSeen(check.seen) });
                throw notOverwrittenError(request.secretName, this.step.checked.metadata?.updatedAt === undefined ? undefined : this.step.checkedAt, check.rewrittenAt, refreshSentAt);
            }
        }
    }
}
/** How the recovery command recognises the secret as this run saw it. */
function asSeen(metadata) {
    if (metadata === undefined)
        return undefined;
    if (metadata.updatedAt === undefined)
        return 'absent';
    return metadata.updatedAtText === undefined ? undefined : { updatedAt: metadata.updatedAtText };
}

;// CONCATENATED MODULE: ./src/rotation/rotate.ts
/**
 * One rotation, in the order that keeps the refresh token safe:
 *
 *   1. preflight, in one round of parallel reads: the store's public key, when the secret was last
 *      written, when this run read it, and the target's own checks;      (token still unspent)
 *   2. the stale-token guard: a token superseded by another rotation is never presented;
 *      a dry run ends here, reporting what a real run would do;
 *   3. spend the refresh token: the refresh grant, retried inside the retry budget, which ends well
 *      within Atlassian's 10-minute leeway; never started once the job is being cancelled;
 *   4. secure the new token: seal it, hand the sealed copy to the door, write it;  (token safe)
 *      nothing optional runs between the answer and the write;
 *   5. check the write for another writer; then what needs the new tokens: the access-token secret
 *      and the site's cloud id (skipped when cancelled).
 *
 * Where the token is at every moment is recorded in a {@link TokenCustody}, so whatever stops the
 * rotation (an error, a signal) reports it exactly. Outputs, summaries and exit status belong to
 * the door (./../main.ts for the action): the rotation only returns its outcome.
 */



















/** Token answers are a few kilobytes; anything far larger is not a token answer. */
const MAX_ANSWER_BYTES = 256 * 1024;
async function rotate(request, deps, events) {
    const say = guarded(events);
    const { clock } = deps;
    const now = () => new Date(clock.now());
    const target = secretTarget(request.target);
    const where = `the secret ${request.secretName} of ${target.description}`;
    const custody = new TokenCustody();
    const context = () => ({
        secretName: request.secretName,
        target,
        grantSentAt: custody.grantSentAt,
        leewayEndsAt: custody.leewayEndsAt,
        githubApiUrl: request.githubApiUrl,
    });
    const consent = request.consentedAt ? consentStatus(request.consentedAt, now()) : undefined;
    if (consent?.warning)
        say.warning(consent.warning, 'Yearly consent due');
    const cancellation = new Cancellation(deps.onCancel, clock, (cancelled) => {
        say.warning(describeCancellation(cancelled, custody, where), 'Job cancelled');
    }, (signal) => {
        say.info(`Received ${signal} as well; still finishing what is said above.`);
    });
    const connections = new common_http/* ConnectionPools */.em(deps.dispatcherFor);
    const retryFor = (what, securing = false) => ({
        clock,
        deadline: clock.now() + request.retryBudgetMs,
        random: deps.random,
        ...common_retry/* DEFAULT_BACKOFF */.VU,
        signal: cancellation.signal,
        securing,
        onRetry: ({ attempt, reason, delayMs, doing }) => {
            say.info(`${what}: attempt ${attempt}${doing ? ` to ${doing}` : ''} failed (${reason}); trying again in ${(delayMs / 1000).toFixed(1)} s.`);
        },
    });
    const http = (url) => ({
        dispatcher: connections.for(url),
        timeoutMs: deps.requestTimeoutMs,
        maxBodyBytes: MAX_ANSWER_BYTES,
    });
    // Loading the sealing code (the largest part of the action) starts once the first request is on
    // the wire, so that it overlaps the network instead of delaying the first request.
    const githubClient = (token) => (0,client/* createGitHubClient */.L)({
        token,
        baseUrl: request.githubApiUrl,
        dispatcher: connections.for(new URL(request.githubApiUrl)),
        timeoutMs: deps.requestTimeoutMs,
        onWritten: () => {
            loadSodium().catch(() => undefined);
        },
    });
    const github = githubClient(request.githubToken);
    const store = (retry) => ({
        github,
        target,
        secrets: deps.secrets,
        retry,
    });
    const finish = (kind, tokenState, rest = {}) => ({
        kind,
        tokenState,
        context: context(),
        problems: [],
        tokens: undefined,
        expiresAt: undefined,
        nextRefreshToken: undefined,
        stored: undefined,
        recovery: undefined,
        site: undefined,
        accessTokenSecret: undefined,
        staleTokenCheck: undefined,
        consent,
        plan: undefined,
        ...rest,
    });
    let staleTokenCheck;
    try {
        // 1. Preflight: nothing here may cost the refresh token.
        const checked = await preflight(request, {
            store: store(retryFor('Preflight')),
            run: runSource(request, deps.env, githubClient),
            now,
            tokenHeldSince: deps.tokenHeldSince,
        });
        say.info(`The GitHub token can read the secrets public key of ${target.description} (key_id ${checked.publicKey.keyId}).`);
        const checkedAt = now();
        // 2. The stale-token guard; a dry run stops here.
        const { judgement } = checked;
        staleTokenCheck = describeJudgement(judgement);
        if (judgement.kind === 'unknown') {
            say.warning(unknownWarning(request.secretName, judgement.reason), 'Stale-token check incomplete');
        }
        if (request.dryRun) {
            const plan = dryRunPlan(request, checked, judgement, consent);
            for (const line of describeDryRun(context(), plan))
                say.info(line);
            return finish('dry-run', 'unchanged', { plan, staleTokenCheck });
        }
        if (judgement.kind === 'superseded') {
            return finish('superseded', 'unchanged', {
                problems: [supersededError(judgement, request.secretName)],
                staleTokenCheck,
            });
        }
        if (judgement.kind === 'unbounded') {
            return finish('failed', 'unchanged', {
                problems: [unboundedError(judgement, request.secretName)],
                staleTokenCheck,
            });
        }
        // 3. Spend the refresh token. The signal is checked here and at the start of every attempt.
        if (cancellation.requested())
            throw new Error('cancelled before the refresh grant');
        const refreshRetry = {
            ...retryFor('Refresh'),
            onAttempt: () => {
                custody.grantSending(now());
            },
        };
        const announceRetry = refreshRetry.onRetry;
        refreshRetry.onRetry = (info) => {
            custody.grantSettled();
            announceRetry?.(info);
        };
        let tokens;
        try {
            tokens = await refreshGrant({
                tokenUrl: request.tokenUrl,
                clientId: request.clientId,
                clientSecret: request.clientSecret,
                refreshToken: request.refreshToken,
            }, http(request.tokenUrl), deps.secrets, refreshRetry);
        }
        finally {
            custody.grantSettled();
        }
        // 4. Secure the new token before anything else: seal, hand the sealed copy over, write.
        const newRefreshToken = tokens.refreshToken !== undefined && tokens.refreshToken !== request.refreshToken
            ? tokens.refreshToken
            : undefined;
        let stored;
        let writtenAt;
        if (newRefreshToken === undefined) {
            custody.noNewToken(tokens);
        }
        else {
            custody.newTokenIssued(tokens);
            // Started and finished even if the job is being cancelled: this secures the only copy.
            const writeRetry = retryFor('Write', true);
            const guard = new LateWriteGuard({
                request,
                checked,
                checkedAt,
                custody,
                cancellation,
                clock,
                store: (retry) => store(retry),
                retryFor,
                say,
            });
            writeRetry.beforeAttempt = (attempt) => guard.beforeAttempt(attempt);
            writeRetry.onAttempt = () => {
                guard.sending();
            };
            const announceWriteRetry = writeRetry.onRetry;
            writeRetry.onRetry = (info) => {
                guard.failed();
                announceWriteRetry?.(info);
            };
            const leewayEndsAt = custody.leewayEndsAt ?? now();
            const written = await writeBack(store(writeRetry), {
                secretName: request.secretName,
                value: newRefreshToken,
                publicKey: checked.publicKey,
                organization: checked.organization,
                tokenState: 'rotated-not-stored',
                onSealed: (sealed) => {
                    const recovery = {
                        sealed,
                        organization: checked.organization,
                        leewayEndsAt,
                        secretAsSeen: asSeen(guard.lastSeen),
                    };
                    custody.sealed(recovery);
                    say.recovery(recovery, context());
                },
            });
            stored = { ...written, attempts: guard.attempts, seenBefore: guard.lastSeen };
            writtenAt = now();
            custody.stored();
        }
        // 5. The token is settled: now the rest may speak and may fail.
        if (stored) {
            say.info(`Rotated the refresh token and ${stored.how} ${request.secretName} in ${target.description}.`);
        }
        else {
            say.info(`The token endpoint issued no new refresh token: ${request.secretName} keeps the one it holds.`);
        }
        for (const warning of tokens.warnings)
            say.warning(warning, 'Odd token answer');
        const after = await afterSecuring({
            request,
            checked,
            tokens,
            stored,
            writtenAt,
            custody,
            cancellation,
            store: () => store(retryFor('After the write')),
            findSite: (accessToken, siteUrl) => findSite(request.atlassianApiUrl, accessToken, siteUrl, http(new URL(request.atlassianApiUrl)), deps.secrets, retryFor('Sites')),
            say,
        });
        const settled = {
            ...answerOf(custody, request.refreshToken),
            stored,
            site: after.site,
            accessTokenSecret: after.accessTokenSecret,
            staleTokenCheck,
            // Kept for the outputs while the secret may not hold this run's token.
            recovery: custody.state === 'overlapped' ? custody.recovery : undefined,
        };
        if (cancellation.requested()) {
            return finish('cancelled', custody.state, {
                ...settled,
                problems: [cancelledError(cancellation, custody.state, context(), true), ...after.problems],
            });
        }
        return finish(stored ? 'rotated' : 'unchanged', custody.state, {
            ...settled,
            problems: after.problems,
        });
    }
    catch (error) {
        const state = stateAfter(error, custody);
        // The new tokens stay available to later steps (an `if: failure()` step may store them).
        const kept = {
            ...answerOf(custody, request.refreshToken),
            recovery: state === 'rotated-not-stored' || state === 'overlapped' ? custody.recovery : undefined,
            staleTokenCheck,
        };
        if (cancellation.requested()) {
            return finish('cancelled', state, {
                ...kept,
                problems: [
                    cancelledError(cancellation, state, context(), custody.answer !== undefined, error),
                ],
            });
        }
        return finish('failed', state, {
            ...kept,
            problems: [toActionError(error, state, deps.secrets)],
        });
    }
    finally {
        cancellation.stop();
        connections.close();
    }
}
/** The answer's tokens, when one came: its expiry, counted from the first send of the grant. */
function answerOf(custody, sentRefreshToken) {
    const tokens = custody.answer;
    if (tokens === undefined) {
        return { tokens: undefined, expiresAt: undefined, nextRefreshToken: undefined };
    }
    const sentAt = custody.grantSentAt?.getTime() ?? Date.now();
    return {
        tokens,
        expiresAt: tokens.expiresIn === undefined ? undefined : new Date(sentAt + tokens.expiresIn * 1000),
        nextRefreshToken: tokens.refreshToken ?? sentRefreshToken,
    };
}
/**
 * What comes after the refresh token is settled, in one round: the check for another writer, the
 * access-token secret and the site lookup. Each failure is reported; none changes where the refresh
 * token is, except an overlap.
 */
async function afterSecuring(step) {
    const { request, checked, tokens, stored, custody, cancellation, say } = step;
    const problems = [];
    const accessToken = tokens.accessToken;
    if (accessToken === undefined) {
        problems.push(new errors/* ActionError */.lZ('INVALID_TOKEN_RESPONSE', `The token endpoint's answer held no usable access token${stored ? '; the new refresh token it held is stored' : ''}. This step has no access token to give to later steps${request.accessTokenSecretName || request.siteUrl ? ', and the access-token secret and the site lookup were skipped' : ''}.`, custody.state, (0,settings/* text */.Qq) `Check that ${(0,settings/* named */.KT)('token-url')} is Atlassian's token endpoint (https://auth.atlassian.com/oauth/token); the next rotation gets a new access token.`));
    }
    const extras = !cancellation.requested() && accessToken !== undefined;
    const [check, accessTokenSecret, site] = await Promise.allSettled([
        stored && step.writtenAt
            ? checkWrite(step.store(), request.secretName, stored.seenBefore, stored, step.writtenAt)
            : Promise.resolve(undefined),
        extras && request.accessTokenSecretName !== undefined
            ? writeBack(step.store(), {
                secretName: request.accessTokenSecretName,
                value: accessToken,
                publicKey: checked.publicKey,
                organization: checked.organization,
                tokenState: 'stored',
            }).then(() => request.accessTokenSecretName)
            : Promise.resolve(undefined),
        extras && request.siteUrl !== undefined
            ? step.findSite(accessToken, request.siteUrl)
            : Promise.resolve(undefined),
    ]);
    if (check.status === 'fulfilled' && check.value !== undefined) {
        const verdict = check.value;
        if (verdict.kind === 'created-meanwhile' || verdict.kind === 'rewritten-after') {
            custody.overlapped();
            problems.unshift(overlapError(verdict, request.secretName, custody.grantSentAt ?? verdict.writtenAt));
        }
        else if (verdict.kind === 'unverified' && !cancellation.requested()) {
            say.notice((0,settings/* text */.Qq) `Could not check whether another rotation also wrote ${request.secretName} (${verdict.reason}).`, 'Overlap not checked');
        }
    }
    if (accessTokenSecret.status === 'fulfilled' && accessTokenSecret.value !== undefined) {
        say.info(`Stored the access token in ${accessTokenSecret.value}.`);
    }
    for (const result of [accessTokenSecret, site]) {
        if (result.status === 'rejected' && !cancellation.requested()) {
            problems.push(toActionError(result.reason, custody.state, undefined));
        }
    }
    const found = site.status === 'fulfilled' ? site.value : undefined;
    if (found)
        say.info(`${found.site.name} (${found.site.url}) has the cloud id ${found.site.id}.`);
    return {
        problems,
        site: found,
        accessTokenSecret: accessTokenSecret.status === 'fulfilled' ? accessTokenSecret.value : undefined,
    };
}
function runSource(request, env, githubClient) {
    const attempt = currentRunAttempt(env);
    if (attempt === undefined) {
        return { missing: 'not running in GitHub Actions: GITHUB_RUN_ID is not set' };
    }
    if (request.workflowToken === '')
        return { missing: 'no workflow token was given' };
    return { attempt, github: githubClient(request.workflowToken) };
}
function dryRunPlan(request, checked, judgement, consent) {
    return {
        tokenUrl: request.tokenUrl,
        staleTokenCheck: judgement.kind === 'superseded'
            ? (0,settings/* text */.Qq) `${describeJudgement(judgement)}: a real run would stop without sending the token (another rotation got there first)`
            : describeJudgement(judgement),
        organization: checked.organization,
        accessTokenSecret: request.accessTokenSecretName,
        siteUrl: request.siteUrl,
        consent,
    };
}
/**
 * The state to report after `error`. Before Atlassian answered, the failing step knows best (it
 * tells a refused grant from a lost answer); once a new token was issued, the custody does.
 */
function stateAfter(error, custody) {
    const afterAnswer = ['rotated-not-stored', 'stored', 'overlapped'];
    if (error instanceof errors/* ActionError */.lZ) {
        if (afterAnswer.includes(custody.state) && !afterAnswer.includes(error.tokenState)) {
            return custody.state;
        }
        return error.tokenState;
    }
    return custody.state;
}
/** Any unforeseen exception still gets a message without secrets, and the token's state. */
function toActionError(error, tokenState, secrets) {
    if (error instanceof errors/* ActionError */.lZ) {
        if (error.tokenState === tokenState)
            return error;
        return new errors/* ActionError */.lZ(error.code, error.said, tokenState, error.next, { cause: error });
    }
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return new errors/* ActionError */.lZ('UNEXPECTED', `Unexpected failure: ${secrets ? secrets.scrub(detail) : detail}`, tokenState, 'Re-run the workflow (within the time given above, if one is given); if it fails the same way, open an issue with this log.', { cause: error });
}

;// CONCATENATED MODULE: ./src/cli/refresh.ts
/**
 * `refresh`: one rotation from a terminal, by the rotation the action runs (../rotation/rotate.ts):
 * the same preflight, stale-token guard, retries, sealing, write-back and recovery value. Each
 * setting `foo-bar` is the flag `--foo-bar` (or ATLASSIAN_FOO_BAR); the secret ones come from the
 * environment only.
 */










/** The action's inputs as flags (the secret ones and workflow-token excepted). */
const ROTATION_FLAGS = [
    {
        name: 'client-id',
        kind: 'string',
        value: 'ID',
        description: "The OAuth app's client ID.",
    },
    {
        name: 'secret-name',
        kind: 'string',
        value: 'NAME',
        description: 'The secret that receives the rotated refresh token, e.g. ATLASSIAN_REFRESH_TOKEN.',
    },
    ...TARGET_FLAGS,
    {
        name: 'access-token-secret-name',
        kind: 'string',
        value: 'NAME',
        description: 'Also store the new access token, sealed, in this secret of the same target.',
    },
    {
        name: 'site-url',
        kind: 'string',
        value: 'URL',
        description: 'Your site, e.g. https://example.atlassian.net: look up its cloud id afterwards.',
    },
    {
        name: 'consented-at',
        kind: 'string',
        value: 'DATE',
        description: 'The date of the consent (ISO 8601): says when to consent again; warns from 30 days before.',
    },
    {
        name: 'dry-run',
        kind: 'boolean',
        description: 'Check everything, report what a real run would do, and never call the token endpoint.',
    },
    {
        name: 'token-obtained-at',
        kind: 'string',
        value: 'TIME',
        description: 'When you obtained ATLASSIAN_REFRESH_TOKEN (ISO 8601, e.g. 2026-12-01T10:00:00Z; a date alone means its midnight UTC). Needed once the secret exists: the refresh goes ahead only if the secret was not written after it, since a later write means your copy is superseded.',
    },
    {
        name: 'retry-budget-seconds',
        kind: 'string',
        value: 'SECONDS',
        description: 'How long each step may retry network faults, 5xx and rate limits (1–480). Default: 120.',
    },
    ...ENDPOINT_FLAGS,
    {
        name: 'show-tokens',
        kind: 'boolean',
        env: false,
        description: 'Also print the new access and refresh tokens (outputs access-token and refresh-token). They are secrets.',
    },
];
const ROTATION_ENVIRONMENT = [
    ['ATLASSIAN_CLIENT_SECRET', "The OAuth app's secret (required; never a flag)."],
    [
        'ATLASSIAN_REFRESH_TOKEN',
        'The refresh token the secret holds now (required; never a flag). It is spent: the new one is written to the secret.',
    ],
    [
        'GH_TOKEN, GITHUB_TOKEN',
        'The GitHub token that writes the secret; without either, the token of `gh auth token`. Needs "Secrets: Read and write" on the target.',
    ],
];
const refresh_spec = {
    name: 'refresh',
    summary: 'rotate the refresh token once, as the action does, and store the new one',
    usage: 'refresh --client-id ID --secret-name NAME --repository OWNER/REPO [options]',
    description: [
        "Runs the action's rotation from a terminal: checks every input, proves the GitHub token can reach the secret, spends ATLASSIAN_REFRESH_TOKEN at the token endpoint, seals the new refresh token and writes it to the secret. If the write fails, the new token is printed sealed (only GitHub can open it) with the `gh api` command that stores it.",
        "Never run it while a workflow may rotate the same token: two rotations of one token must not overlap (Atlassian revokes the consent when a superseded token comes back after its 10-minute leeway). The action's outputs are printed on standard output as name=value lines; the token outputs only with --show-tokens.",
    ],
    flags: ROTATION_FLAGS,
    environment: ROTATION_ENVIRONMENT,
    examples: [
        `ATLASSIAN_REFRESH_TOKEN=… ${TOOL} refresh --client-id "$CLIENT_ID" --repository octo-org/confluence-sync --secret-name ATLASSIAN_REFRESH_TOKEN --token-obtained-at 2026-12-01T10:00:00Z`,
        `${TOOL} refresh --client-id "$CLIENT_ID" --repository octo-org/confluence-sync --secret-name ATLASSIAN_REFRESH_TOKEN --dry-run`,
    ],
};
/** One rotation through the action's `run()`; the exit code follows from the failure it reports. */
async function rotateOnce(flags, context) {
    const { terminal, deps } = context;
    const { env } = deps;
    const clientSecret = env['ATLASSIAN_CLIENT_SECRET']?.trim() ?? '';
    const refreshToken = env['ATLASSIAN_REFRESH_TOKEN']?.trim() ?? '';
    terminal.secrets.add(clientSecret);
    terminal.secrets.add(refreshToken);
    const missing = [
        flags.string('client-id') ? undefined : "--client-id: the OAuth app's client ID",
        clientSecret ? undefined : "ATLASSIAN_CLIENT_SECRET: the OAuth app's secret",
        refreshToken ? undefined : 'ATLASSIAN_REFRESH_TOKEN: the refresh token the secret holds now',
        flags.string('secret-name')
            ? undefined
            : '--secret-name: the secret that receives the new refresh token',
    ].filter((line) => line !== undefined);
    if (missing.length > 0) {
        throw new CliError(EXIT.USAGE, `Missing:\n${missing.map((line) => `  ${line}`).join('\n')}`, `Secrets come from the environment only (e.g. \`read -rs ATLASSIAN_REFRESH_TOKEN && export ATLASSIAN_REFRESH_TOKEN\`). Run \`${TOOL} ${context.command} --help\` for the options. Nothing was sent.`);
    }
    const tokenHeldSince = readObtainedAt(flags.string('token-obtained-at'), deps.clock.now());
    const githubApiUrl = gitHubApiUrl(flags, env);
    let githubToken = '';
    if (URL.canParse(githubApiUrl)) {
        const found = await findGitHubToken(env, githubApiUrl, 'the permission "Secrets: Read and write" on the target', deps.ghAuthToken);
        githubToken = found.token;
        terminal.secrets.add(githubToken);
        terminal.wording = cliWording(found.source);
    }
    // Flags → the rotation's request: each setting is the flag of its name, the secrets come from
    // the environment, and a terminal has no workflow token and no later step to let pass.
    const setting = (name) => {
        switch (name) {
            case 'client-secret':
                return clientSecret;
            case 'refresh-token':
                return refreshToken;
            case 'github-token':
                return githubToken;
            case 'workflow-token':
                return '';
            // A terminal has no later step to let pass: a superseded token is exit code 7.
            case 'on-superseded':
                return 'fail';
            case 'github-api-url':
                return githubApiUrl;
            case 'dry-run':
                return String(flags.boolean('dry-run'));
            default:
                return flags.string(name)?.trim() ?? '';
        }
    };
    const read = readSettings(setting, env);
    if (!read.ok) {
        throw new CliError(EXIT.USAGE, listProblems(read.problems.map((problem) => problem.message)), `Run \`${TOOL} ${context.command} --help\` for the options. Nothing was sent.`);
    }
    const cancel = { interrupted: false };
    const outcome = await rotate(read.request, {
        env,
        dispatcherFor: deps.dispatcherFor,
        clock: deps.clock,
        random: deps.random,
        requestTimeoutMs: deps.requestTimeoutMs,
        secrets: terminal.secrets,
        // A terminal's token came from anywhere, at any time: only the person can say when.
        tokenHeldSince,
        // First Ctrl-C (or SIGTERM): let the request in flight finish and start no new one, as when
        // a job is cancelled. A second Ctrl-C stops at once; a SIGTERM never does, since a supervisor
        // sends it before its own kill, and the seconds between may still store a token in flight.
        onCancel: (handler) => {
            const listener = (signal) => {
                if (cancel.interrupted && signal === 'SIGINT') {
                    terminal.warn('Stopped at once: a refresh token in flight, if any, is lost.');
                    process.exit(EXIT.INTERRUPTED);
                }
                const first = !cancel.interrupted;
                cancel.interrupted = true;
                handler(signal);
                if (first) {
                    terminal.warn('Press Ctrl-C again to stop at once (a new refresh token in flight would be lost).');
                }
            };
            process.on('SIGINT', listener);
            process.on('SIGTERM', listener);
            return () => {
                process.off('SIGINT', listener);
                process.off('SIGTERM', listener);
            };
        },
    }, terminalEvents(terminal));
    const outputs = new Map(outcomeOutputs(outcome));
    reportOutcome(terminal, outcome, deps.clock.now());
    const [failed] = outcome.problems;
    let exitCode = EXIT.OK;
    if (failed !== undefined) {
        const unsettled = outcome.tokenState === 'rotated-not-stored' || outcome.tokenState === 'overlapped';
        // A token that needs storing by hand says so first, interrupted or not.
        exitCode = unsettled
            ? EXIT.NOT_STORED
            : cancel.interrupted
                ? EXIT.INTERRUPTED
                : exitCodeOf(failed);
    }
    return { exitCode, outputs, interrupted: cancel.interrupted };
}
/** The rotation's progress on the terminal; the recovery value indented under its title. */
function terminalEvents(terminal) {
    return {
        info: (message) => {
            terminal.say(message);
        },
        notice: (message) => {
            terminal.note(message);
        },
        warning: (message) => {
            terminal.warn(message);
        },
        recovery: (recovery, context) => {
            terminal.group(`Recovery value for ${context.secretName} (needed only if this command fails before it is written):`);
            terminal.say(describeRecovery(context, recovery));
            terminal.endGroup();
        },
    };
}
/** The outcome in words: the access token's expiry, then each problem, gravest first. */
function reportOutcome(terminal, outcome, now) {
    if (outcome.expiresAt) {
        terminal.say(`The access token expires at ${outcome.expiresAt.toISOString()} at the latest.`);
    }
    outcome.problems.forEach((problem, i) => {
        terminal.error(describeFailure(problem, outcome.context, i === 0 ? outcome.recovery : undefined, new Date(now)));
    });
}
/**
 * `--token-obtained-at`: by when the person had the refresh token they give. A date alone counts
 * from its midnight (UTC), earlier than any time that day: erring early only makes the stale-token
 * guard stricter. A time in the future would wave every write through, so it is refused.
 */
function readObtainedAt(text, now) {
    if (text === undefined)
        return undefined;
    const value = text.trim();
    const time = parseIsoMoment(value);
    const problem = Number.isNaN(time)
        ? `--token-obtained-at must be an ISO 8601 time with its zone, e.g. 2026-12-01T10:00:00Z (or a date, 2026-12-01); got ${quoteValue(value)}.`
        : time > now + 60_000
            ? `--token-obtained-at is in the future (${new Date(time).toISOString()}): give the time you obtained the refresh token.`
            : undefined;
    if (problem !== undefined) {
        throw new CliError(EXIT.USAGE, problem, `Run \`${TOOL} refresh --help\`. Nothing was sent.`);
    }
    return { at: new Date(time), what: `the time given with --token-obtained-at` };
}
/** The outputs as name=value lines on standard output; token outputs only with --show-tokens. */
function printOutputs(outputs, showTokens, context) {
    const { terminal } = context;
    if (showTokens && [...outputs.keys()].some((name) => TOKEN_OUTPUTS.has(name))) {
        terminal.warn('--show-tokens: the tokens follow on standard output. Keep them secret.');
    }
    for (const [name, value] of outputs) {
        if (!TOKEN_OUTPUTS.has(name))
            terminal.result(`${name}=${value}`);
        else if (showTokens)
            terminal.reveal(`${name}=${value}`);
    }
}
const refresh = {
    spec: refresh_spec,
    async run(flags, context) {
        const { exitCode, outputs } = await rotateOnce(flags, context);
        printOutputs(outputs, flags.boolean('show-tokens'), context);
        return exitCode;
    },
};

;// CONCATENATED MODULE: ./src/cli/sites.ts








const sites_spec = {
    name: 'sites',
    summary: 'list the cloud ids and addresses of the sites a token reaches',
    usage: 'sites [--json]   (with ATLASSIAN_ACCESS_TOKEN, or ATLASSIAN_REFRESH_TOKEN and the options of refresh)',
    description: [
        "Lists the sites (cloud id, address, name) that an access token reaches, from Atlassian's accessible-resources. API calls for a site go to https://api.atlassian.com/ex/confluence/{cloud id}/wiki/…, not to the site's own address.",
        'Give an access token in ATLASSIAN_ACCESS_TOKEN: nothing else is needed or changed. A refresh token (ATLASSIAN_REFRESH_TOKEN) is disabled by its first use, so with one, sites runs a whole rotation first, exactly as refresh does (same options, the new refresh token written to the secret), and lists with the new access token.',
    ],
    flags: [
        {
            name: 'json',
            kind: 'boolean',
            env: false,
            description: 'Print a JSON array of {id, name, url, apiBaseUrl} instead of lines.',
        },
        ...ROTATION_FLAGS,
    ],
    environment: [
        ['ATLASSIAN_ACCESS_TOKEN', 'An access token (it lives about an hour). Used when set.'],
        ...ROTATION_ENVIRONMENT.map(([name, text]) => [
            name,
            `Without an access token: ${text.charAt(0).toLowerCase()}${text.slice(1)}`,
        ]),
    ],
    examples: [
        `ATLASSIAN_ACCESS_TOKEN=… ${TOOL} sites`,
        `${TOOL} sites --json --client-id "$CLIENT_ID" --repository octo-org/confluence-sync --secret-name ATLASSIAN_REFRESH_TOKEN`,
    ],
};
const sites = {
    spec: sites_spec,
    async run(flags, context) {
        const { terminal, deps } = context;
        const problems = [];
        const apiUrl = parseEndpointUrl('atlassian-api-url', flags.string('atlassian-api-url') ?? 'https://api.atlassian.com', (_input, message) => problems.push(message));
        if (apiUrl === undefined) {
            throw new CliError(EXIT.USAGE, listProblems(problems), `Run \`${TOOL} sites --help\`.`);
        }
        const atlassianApiUrl = apiUrl.href.replace(/\/+$/, '');
        let accessToken = deps.env['ATLASSIAN_ACCESS_TOKEN']?.trim() ?? '';
        const accessTokenTooLong = tooLong('ATLASSIAN_ACCESS_TOKEN', accessToken, LIMITS.accessToken, true);
        if (accessTokenTooLong !== undefined) {
            throw new CliError(EXIT.USAGE, accessTokenTooLong, `Run \`${TOOL} sites --help\`. Nothing was sent.`);
        }
        let exitCode = EXIT.OK;
        if (accessToken !== '') {
            terminal.secrets.add(accessToken);
        }
        else if (deps.env['ATLASSIAN_REFRESH_TOKEN']?.trim()) {
            terminal.say('ATLASSIAN_ACCESS_TOKEN is not set: using ATLASSIAN_REFRESH_TOKEN, which takes a whole rotation (the new refresh token is stored, as by refresh).');
            const rotation = await rotateOnce(flags, context);
            if (flags.boolean('show-tokens')) {
                printOutputs(new Map([...rotation.outputs].filter(([name]) => name.endsWith('-token'))), true, context);
            }
            accessToken = rotation.outputs.get('access-token') ?? '';
            exitCode = rotation.exitCode;
            // Interrupted: the rotation said where the token is; nothing new starts.
            if (rotation.interrupted)
                return exitCode === EXIT.OK ? EXIT.INTERRUPTED : exitCode;
            if (accessToken === '' || (flags.boolean('dry-run') && exitCode === EXIT.OK)) {
                return exitCode;
            }
        }
        else {
            throw new CliError(EXIT.USAGE, 'No token: set ATLASSIAN_ACCESS_TOKEN (an access token), or ATLASSIAN_REFRESH_TOKEN with the options of refresh.', `Run \`${TOOL} sites --help\`.`);
        }
        let found;
        try {
            found = await listSites(atlassianApiUrl, accessToken, (0,cli_context/* httpOptions */.$3)(context, new URL(atlassianApiUrl)), terminal.secrets, (0,cli_context/* retryOptions */.tO)(context, 'Sites', 30_000));
        }
        catch (error) {
            // A refused access token is the usual cause here: say so in this command's terms.
            if (error instanceof errors/* ActionError */.lZ &&
                error.code === 'SITES_UNAVAILABLE' &&
                error.status === 401) {
                throw new CliError(EXIT.ATLASSIAN, `Could not list the Atlassian sites the token reaches: ${new URL(atlassianApiUrl).origin} answered HTTP 401. The access token was refused: it expired (they live about an hour), or it is not an access token.`, 'Get a fresh one (authorize --show-tokens, or refresh --show-tokens), or give a refresh token instead.');
            }
            throw error;
        }
        const rows = found.map((site) => ({
            id: site.id,
            name: site.name,
            url: site.url,
            apiBaseUrl: siteApiBaseUrl(atlassianApiUrl, site),
        }));
        if (flags.boolean('json')) {
            terminal.result(JSON.stringify(rows, null, 2));
        }
        else if (rows.length === 0) {
            terminal.warn('The token reaches no site: the user who consented cannot use a site with these scopes, or the app lacks the scopes of its products.');
        }
        else {
            const width = Math.max(...rows.map((row) => row.id.length));
            for (const row of rows)
                terminal.result(`${row.id.padEnd(width)}  ${row.url}  ${row.name}`);
        }
        return exitCode;
    },
};

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

;// CONCATENATED MODULE: ./src/cli/terminal.ts
/**
 * Everything the command line tool prints goes through here. Explanations and progress go to
 * standard error, results a script may read to standard output, and every line is scrubbed of
 * every secret known so far first: a terminal has no `::add-mask::`, so this is the masking.
 * Only `reveal` (for --show-tokens) prints a secret, and only where the user asked for it.
 */



class Terminal {
    streams;
    /** Every secret value met so far: inputs, tokens, codes. */
    secrets = new SecretValues(() => { });
    /** How messages name settings: flags and variables (./wording.ts). */
    wording = cliWording();
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
    error(text) {
        this.#write(this.streams.stderr, text, 'error: ');
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
        sink.write(`${shown.join('\n')}\n`);
    }
}

;// CONCATENATED MODULE: ./src/cli/main.ts
/**
 * The command line tool: `authorize` gets the first refresh token, `refresh` rotates it once,
 * `sites` lists what a token reaches. Each command reports its own failures' kind by exit code.
 */











const COMMANDS = [authorize, refresh, sites];
async function runCli(args, deps) {
    const terminal = new Terminal(deps.streams);
    const [name, ...rest] = args;
    const overview = renderOverview(COMMANDS.map((command) => command.spec));
    if (name === undefined) {
        deps.streams.stderr.write(overview);
        return EXIT.USAGE;
    }
    if (name === '--help' || name === '-h' || name === 'help') {
        const command = COMMANDS.find((c) => c.spec.name === rest[0]);
        deps.streams.stdout.write(command ? renderHelp(command.spec) : overview);
        return EXIT.OK;
    }
    if (name === '--version' || name === '-v') {
        deps.streams.stdout.write(`${package_namespaceObject.rE}\n`);
        return EXIT.OK;
    }
    const command = COMMANDS.find((c) => c.spec.name === name);
    if (command === undefined) {
        terminal.error(`Unknown command ${quoteValue(name)}.`);
        deps.streams.stderr.write(`\n${overview}`);
        return EXIT.USAGE;
    }
    const pools = new common_http/* ConnectionPools */.em(deps.dispatcherFor);
    try {
        const flags = parseFlags(command.spec, rest, deps.env);
        if (flags.help) {
            deps.streams.stdout.write(renderHelp(command.spec));
            return EXIT.OK;
        }
        return await command.run(flags, {
            command: name,
            terminal,
            deps,
            dispatcher: (url) => pools.for(url),
        });
    }
    catch (error) {
        report(terminal, error);
        return exitCodeOf(error);
    }
    finally {
        pools.close();
    }
}
/** What happened and what to do next; scrubbed of every secret, like every line printed. */
function report(terminal, error) {
    if (error instanceof CliError || error instanceof errors/* ActionError */.lZ) {
        terminal.error(error.said);
        if (error.next !== undefined && error.next.length > 0) {
            terminal.say((0,settings/* concat */.xW)(['Next step: ', error.next]));
        }
        return;
    }
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    terminal.error(`Unexpected failure: ${detail}`);
    terminal.say(`Next step: run it again; if it fails the same way, open an issue at the ${TOOL} repository with this output (secrets are removed from it).`);
}


/***/ }),

/***/ 129:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B_: () => (/* binding */ describeContentType),
/* harmony export */   JL: () => (/* binding */ mediaType),
/* harmony export */   PE: () => (/* binding */ describeAnswerShape),
/* harmony export */   Vj: () => (/* binding */ decodeBody)
/* harmony export */ });
/* unused harmony export describeLength */
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Turning an answer's bytes into text, and describing an answer without quoting it.
 *
 * Decoding follows the WHATWG Encoding Standard's order (encoding.spec.whatwg.org, "decode"): a
 * byte order mark wins over anything a header says, then the content type's `charset` (RFC 9110
 * §8.3.2) when the decoder knows it, else UTF-8 (RFC 8259 §8.1: JSON exchanged between systems is
 * UTF-8). A server, or a proxy in front of it, may label an answer wrongly; the BOM is the bytes'
 * own statement.
 */

const BOMS = [
    [[0xef, 0xbb, 0xbf], 'utf-8'],
    [[0xff, 0xfe], 'utf-16le'],
    [[0xfe, 0xff], 'utf-16be'],
];
/** The body as text: BOM, else `charset`, else UTF-8; the BOM itself removed. */
function decodeBody(bytes, contentType) {
    const bom = BOMS.find(([mark]) => mark.every((byte, i) => bytes[i] === byte));
    if (bom) {
        const [mark, encoding] = bom;
        return new node_util__WEBPACK_IMPORTED_MODULE_0__.TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(mark.length));
    }
    const decoder = decoderFor(contentTypeParameter(contentType, 'charset')) ?? new node_util__WEBPACK_IMPORTED_MODULE_0__.TextDecoder();
    // TextDecoder drops a BOM of its own encoding; one of another encoding decodes to U+FEFF.
    return decoder.decode(bytes).replace(/^\uFEFF/, '');
}
/** The media type alone, lower case, e.g. "application/json"; '' when there is none. */
function mediaType(contentType) {
    return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}
/**
 * The answer in words, never in its own bytes: "HTTP 200, text/html; charset=utf-8, 1,234 bytes".
 * The content type is reduced to its media type and charset, each only if it is a plain token,
 * because a header is as much the server's text as the body is.
 */
function describeAnswerShape(answer) {
    return `HTTP ${answer.status}, ${describeContentType(answer.contentType)}, ${describeLength(answer.bytes.length)}`;
}
function describeContentType(contentType) {
    const type = mediaType(contentType);
    if (type === '')
        return 'no content type';
    if (!HEADER_TOKEN.test(type))
        return 'an unreadable content type';
    const charset = contentTypeParameter(contentType, 'charset');
    return charset !== undefined && HEADER_TOKEN.test(charset) ? `${type}; charset=${charset}` : type;
}
function describeLength(length) {
    if (length === 0)
        return 'an empty body';
    return `${length.toLocaleString('en-US')} byte${length === 1 ? '' : 's'}`;
}
/** RFC 9110 §5.6.2 token characters (and "/" for type/subtype), at most 100 of them. */
const HEADER_TOKEN = /^[A-Za-z0-9!#$%&'*+.^_`|~/-]{1,100}$/;
/** A parameter of a content type (RFC 9110 §5.6.6), unquoted; undefined when absent. */
function contentTypeParameter(contentType, name) {
    for (const part of contentType.split(';').slice(1)) {
        const equals = part.indexOf('=');
        if (equals < 0 || part.slice(0, equals).trim().toLowerCase() !== name)
            continue;
        const value = part.slice(equals + 1).trim();
        return value.startsWith('"') && value.endsWith('"') && value.length >= 2
            ? value.slice(1, -1)
            : value;
    }
    return undefined;
}
function decoderFor(label) {
    if (label === undefined || label === '')
        return undefined;
    try {
        return new node_util__WEBPACK_IMPORTED_MODULE_0__.TextDecoder(label);
    }
    catch {
        // An encoding the runtime does not know: UTF-8 is the best guess for a JSON answer.
        return undefined;
    }
}


/***/ }),

/***/ 922:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Jo: () => (/* binding */ saidOf),
/* harmony export */   W5: () => (/* binding */ OAuthError),
/* harmony export */   lZ: () => (/* binding */ ActionError)
/* harmony export */ });
/* unused harmony export explain */
/* harmony import */ var _settings_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(888);

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
/** A failure in a door's own words. */
function explain(error, wording) {
    return { message: word(error.said, wording), nextStep: word(error.next, wording) };
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

/***/ 44:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Au: () => (/* binding */ BodyTooLargeError),
  em: () => (/* binding */ ConnectionPools),
  tR: () => (/* binding */ dispatcherFor),
  tN: () => (/* binding */ send)
});

// UNUSED EXPORTS: ProxyRefusedError, proxyFor

;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/proxy.js
function getProxyUrl(reqUrl) {
    const usingSsl = reqUrl.protocol === 'https:';
    if (checkBypass(reqUrl)) {
        return undefined;
    }
    const proxyVar = (() => {
        if (usingSsl) {
            return process.env['https_proxy'] || process.env['HTTPS_PROXY'];
        }
        else {
            return process.env['http_proxy'] || process.env['HTTP_PROXY'];
        }
    })();
    if (proxyVar) {
        try {
            return new DecodedURL(proxyVar);
        }
        catch (_a) {
            if (!proxyVar.startsWith('http://') && !proxyVar.startsWith('https://'))
                return new DecodedURL(`http://${proxyVar}`);
        }
    }
    else {
        return undefined;
    }
}
function checkBypass(reqUrl) {
    if (!reqUrl.hostname) {
        return false;
    }
    const reqHost = reqUrl.hostname;
    if (isLoopbackAddress(reqHost)) {
        return true;
    }
    const noProxy = process.env['no_proxy'] || process.env['NO_PROXY'] || '';
    if (!noProxy) {
        return false;
    }
    // Determine the request port
    let reqPort;
    if (reqUrl.port) {
        reqPort = Number(reqUrl.port);
    }
    else if (reqUrl.protocol === 'http:') {
        reqPort = 80;
    }
    else if (reqUrl.protocol === 'https:') {
        reqPort = 443;
    }
    // Format the request hostname and hostname with port
    const upperReqHosts = [reqUrl.hostname.toUpperCase()];
    if (typeof reqPort === 'number') {
        upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
    }
    // Compare request host against noproxy
    for (const upperNoProxyItem of noProxy
        .split(',')
        .map(x => x.trim().toUpperCase())
        .filter(x => x)) {
        if (upperNoProxyItem === '*' ||
            upperReqHosts.some(x => x === upperNoProxyItem ||
                x.endsWith(`.${upperNoProxyItem}`) ||
                (upperNoProxyItem.startsWith('.') &&
                    x.endsWith(`${upperNoProxyItem}`)))) {
            return true;
        }
    }
    return false;
}
function isLoopbackAddress(host) {
    const hostLower = host.toLowerCase();
    return (hostLower === 'localhost' ||
        hostLower.startsWith('127.') ||
        hostLower.startsWith('[::1]') ||
        hostLower.startsWith('[0:0:0:0:0:0:0:1]'));
}
class DecodedURL extends URL {
    constructor(url, base) {
        super(url, base);
        this._decodedUsername = decodeURIComponent(super.username);
        this._decodedPassword = decodeURIComponent(super.password);
    }
    get username() {
        return this._decodedUsername;
    }
    get password() {
        return this._decodedPassword;
    }
}
//# sourceMappingURL=proxy.js.map
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __nccwpck_require__(67);
var external_node_http_default = /*#__PURE__*/__nccwpck_require__.n(external_node_http_);
;// CONCATENATED MODULE: external "node:https"
const external_node_https_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");
var external_node_https_default = /*#__PURE__*/__nccwpck_require__.n(external_node_https_namespaceObject);
;// CONCATENATED MODULE: external "node:tls"
const external_node_tls_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");
var external_node_tls_default = /*#__PURE__*/__nccwpck_require__.n(external_node_tls_namespaceObject);
// EXTERNAL MODULE: ./src/common/body-text.ts
var body_text = __nccwpck_require__(129);
;// CONCATENATED MODULE: ./src/common/http.ts
/**
 * The one HTTP client of the action, for the token endpoint and (under Octokit) for GitHub: Node's
 * own `http`/`https`, which are already in the runtime, instead of a client library that would be
 * parsed on every start (see the benchmark in the README).
 *
 * - TLS verification is Node's default and is never turned off; NODE_EXTRA_CA_CERTS is honoured.
 * - Proxies: HTTPS_PROXY / HTTP_PROXY / NO_PROXY, by the rules of the runner's own toolkit
 *   (@actions/http-client's `getProxyUrl`), as self-hosted runners behind proxies need. HTTPS goes
 *   through a CONNECT tunnel, with TLS end to end inside it.
 * - Redirects are never followed: a token endpoint that redirects would receive the client secret
 *   and the refresh token a second time, at another address.
 */





/**
 * The connections for requests to `url`: through the proxy that HTTPS_PROXY names unless NO_PROXY
 * or a loopback host exempts it. Plain http is only ever used for loopback hosts (the inputs refuse
 * it elsewhere), which never go through a proxy.
 */
function dispatcherFor(url) {
    if (url.protocol === 'http:')
        return new (external_node_http_default()).Agent({ keepAlive: true });
    const proxy = proxyFor(url);
    return proxy ? new TunnelAgent(proxy) : new (external_node_https_default()).Agent({ keepAlive: true });
}
/** The proxy for `url`, or undefined for a direct connection. */
function proxyFor(url) {
    return getProxyUrl(url);
}
/** The proxy refused to open a tunnel (wrong credentials: 407; a blocked host: 403, 502…). */
class ProxyRefusedError extends Error {
    status;
    name = 'ProxyRefusedError';
    code = 'ERR_PROXY_REFUSED';
    constructor(status) {
        super(`The proxy answered HTTP ${status} to CONNECT`);
        this.status = status;
    }
}
/** HTTPS through a proxy's CONNECT tunnel (RFC 9110 §9.3.6); TLS runs end to end inside it. */
class TunnelAgent extends (external_node_https_default()).Agent {
    proxy;
    constructor(proxy) {
        super({ keepAlive: true });
        this.proxy = proxy;
    }
    createConnection(options, callback) {
        const target = `${options.host ?? ''}:${options.port ?? 443}`;
        const { username, password } = this.proxy;
        const headers = { host: target };
        // user:password as Basic credentials; a token alone (http://TOKEN@proxy) as "TOKEN:", as curl does.
        if (username !== '' || password !== '') {
            headers['proxy-authorization'] =
                `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
        }
        const connect = (this.proxy.protocol === 'https:' ? (external_node_https_default()) : (external_node_http_default())).request({
            host: this.proxy.hostname,
            port: this.proxy.port || (this.proxy.protocol === 'https:' ? 443 : 80),
            method: 'CONNECT',
            path: target,
            headers,
            agent: false,
        });
        connect.once('connect', (response, socket) => {
            if (response.statusCode !== 200) {
                socket.destroy();
                callback(new ProxyRefusedError(response.statusCode ?? 0));
                return;
            }
            callback(null, external_node_tls_default().connect({ ...options, socket, servername: options.servername ?? options.host ?? '' }));
        });
        connect.once('error', (error) => {
            callback(error);
        });
        connect.end();
        return undefined;
    }
}
class BodyTooLargeError extends Error {
    status;
    contentType;
    limit;
    name = 'BodyTooLargeError';
    constructor(status, contentType, limit) {
        super(`The answer was larger than ${limit} bytes`);
        this.status = status;
        this.contentType = contentType;
        this.limit = limit;
    }
}
/** Sends one request and reads the whole answer (up to `maxBodyBytes`). */
function send(url, init, options) {
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    const body = init.body;
    return new Promise((resolve, reject) => {
        let settled = false;
        // Errors pass through as they are: their codes (ECONNREFUSED, certificate codes, the timeout's
        // cause) are what ./network-failure.ts reads.
        const fail = (error) => {
            if (settled)
                return;
            settled = true;
            reject(error);
        };
        const request = (url.protocol === 'https:' ? (external_node_https_default()) : (external_node_http_default())).request(url, {
            method: init.method,
            headers: {
                ...init.headers,
                ...(body !== undefined && { 'content-length': String(Buffer.byteLength(body)) }),
            },
            agent: options.dispatcher,
            signal,
        }, (response) => {
            const headers = flatten(response.headers);
            const contentType = headers['content-type'] ?? '';
            const chunks = [];
            let size = 0;
            response.on('data', (chunk) => {
                size += chunk.length;
                if (size > options.maxBodyBytes) {
                    response.destroy();
                    fail(new BodyTooLargeError(response.statusCode ?? 0, contentType, options.maxBodyBytes));
                    return;
                }
                chunks.push(chunk);
            });
            response.on('error', fail);
            response.on('end', () => {
                if (settled)
                    return;
                settled = true;
                const bytes = Buffer.concat(chunks);
                resolve({
                    status: response.statusCode ?? 0,
                    headers,
                    contentType,
                    location: headers['location'],
                    retryAfter: headers['retry-after'],
                    bytes,
                    body: (0,body_text/* decodeBody */.Vj)(bytes, contentType),
                });
            });
        });
        request.on('error', fail);
        if (options.onWritten)
            request.once('finish', options.onWritten);
        request.end(body);
    });
}
function flatten(headers) {
    const flat = {};
    for (const [name, value] of Object.entries(headers)) {
        if (value !== undefined)
            flat[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    return flat;
}
/** One connection pool per endpoint, kept alive across the run's requests and closed at its end. */
class ConnectionPools {
    make;
    #pools = new Map();
    constructor(make) {
        this.make = make;
    }
    for(url) {
        let pool = this.#pools.get(url.origin);
        if (!pool)
            this.#pools.set(url.origin, (pool = this.make(url)));
        return pool;
    }
    close() {
        for (const pool of this.#pools.values())
            pool.destroy();
    }
}


/***/ }),

/***/ 183:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   LH: () => (/* binding */ withRetries),
/* harmony export */   U_: () => (/* binding */ describeAttempts),
/* harmony export */   VU: () => (/* binding */ DEFAULT_BACKOFF),
/* harmony export */   ml: () => (/* binding */ systemClock),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter),
/* harmony export */   yJ: () => (/* binding */ transientVerdict)
/* harmony export */ });
/* unused harmony exports backoffDelay, CancelledBeforeStart */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(922);
/**
 * Retrying transient failures inside a deadline.
 *
 * Why a deadline and not just a count: a refresh whose answer was lost may already have disabled the
 * stored token. Presenting that token again is safe only inside Atlassian's 10-minute leeway, so all
 * the retries of one refresh must end well inside it (../shared/FACTS.md, "How the leeway works").
 * The same deadline machinery bounds the GitHub calls around it.
 *
 * Time comes from an injected {@link Clock}, so tests move it instead of waiting.
 */

const systemClock = {
    now: () => Date.now(),
    sleep: (ms, signal) => new Promise((resolve, reject) => {
        if (signal?.aborted) {
            reject(new Error('cancelled'));
            return;
        }
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        const onAbort = () => {
            clearTimeout(timer);
            reject(new Error('cancelled'));
        };
        signal?.addEventListener('abort', onAbort, { once: true });
    }),
};
const DEFAULT_BACKOFF = { maxAttempts: 8, baseDelayMs: 1_000, maxDelayMs: 30_000 };
/** Exponential backoff with "equal jitter": half fixed, half random, so parallel runs spread out. */
function backoffDelay(attempt, options) {
    const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(ceiling / 2 + (options.random() * ceiling) / 2);
}
/**
 * `Retry-After` as delay-seconds or an HTTP date (RFC 9110 §10.2.3), in milliseconds from `now`;
 * undefined when absent or unreadable.
 */
function parseRetryAfter(value, now) {
    if (value === undefined)
        return undefined;
    const text = value.trim();
    if (/^\d+$/.test(text))
        return Number(text) * 1000;
    // An HTTP date names its day and month; Date.parse alone would also take "-5" or "1.5".
    if (!/[a-z]{3}/i.test(text))
        return undefined;
    const date = Date.parse(text);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
/**
 * Runs `operation` until it succeeds, `classify` says a failure is not transient, the attempts run
 * out, or the next wait would pass the deadline. `operation` gets the time left, to bound its own
 * request timeout. The error that ends it all is thrown, with `onGiveUp` given the history first.
 */
async function withRetries(operation, classify, options, onGiveUp) {
    const { clock } = options;
    let lastError;
    // How many times a least wait was needed so far: each one doubles the next (GitHub: "wait for an
    // exponentially increasing amount of time between retries").
    let lengthened = 0;
    for (let attempt = 1;; attempt++) {
        // Checked at the start of every attempt, not only while waiting: a cancellation that came
        // during the previous step, or between a wait and its attempt, must still stop it.
        if (options.signal?.aborted && !(attempt === 1 && options.securing === true)) {
            if (attempt === 1)
                throw new CancelledBeforeStart();
            throw onGiveUp
                ? onGiveUp(lastError, {
                    attempts: attempt - 1,
                    stoppedBecause: 'the run is being cancelled',
                })
                : lastError;
        }
        if (options.beforeAttempt)
            await options.beforeAttempt(attempt);
        try {
            options.onAttempt?.(attempt);
            return await operation(Math.max(1, options.deadline - clock.now()), attempt);
        }
        catch (error) {
            lastError = error;
            const verdict = classify(error);
            const giveUp = (stoppedBecause) => onGiveUp ? onGiveUp(error, { attempts: attempt, stoppedBecause }) : error;
            if (!verdict.retry)
                throw giveUp(undefined);
            if (attempt >= options.maxAttempts)
                throw giveUp('no attempts left');
            const delayMs = verdict.afterMs ??
                (verdict.atLeastMs === undefined
                    ? backoffDelay(attempt, options)
                    : verdict.atLeastMs * 2 ** lengthened++);
            const remaining = options.deadline - clock.now();
            if (delayMs >= remaining) {
                const seconds = Math.ceil(delayMs / 1000);
                throw giveUp(verdict.afterMs !== undefined
                    ? `the server asked to wait ${seconds} s, past the time budget`
                    : verdict.atLeastMs !== undefined
                        ? `the next attempt must wait at least ${seconds} s, past the time budget`
                        : 'the next attempt would start past the time budget');
            }
            if (options.signal?.aborted)
                throw giveUp('the run is being cancelled');
            options.onRetry?.({ attempt, reason: verdict.reason, delayMs });
            try {
                await clock.sleep(delayMs, options.signal);
            }
            catch {
                throw giveUp('the run is being cancelled');
            }
        }
    }
}
/** The run was being cancelled before the first attempt: nothing was sent. */
class CancelledBeforeStart extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ {
    constructor() {
        super('CANCELLED', 'The job is being cancelled: the request was not sent.', 'unchanged', 'Nothing to do: re-run the workflow when you want the rotation.');
    }
}
/** Retries a failure marked transient, after the server's Retry-After when it sent one. */
/**
 * Retries a failure marked transient: after the server's Retry-After when it sent one, else after
 * the least wait the failure calls for, else with backoff.
 */
function transientVerdict(error, now) {
    if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ) || error.transient === undefined)
        return { retry: false };
    const { reason, waitAtLeastMs } = error.transient;
    const afterMs = parseRetryAfter(error.transient.retryAfter, now);
    if (afterMs !== undefined)
        return { retry: true, reason, afterMs };
    if (waitAtLeastMs !== undefined)
        return { retry: true, reason, atLeastMs: waitAtLeastMs };
    return { retry: true, reason };
}
/** The final error, with how many attempts were made and why retrying stopped, when that matters. */
function describeAttempts(error, history, tokenState = error.tokenState) {
    if (history.attempts === 1 &&
        history.stoppedBecause === undefined &&
        tokenState === error.tokenState) {
        return error;
    }
    const stopped = history.stoppedBecause ? `; stopped: ${history.stoppedBecause}` : '';
    return error.amend(`(${history.attempts} attempt${history.attempts === 1 ? '' : 's'}${stopped}.)`, tokenState);
}


/***/ }),

/***/ 888:
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
    return value.filter((part) => typeof part !== 'string').map((m) => m.setting);
}
/**
 * The words for people. A setting that begins a sentence is capitalised ("The GitHub token…"),
 * since a door's words for it may start in lower case.
 */
function word(value, wording) {
    let out = '';
    for (const part of value) {
        if (typeof part === 'string') {
            out += part;
            continue;
        }
        const words = wording(part);
        out += /(^|[.!?]\s+|\n\s*)$/.test(out) ? capitalise(words) : words;
    }
    return out;
}
/** The action's words: inputs, as action.yml names them. */
const actionWording = ({ setting, role }) => {
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

/***/ 276:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  L: () => (/* binding */ createGitHubClient)
});

;// CONCATENATED MODULE: ./node_modules/universal-user-agent/index.js
function getUserAgent() {
  if (typeof navigator === "object" && "userAgent" in navigator) {
    return navigator.userAgent;
  }

  if (typeof process === "object" && process.version !== undefined) {
    return `Node.js/${process.version.substr(1)} (${process.platform}; ${
      process.arch
    })`;
  }

  return "<environment undetectable>";
}

;// CONCATENATED MODULE: ./node_modules/before-after-hook/lib/register.js
// @ts-check

function register(state, name, method, options) {
  if (typeof method !== "function") {
    throw new Error("method for before hook must be a function");
  }

  if (!options) {
    options = {};
  }

  if (Array.isArray(name)) {
    return name.reverse().reduce((callback, name) => {
      return register.bind(null, state, name, callback, options);
    }, method)();
  }

  return Promise.resolve().then(() => {
    if (!state.registry[name]) {
      return method(options);
    }

    return state.registry[name].reduce((method, registered) => {
      return registered.hook.bind(null, method, options);
    }, method)();
  });
}

;// CONCATENATED MODULE: ./node_modules/before-after-hook/lib/add.js
// @ts-check

function addHook(state, kind, name, hook) {
  const orig = hook;
  if (!state.registry[name]) {
    state.registry[name] = [];
  }

  if (kind === "before") {
    hook = (method, options) => {
      return Promise.resolve()
        .then(orig.bind(null, options))
        .then(method.bind(null, options));
    };
  }

  if (kind === "after") {
    hook = (method, options) => {
      let result;
      return Promise.resolve()
        .then(method.bind(null, options))
        .then((result_) => {
          result = result_;
          return orig(result, options);
        })
        .then(() => {
          return result;
        });
    };
  }

  if (kind === "error") {
    hook = (method, options) => {
      return Promise.resolve()
        .then(method.bind(null, options))
        .catch((error) => {
          return orig(error, options);
        });
    };
  }

  state.registry[name].push({
    hook: hook,
    orig: orig,
  });
}

;// CONCATENATED MODULE: ./node_modules/before-after-hook/lib/remove.js
// @ts-check

function removeHook(state, name, method) {
  if (!state.registry[name]) {
    return;
  }

  const index = state.registry[name]
    .map((registered) => {
      return registered.orig;
    })
    .indexOf(method);

  if (index === -1) {
    return;
  }

  state.registry[name].splice(index, 1);
}

;// CONCATENATED MODULE: ./node_modules/before-after-hook/index.js
// @ts-check





// bind with array of arguments: https://stackoverflow.com/a/21792913
const bind = Function.bind;
const bindable = bind.bind(bind);

function bindApi(hook, state, name) {
  const removeHookRef = bindable(removeHook, null).apply(
    null,
    name ? [state, name] : [state]
  );
  hook.api = { remove: removeHookRef };
  hook.remove = removeHookRef;
  ["before", "error", "after", "wrap"].forEach((kind) => {
    const args = name ? [state, kind, name] : [state, kind];
    hook[kind] = hook.api[kind] = bindable(addHook, null).apply(null, args);
  });
}

function Singular() {
  const singularHookName = Symbol("Singular");
  const singularHookState = {
    registry: {},
  };
  const singularHook = register.bind(null, singularHookState, singularHookName);
  bindApi(singularHook, singularHookState, singularHookName);
  return singularHook;
}

function Collection() {
  const state = {
    registry: {},
  };

  const hook = register.bind(null, state);
  bindApi(hook, state);

  return hook;
}

/* harmony default export */ const before_after_hook = ({ Singular, Collection });

;// CONCATENATED MODULE: ./node_modules/@octokit/endpoint/dist-bundle/index.js
// pkg/dist-src/defaults.js


// pkg/dist-src/version.js
var VERSION = "0.0.0-development";

// pkg/dist-src/defaults.js
var userAgent = `octokit-endpoint.js/${VERSION} ${getUserAgent()}`;
var DEFAULTS = {
  method: "GET",
  baseUrl: "https://api.github.com",
  headers: {
    accept: "application/vnd.github.v3+json",
    "user-agent": userAgent
  },
  mediaType: {
    format: ""
  }
};

// pkg/dist-src/util/lowercase-keys.js
function lowercaseKeys(object) {
  if (!object) {
    return {};
  }
  return Object.keys(object).reduce((newObj, key) => {
    newObj[key.toLowerCase()] = object[key];
    return newObj;
  }, {});
}

// pkg/dist-src/util/is-plain-object.js
function isPlainObject(value) {
  if (typeof value !== "object" || value === null) return false;
  if (Object.prototype.toString.call(value) !== "[object Object]") return false;
  const proto = Object.getPrototypeOf(value);
  if (proto === null) return true;
  const Ctor = Object.prototype.hasOwnProperty.call(proto, "constructor") && proto.constructor;
  return typeof Ctor === "function" && Ctor instanceof Ctor && Function.prototype.call(Ctor) === Function.prototype.call(value);
}

// pkg/dist-src/util/merge-deep.js
function mergeDeep(defaults, options) {
  const result = Object.assign({}, defaults);
  Object.keys(options).forEach((key) => {
    if (isPlainObject(options[key])) {
      if (!(key in defaults)) Object.assign(result, { [key]: options[key] });
      else result[key] = mergeDeep(defaults[key], options[key]);
    } else {
      Object.assign(result, { [key]: options[key] });
    }
  });
  return result;
}

// pkg/dist-src/util/remove-undefined-properties.js
function removeUndefinedProperties(obj) {
  for (const key in obj) {
    if (obj[key] === void 0) {
      delete obj[key];
    }
  }
  return obj;
}

// pkg/dist-src/merge.js
function merge(defaults, route, options) {
  if (typeof route === "string") {
    let [method, url] = route.split(" ");
    options = Object.assign(url ? { method, url } : { url: method }, options);
  } else {
    options = Object.assign({}, route);
  }
  options.headers = lowercaseKeys(options.headers);
  removeUndefinedProperties(options);
  removeUndefinedProperties(options.headers);
  const mergedOptions = mergeDeep(defaults || {}, options);
  if (options.url === "/graphql") {
    if (defaults && defaults.mediaType.previews?.length) {
      mergedOptions.mediaType.previews = defaults.mediaType.previews.filter(
        (preview) => !mergedOptions.mediaType.previews.includes(preview)
      ).concat(mergedOptions.mediaType.previews);
    }
    mergedOptions.mediaType.previews = (mergedOptions.mediaType.previews || []).map((preview) => preview.replace(/-preview/, ""));
  }
  return mergedOptions;
}

// pkg/dist-src/util/add-query-parameters.js
function addQueryParameters(url, parameters) {
  const separator = /\?/.test(url) ? "&" : "?";
  const names = Object.keys(parameters);
  if (names.length === 0) {
    return url;
  }
  return url + separator + names.map((name) => {
    if (name === "q") {
      return "q=" + parameters.q.split("+").map(encodeURIComponent).join("+");
    }
    return `${name}=${encodeURIComponent(parameters[name])}`;
  }).join("&");
}

// pkg/dist-src/util/extract-url-variable-names.js
var urlVariableRegex = /\{[^{}}]+\}/g;
function removeNonChars(variableName) {
  return variableName.replace(/(?:^\W+)|(?:(?<!\W)\W+$)/g, "").split(/,/);
}
function extractUrlVariableNames(url) {
  const matches = url.match(urlVariableRegex);
  if (!matches) {
    return [];
  }
  return matches.map(removeNonChars).reduce((a, b) => a.concat(b), []);
}

// pkg/dist-src/util/omit.js
function omit(object, keysToOmit) {
  const result = { __proto__: null };
  for (const key of Object.keys(object)) {
    if (keysToOmit.indexOf(key) === -1) {
      result[key] = object[key];
    }
  }
  return result;
}

// pkg/dist-src/util/url-template.js
function encodeReserved(str) {
  return str.split(/(%[0-9A-Fa-f]{2})/g).map(function(part) {
    if (!/%[0-9A-Fa-f]/.test(part)) {
      part = encodeURI(part).replace(/%5B/g, "[").replace(/%5D/g, "]");
    }
    return part;
  }).join("");
}
function encodeUnreserved(str) {
  return encodeURIComponent(str).replace(/[!'()*]/g, function(c) {
    return "%" + c.charCodeAt(0).toString(16).toUpperCase();
  });
}
function encodeValue(operator, value, key) {
  value = operator === "+" || operator === "#" ? encodeReserved(value) : encodeUnreserved(value);
  if (key) {
    return encodeUnreserved(key) + "=" + value;
  } else {
    return value;
  }
}
function isDefined(value) {
  return value !== void 0 && value !== null;
}
function isKeyOperator(operator) {
  return operator === ";" || operator === "&" || operator === "?";
}
function getValues(context, operator, key, modifier) {
  var value = context[key], result = [];
  if (isDefined(value) && value !== "") {
    if (typeof value === "string" || typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") {
      value = value.toString();
      if (modifier && modifier !== "*") {
        value = value.substring(0, parseInt(modifier, 10));
      }
      result.push(
        encodeValue(operator, value, isKeyOperator(operator) ? key : "")
      );
    } else {
      if (modifier === "*") {
        if (Array.isArray(value)) {
          value.filter(isDefined).forEach(function(value2) {
            result.push(
              encodeValue(operator, value2, isKeyOperator(operator) ? key : "")
            );
          });
        } else {
          Object.keys(value).forEach(function(k) {
            if (isDefined(value[k])) {
              result.push(encodeValue(operator, value[k], k));
            }
          });
        }
      } else {
        const tmp = [];
        if (Array.isArray(value)) {
          value.filter(isDefined).forEach(function(value2) {
            tmp.push(encodeValue(operator, value2));
          });
        } else {
          Object.keys(value).forEach(function(k) {
            if (isDefined(value[k])) {
              tmp.push(encodeUnreserved(k));
              tmp.push(encodeValue(operator, value[k].toString()));
            }
          });
        }
        if (isKeyOperator(operator)) {
          result.push(encodeUnreserved(key) + "=" + tmp.join(","));
        } else if (tmp.length !== 0) {
          result.push(tmp.join(","));
        }
      }
    }
  } else {
    if (operator === ";") {
      if (isDefined(value)) {
        result.push(encodeUnreserved(key));
      }
    } else if (value === "" && (operator === "&" || operator === "?")) {
      result.push(encodeUnreserved(key) + "=");
    } else if (value === "") {
      result.push("");
    }
  }
  return result;
}
function parseUrl(template) {
  return {
    expand: expand.bind(null, template)
  };
}
function expand(template, context) {
  var operators = ["+", "#", ".", "/", ";", "?", "&"];
  template = template.replace(
    /\{([^\{\}]+)\}|([^\{\}]+)/g,
    function(_, expression, literal) {
      if (expression) {
        let operator = "";
        const values = [];
        if (operators.indexOf(expression.charAt(0)) !== -1) {
          operator = expression.charAt(0);
          expression = expression.substr(1);
        }
        expression.split(/,/g).forEach(function(variable) {
          var tmp = /([^:\*]*)(?::(\d+)|(\*))?/.exec(variable);
          values.push(getValues(context, operator, tmp[1], tmp[2] || tmp[3]));
        });
        if (operator && operator !== "+") {
          var separator = ",";
          if (operator === "?") {
            separator = "&";
          } else if (operator !== "#") {
            separator = operator;
          }
          return (values.length !== 0 ? operator : "") + values.join(separator);
        } else {
          return values.join(",");
        }
      } else {
        return encodeReserved(literal);
      }
    }
  );
  if (template === "/") {
    return template;
  } else {
    return template.replace(/\/$/, "");
  }
}

// pkg/dist-src/parse.js
function parse(options) {
  let method = options.method.toUpperCase();
  let url = (options.url || "/").replace(/:([a-z]\w+)/g, "{$1}");
  let headers = Object.assign({}, options.headers);
  let body;
  let parameters = omit(options, [
    "method",
    "baseUrl",
    "url",
    "headers",
    "request",
    "mediaType"
  ]);
  const urlVariableNames = extractUrlVariableNames(url);
  url = parseUrl(url).expand(parameters);
  if (!/^http/.test(url)) {
    url = options.baseUrl + url;
  }
  const omittedParameters = Object.keys(options).filter((option) => urlVariableNames.includes(option)).concat("baseUrl");
  const remainingParameters = omit(parameters, omittedParameters);
  const isBinaryRequest = /application\/octet-stream/i.test(headers.accept);
  if (!isBinaryRequest) {
    if (options.mediaType.format) {
      headers.accept = headers.accept.split(/,/).map(
        (format) => format.replace(
          /application\/vnd(\.\w+)(\.v3)?(\.\w+)?(\+json)?$/,
          `application/vnd$1$2.${options.mediaType.format}`
        )
      ).join(",");
    }
    if (url.endsWith("/graphql")) {
      if (options.mediaType.previews?.length) {
        const previewsFromAcceptHeader = headers.accept.match(/(?<![\w-])[\w-]+(?=-preview)/g) || [];
        headers.accept = previewsFromAcceptHeader.concat(options.mediaType.previews).map((preview) => {
          const format = options.mediaType.format ? `.${options.mediaType.format}` : "+json";
          return `application/vnd.github.${preview}-preview${format}`;
        }).join(",");
      }
    }
  }
  if (["GET", "HEAD"].includes(method)) {
    url = addQueryParameters(url, remainingParameters);
  } else {
    if ("data" in remainingParameters) {
      body = remainingParameters.data;
    } else {
      if (Object.keys(remainingParameters).length) {
        body = remainingParameters;
      }
    }
  }
  if (!headers["content-type"] && typeof body !== "undefined") {
    headers["content-type"] = "application/json; charset=utf-8";
  }
  if (["PATCH", "PUT"].includes(method) && typeof body === "undefined") {
    body = "";
  }
  return Object.assign(
    { method, url, headers },
    typeof body !== "undefined" ? { body } : null,
    options.request ? { request: options.request } : null
  );
}

// pkg/dist-src/endpoint-with-defaults.js
function endpointWithDefaults(defaults, route, options) {
  return parse(merge(defaults, route, options));
}

// pkg/dist-src/with-defaults.js
function withDefaults(oldDefaults, newDefaults) {
  const DEFAULTS2 = merge(oldDefaults, newDefaults);
  const endpoint2 = endpointWithDefaults.bind(null, DEFAULTS2);
  return Object.assign(endpoint2, {
    DEFAULTS: DEFAULTS2,
    defaults: withDefaults.bind(null, DEFAULTS2),
    merge: merge.bind(null, DEFAULTS2),
    parse
  });
}

// pkg/dist-src/index.js
var endpoint = withDefaults(null, DEFAULTS);


;// CONCATENATED MODULE: ./node_modules/content-type/dist/index.js
/*!
 * content-type
 * Copyright(c) 2015 Douglas Christopher Wilson
 * MIT Licensed
 */
const SP = 32; // " "
const HTAB = 9; // "\t"
const SEMI = 59; // ";"
const EQ = 61; // "="
const DQUOTE = 34; // '"'
const BSLASH = 92; // "\\"
const COMMA = 44; // ","
const LOWER_CASE = 1;
const OWS = 2;
const SEMI_FLAG = 4;
const COMMA_FLAG = 8;
const TOKEN_FLAG = 16;
const NON_ASCII = 0xff00;
const CASE_FLAGS = LOWER_CASE | NON_ASCII;
/**
 * Character flags used to normalize HTTP field values while scanning.
 * Out-of-range reads intentionally coerce to zero in bitwise expressions.
 */
const CHAR_MAP = new Uint8Array(0x100);
CHAR_MAP[HTAB] |= OWS;
CHAR_MAP[SP] |= OWS;
CHAR_MAP[SEMI] |= SEMI_FLAG;
CHAR_MAP[COMMA] |= COMMA_FLAG;
for (let code = 0x80 /* non-ASCII */; code <= 0xff; code++) {
    CHAR_MAP[code] |= LOWER_CASE;
}
for (const char of "!#$%&'*+-.^_`|~") {
    CHAR_MAP[char.charCodeAt(0)] |= TOKEN_FLAG;
}
for (let code = 0x30 /* 0 */; code <= 0x39 /* 9 */; code++) {
    CHAR_MAP[code] |= TOKEN_FLAG;
}
for (let code = 0x41 /* A */; code <= 0x5a /* Z */; code++) {
    CHAR_MAP[code] |= LOWER_CASE | TOKEN_FLAG;
}
for (let code = 0x61 /* a */; code <= 0x7a /* z */; code++) {
    CHAR_MAP[code] |= TOKEN_FLAG;
}
/**
 * Null object perf optimization. Faster than `Object.create(null)` and `{ __proto__: null }`.
 */
const NullObject = /* @__PURE__ */ (() => {
    const C = function () { };
    C.prototype = Object.create(null);
    return C;
})();
/**
 * Validate a type string against RFC 9110.
 */
function isTypeValid(type, start = 0, end = type.length) {
    let hasSlash = false;
    for (let index = start; index < end; index++) {
        const code = type.charCodeAt(index);
        if (code === 47 /* / */) {
            if (hasSlash || index === start || index >= end - 1)
                return false;
            hasSlash = true;
        }
        else if (!isTokenCode(code)) {
            return false;
        }
    }
    return hasSlash;
}
/**
 * Validate a token against RFC 9110.
 */
function isTokenValid(token, start = 0, end = token.length) {
    if (start >= end)
        return false;
    for (let index = start; index < end; index++) {
        if (!isTokenCode(token.charCodeAt(index)))
            return false;
    }
    return true;
}
/**
 * Check whether a character code belongs to the token production in RFC 9110.
 */
function isTokenCode(code) {
    return (CHAR_MAP[code] & TOKEN_FLAG) !== 0;
}
/**
 * Serialize a parameter value.
 */
function parameterValue(str) {
    const len = str.length;
    if (len === 0)
        return '""';
    let index = 0;
    while (index < len && isTokenCode(str.charCodeAt(index)))
        index++;
    if (index === len)
        return str;
    let result = '"';
    let start = 0;
    while (index < len) {
        const code = str.charCodeAt(index);
        if (code !== HTAB && (code < SP || code === 127 || code > 255)) {
            throw new TypeError(`Invalid parameter value: ${str}`);
        }
        if (code === 34 /* " */ || code === 92 /* \\ */) {
            result += `${str.slice(start, index)}\\`;
            start = index;
        }
        index++;
    }
    return `${result}${str.slice(start)}"`;
}
/**
 * Format an object into a `Content-Type` header.
 */
function format(obj) {
    const { type, parameters } = obj;
    if (!type || !isTypeValid(type)) {
        throw new TypeError(`Invalid type: ${type}`);
    }
    let result = type;
    if (parameters) {
        for (const param of Object.keys(parameters)) {
            if (!isTokenValid(param)) {
                throw new TypeError(`Invalid parameter name: ${param}`);
            }
            result += `; ${param}=${parameterValue(parameters[param])}`;
        }
    }
    return result;
}
/**
 * Parse a `Content-Type` header.
 */
function dist_parse(header, options) {
    const stopFlags = SEMI_FLAG | (options?.comma === true ? COMMA_FLAG : 0);
    const len = header.length;
    let valueStart = options?.start ?? 0;
    while ((CHAR_MAP[header.charCodeAt(valueStart)] & OWS) !== 0) {
        valueStart++;
    }
    let index = valueStart;
    let typeFlags = 0;
    let whitespace = -1;
    let stop = options?.parameters === false ? COMMA_FLAG : 0;
    while (index < len) {
        const code = header.charCodeAt(index);
        const flags = CHAR_MAP[code];
        if ((flags & stopFlags) !== 0) {
            stop |= flags & COMMA_FLAG;
            break;
        }
        if ((flags & OWS) !== 0) {
            if (whitespace === -1)
                whitespace = index;
        }
        else {
            whitespace = -1;
        }
        typeFlags |= (code & NON_ASCII) | flags;
        index++;
    }
    const valueEnd = whitespace === -1 ? index : whitespace;
    const value = header.slice(valueStart, valueEnd);
    const type = (typeFlags & CASE_FLAGS) === 0 ? value : value.toLowerCase();
    if (index === len || stop !== 0) {
        return { type, index, parameters: new NullObject() };
    }
    return parseParameters(header, type, index, len, stopFlags);
}
/**
 * Parses the parameters of a `Content-Type` header starting at the given index.
 */
function parseParameters(header, type, index, len, stopFlags) {
    const parameters = new NullObject();
    parameter: while (index < len) {
        index++; // Skip over ;
        while ((CHAR_MAP[header.charCodeAt(index)] & OWS) !== 0) {
            index++;
        }
        const keyStart = index;
        let keyFlags = 0;
        let keyWhitespace = -1;
        while (index < len) {
            const code = header.charCodeAt(index);
            const flags = CHAR_MAP[code];
            if ((flags & stopFlags) !== 0) {
                if ((flags & COMMA_FLAG) !== 0)
                    break parameter;
                continue parameter;
            }
            if (code === EQ) {
                const keyEnd = keyWhitespace === -1 ? index : keyWhitespace;
                const value = header.slice(keyStart, keyEnd);
                const key = (keyFlags & CASE_FLAGS) === 0 ? value : value.toLowerCase();
                index++;
                while ((CHAR_MAP[header.charCodeAt(index)] & OWS) !== 0) {
                    index++;
                }
                if (index < len && header.charCodeAt(index) === DQUOTE) {
                    const quotedStart = ++index;
                    let escaped = false;
                    while (index < len) {
                        const code = header.charCodeAt(index);
                        if (code === DQUOTE) {
                            if (parameters[key] === undefined) {
                                parameters[key] = escaped
                                    ? unescapeQuotedPairs(header, quotedStart, index)
                                    : header.slice(quotedStart, index);
                            }
                            index++;
                            let stop = 0;
                            // Discard characters between quote and delimiter.
                            while (index < len) {
                                const code = header.charCodeAt(index);
                                const flags = CHAR_MAP[code];
                                if ((flags & stopFlags) !== 0) {
                                    stop = flags & COMMA_FLAG;
                                    break;
                                }
                                index++;
                            }
                            if (stop !== 0)
                                break parameter;
                            continue parameter;
                        }
                        if (code === BSLASH && index + 1 < len) {
                            escaped = true;
                            index += 2;
                            continue;
                        }
                        index++;
                    }
                    continue parameter;
                }
                const valueStart = index;
                let stop = 0;
                let valueWhitespace = -1;
                while (index < len) {
                    const code = header.charCodeAt(index);
                    const flags = CHAR_MAP[code];
                    if ((flags & stopFlags) !== 0) {
                        stop = flags & COMMA_FLAG;
                        break;
                    }
                    if ((flags & OWS) !== 0) {
                        if (valueWhitespace === -1)
                            valueWhitespace = index;
                    }
                    else {
                        valueWhitespace = -1;
                    }
                    index++;
                }
                if (parameters[key] === undefined) {
                    const valueEnd = valueWhitespace === -1 ? index : valueWhitespace;
                    parameters[key] = header.slice(valueStart, valueEnd);
                }
                if (stop !== 0)
                    break parameter;
                continue parameter;
            }
            if ((flags & OWS) !== 0) {
                if (keyWhitespace === -1)
                    keyWhitespace = index;
            }
            else {
                keyWhitespace = -1;
            }
            keyFlags |= (code & NON_ASCII) | flags;
            index++;
        }
    }
    return { type, index, parameters };
}
/**
 * Remove backslashes from quoted pairs in a known-terminated quoted string body.
 */
function unescapeQuotedPairs(str, start, end) {
    let result = "";
    for (let index = start; index < end; index++) {
        if (str.charCodeAt(index) === BSLASH) {
            result += str.slice(start, index);
            start = ++index;
        }
    }
    return result + str.slice(start, end);
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/json-with-bigint/json-with-bigint.js
const intRegex = /^-?\d+$/;
const noiseValue = /^-?\d+n+$/; // Noise - strings that match the custom format before being converted to it
const originalStringify = JSON.stringify;
const originalParse = JSON.parse;
const customFormat = /^-?\d+n$/;

const bigIntsStringify = /([\[:])?"(-?\d+)n"($|\s*[,\}\]])/g;
const noiseStringify = /([\[:])?("-?\d+n+)n("$|"\s*[,\}\]])/g;

/**
 * @typedef {(this: any, key: string | number | undefined, value: any) => any} Replacer
 * @typedef {(key: string | number | undefined, value: any, context?: { source: string }) => any} Reviver
 */

/**
 * Checks if a value is unstringifiable according to native JSON.stringify rules.
 *
 * @param {any} val The value to check.
 * @returns {boolean} True if the value is undefined, a function, or a symbol.
 */
const isUnstringifiable = (val) =>
  val === undefined || typeof val === "function" || typeof val === "symbol";

/**
 * Checks if a value is a native JSON.rawJSON object (Node.js 22+).
 *
 * @param {any} val The value to check.
 * @returns {boolean} True if the value is a RawJSON instance.
 */
const isRawJSON = (val) =>
  val !== null &&
  typeof val === "object" &&
  val.constructor &&
  val.constructor.name === "RawJSON";

/**
 * Iteratively converts a JS value to a JSON string.
 * Used as a fallback when the native JSON.stringify hits the Maximum Call Stack size.
 * Fully compliant with JSON formatting (space), replacers, and toJSON behaviors.
 *
 * @param {any} rootValue The value to stringify.
 * @param {Replacer | Array<string | number> | null} [replacer] User's custom replacer function.
 * @param {string | number} [spaceParam] Indentation for pretty-printing.
 * @returns {string | undefined} The generated JSON string.
 */
const stringifyIteratively = (rootValue, replacer, spaceParam) => {
  let space = "";

  if (typeof spaceParam === "number") {
    space = " ".repeat(Math.min(10, Math.max(0, Math.floor(spaceParam))));
  } else if (typeof spaceParam === "string") {
    space = spaceParam.slice(0, 10);
  }

  const isFunctionReplacer = typeof replacer === "function";
  const propertyList = Array.isArray(replacer)
    ? new Set(replacer.map(String))
    : null;

  /**
   * Prepares a value for stringification by resolving toJSON, handling BigInts,
   * applying custom replacers, and unwrapping primitive objects.
   *
   * @param {object|Array} parent The parent object or array holding the value.
   * @param {string} key The key associated with the value.
   * @param {any} val The raw value to process.
   * @returns {any} The processed value ready for stringification.
   */
  const prepareVal = (parent, key, val) => {
    const isObject = val !== null && typeof val === "object";
    const hasToJSON = isObject && typeof val.toJSON === "function";

    if (hasToJSON) {
      val = val.toJSON(key);
    }

    const isNoise = typeof val === "string" && noiseValue.test(val);

    if (isNoise) return val + "n";

    const isBigInt = typeof val === "bigint";

    if (isBigInt) {
      const supportsRawJSON = "rawJSON" in JSON;

      if (supportsRawJSON) return JSON.rawJSON(val.toString());

      return val.toString() + "n";
    }

    if (isFunctionReplacer) {
      val = replacer.call(parent, key, val);
    }

    const isPostReplacerObject = val !== null && typeof val === "object";

    if (isPostReplacerObject) {
      const isPrimitiveWrapper =
        val instanceof Number ||
        val instanceof String ||
        val instanceof Boolean;

      if (isPrimitiveWrapper) {
        val = val.valueOf();
      }
    }

    return val;
  };

  const rootProcessed = prepareVal({ "": rootValue }, "", rootValue);

  if (isUnstringifiable(rootProcessed)) {
    return undefined;
  }

  const isRootPrimitive =
    rootProcessed === null || typeof rootProcessed !== "object";
  const isRootNativeRawJSON = isRawJSON(rootProcessed);

  if (isRootPrimitive || isRootNativeRawJSON) {
    return originalStringify(rootProcessed);
  }

  const chunks = [];
  let level = 0;

  const stack = [
    {
      parent: { "": rootProcessed },
      key: "",
      val: rootProcessed,
      isArray: Array.isArray(rootProcessed),
      keys: Array.isArray(rootProcessed) ? null : Object.keys(rootProcessed),
      index: 0,
      first: true,
    },
  ];

  const visited = new WeakSet([rootProcessed]);

  while (stack.length > 0) {
    const node = stack[stack.length - 1];

    if (node.index === 0) {
      chunks.push(node.isArray ? "[" : "{");
      level++;
    }

    let isDone = false;

    if (node.isArray) {
      if (node.index < node.val.length) {
        if (!node.first) chunks.push(",");

        if (space) chunks.push("\n" + space.repeat(level));

        const childRaw = node.val[node.index];
        const childVal = prepareVal(node.val, String(node.index), childRaw);

        if (isUnstringifiable(childVal)) {
          chunks.push("null");
          node.first = false;
          node.index++;
        } else {
          const isComplexObject =
            childVal !== null && typeof childVal === "object";
          const isNativeRaw = isRawJSON(childVal);

          if (isComplexObject && !isNativeRaw) {
            if (visited.has(childVal)) {
              throw new TypeError("Converting circular structure to JSON");
            }

            visited.add(childVal);

            stack.push({
              parent: node.val,
              key: String(node.index),
              val: childVal,
              isArray: Array.isArray(childVal),
              keys: Array.isArray(childVal) ? null : Object.keys(childVal),
              index: 0,
              first: true,
            });

            node.first = false;
            node.index++;
          } else {
            chunks.push(originalStringify(childVal));
            node.first = false;
            node.index++;
          }
        }
      } else {
        isDone = true;
      }
    } else {
      while (node.index < node.keys.length) {
        const k = node.keys[node.index++];

        const isFilteredOutByArray = propertyList && !propertyList.has(k);

        if (isFilteredOutByArray) continue;

        const childRaw = node.val[k];
        const childVal = prepareVal(node.val, k, childRaw);

        if (isUnstringifiable(childVal)) continue;

        if (!node.first) chunks.push(",");

        if (space) {
          chunks.push("\n" + space.repeat(level) + originalStringify(k) + ": ");
        } else {
          chunks.push(originalStringify(k) + ":");
        }

        const isComplexObject =
          childVal !== null && typeof childVal === "object";
        const isNativeRaw = isRawJSON(childVal);

        if (isComplexObject && !isNativeRaw) {
          if (visited.has(childVal)) {
            throw new TypeError("Converting circular structure to JSON");
          }

          visited.add(childVal);

          stack.push({
            parent: node.val,
            key: k,
            val: childVal,
            isArray: Array.isArray(childVal),
            keys: Array.isArray(childVal) ? null : Object.keys(childVal),
            index: 0,
            first: true,
          });

          node.first = false;

          break; // Stop current loop level to process the newly pushed stack node
        } else {
          chunks.push(originalStringify(childVal));
          node.first = false;
        }
      }

      const isNodeFullyProcessed =
        node.index >= node.keys.length && stack[stack.length - 1] === node;

      if (isNodeFullyProcessed) {
        isDone = true;
      }
    }

    if (isDone) {
      level--;

      if (!node.first && space) chunks.push("\n" + space.repeat(level));

      chunks.push(node.isArray ? "]" : "}");
      visited.delete(node.val);
      stack.pop();
    }
  }

  return chunks.join("");
};

/**
 * Converts a JavaScript value to a JSON string.
 *
 * Supports serialization of BigInt values using two strategies:
 * 1. Custom format "123n" → "123" (universal fallback)
 * 2. Native JSON.rawJSON() (Node.js 22+, fastest) when available
 *
 * All other values are serialized exactly like native JSON.stringify().
 *
 * @param {*} value The value to convert to a JSON string.
 * @param {Replacer | Array<string | number> | null} [replacer]
 * A function that alters the behavior of the stringification process,
 * or an array of strings/numbers to indicate properties to exclude.
 * @param {string | number} [space]
 * A string or number to specify indentation or pretty-printing.
 * @returns {string} The JSON string representation.
 */
const JSONStringify = (value, replacer, space) => {
  try {
    const supportsRawJSON = "rawJSON" in JSON;

    if (supportsRawJSON) {
      return originalStringify(
        value,
        (key, val) => {
          if (typeof val === "bigint") return JSON.rawJSON(val.toString());

          const hasFunctionReplacer = typeof replacer === "function";

          if (hasFunctionReplacer) return replacer(key, val);

          const isKeyInArrayReplacer =
            Array.isArray(replacer) && replacer.includes(key);

          if (isKeyInArrayReplacer) return val;

          return val;
        },
        space,
      );
    }

    if (!value) return originalStringify(value, replacer, space);

    const convertedToCustomJSON = originalStringify(
      value,
      (key, val) => {
        const isNoise = typeof val === "string" && noiseValue.test(val);

        if (isNoise) return val.toString() + "n"; // Mark noise values with additional "n" to offset the deletion of one "n" during the processing

        if (typeof val === "bigint") return val.toString() + "n";

        const hasFunctionReplacer = typeof replacer === "function";

        if (hasFunctionReplacer) return replacer(key, val);

        const isKeyInArrayReplacer =
          Array.isArray(replacer) && replacer.includes(key);

        if (isKeyInArrayReplacer) return val;

        return val;
      },
      space,
    );

    const processedJSON = convertedToCustomJSON.replace(
      bigIntsStringify,
      "$1$2$3",
    ); // Delete one "n" off the end of every BigInt value

    const denoisedJSON = processedJSON.replace(noiseStringify, "$1$2$3"); // Remove one "n" off the end of every noisy string

    return denoisedJSON;
  } catch (error) {
    if (error instanceof RangeError) {
      const convertedJSON = stringifyIteratively(value, replacer, space);

      if (convertedJSON === undefined) return undefined;

      const supportsRawJSON = "rawJSON" in JSON;

      if (supportsRawJSON) return convertedJSON;

      const processedJSON = convertedJSON.replace(bigIntsStringify, "$1$2$3");

      return processedJSON.replace(noiseStringify, "$1$2$3");
    }

    throw error;
  }
};

const featureCache = new Map();

/**
 * Detects if the current JSON.parse implementation supports the context.source feature.
 *
 * Uses toString() fingerprinting to cache results and automatically detect runtime
 * replacements of JSON.parse (polyfills, mocks, etc.).
 *
 * @returns {boolean} true if context.source is supported, false otherwise.
 */
const isContextSourceSupported = () => {
  const parseFingerprint = JSON.parse.toString();

  if (featureCache.has(parseFingerprint)) {
    return featureCache.get(parseFingerprint);
  }

  try {
    const result = JSON.parse(
      "1",
      (_, __, context) => !!context?.source && context.source === "1",
    );
    featureCache.set(parseFingerprint, result);

    return result;
  } catch {
    featureCache.set(parseFingerprint, false);

    return false;
  }
};

/**
 * Reviver function that converts custom-format BigInt strings back to BigInt values.
 * Also handles "noise" strings that accidentally match the BigInt format.
 *
 * @param {string | number | undefined} key The object key.
 * @param {*} value The value being parsed.
 * @param {object} [context] Parse context (if supported by JSON.parse).
 * @param {Reviver} [userReviver] User's custom reviver function.
 * @returns {any} The transformed value.
 */
const convertMarkedBigIntsReviver = (key, value, context, userReviver) => {
  const isCustomFormatBigInt =
    typeof value === "string" && customFormat.test(value);

  if (isCustomFormatBigInt) return BigInt(value.slice(0, -1));

  const isNoiseValue = typeof value === "string" && noiseValue.test(value);
  if (isNoiseValue) return value.slice(0, -1);

  const hasUserReviver = typeof userReviver === "function";

  if (!hasUserReviver) return value;

  return userReviver(key, value, context);
};

/**
 * Fast JSON.parse implementation (~2x faster than classic fallback).
 * Uses JSON.parse's context.source feature to detect integers and convert
 * large numbers directly to BigInt without string manipulation.
 *
 * Does not support legacy custom format from v1 of this library.
 *
 * @param {string} text JSON string to parse.
 * @param {Reviver} [reviver] Transform function to apply to each value.
 * @returns {any} Parsed JavaScript value.
 */
const JSONParseV2 = (text, reviver) => {
  return JSON.parse(text, (key, value, context) => {
    const isNumber = typeof value === "number";
    const isOutOfBounds =
      value > Number.MAX_SAFE_INTEGER || value < Number.MIN_SAFE_INTEGER;
    const isBigNumber = isNumber && isOutOfBounds;
    const isInt = context && intRegex.test(context.source);
    const isBigInt = isBigNumber && isInt;

    if (isBigInt) return BigInt(context.source);

    const hasCustomReviver = typeof reviver === "function";

    if (!hasCustomReviver) return value;

    return reviver(key, value, context);
  });
};

const MAX_INT = Number.MAX_SAFE_INTEGER.toString();
const MAX_DIGITS = MAX_INT.length;
const stringsOrLargeNumbers =
  /"(?:[^"\\]|\\.)*"|-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/g;
const noiseValueWithQuotes = /^"-?\d+n+"$/; // Noise - strings that match the custom format before being converted to it

/**
 * Iteratively traverses the parsed object bottom-up (post-order),
 * emulating the native JSON.parse reviver behavior.
 * This avoids Call Stack overflows (RangeError) on deeply nested structures.
 *
 * @param {any} parsed The natively parsed JSON object.
 * @param {Reviver} [userReviver] User's custom reviver function.
 * @returns {any} The fully processed object.
 */
const applyReviverIteratively = (parsed, userReviver) => {
  const rootHolder = { "": parsed };
  const stack = [{ parent: rootHolder, key: "", visited: false }];

  while (stack.length > 0) {
    const node = stack[stack.length - 1];

    if (!node.visited) {
      node.visited = true;

      const value = node.parent[node.key];
      const isComplexObject = value !== null && typeof value === "object";

      if (isComplexObject) {
        const keys = Object.keys(value);

        for (let i = keys.length - 1; i >= 0; i--) {
          stack.push({ parent: value, key: keys[i], visited: false });
        }
      }
    } else {
      const { parent, key } = node;
      let value = parent[key];

      if (typeof value === "string") {
        const isCustomFormatBigInt = customFormat.test(value);

        if (isCustomFormatBigInt) {
          value = BigInt(value.slice(0, -1));
        } else {
          const isNoise = noiseValue.test(value);

          if (isNoise) value = value.slice(0, -1);
        }
      }

      const hasUserReviver = typeof userReviver === "function";

      if (hasUserReviver) {
        value = userReviver.call(parent, key, value);
      }

      const isDeleted = value === undefined;

      if (isDeleted) {
        delete parent[key];
      } else {
        parent[key] = value;
      }

      stack.pop();
    }
  }

  return rootHolder[""];
};

/**
 * Pre-processes the JSON string to mark large numbers with an 'n' suffix.
 *
 * @param {string} text The raw JSON string.
 * @returns {string} The serialized string with marked BigInts.
 */
const serializeBigInts = (text) => {
  return text.replace(
    stringsOrLargeNumbers,
    (match, digits, fractional, exponential) => {
      const isString = match[0] === '"';
      const isNoise = isString && noiseValueWithQuotes.test(match);

      if (isNoise) return match.substring(0, match.length - 1) + 'n"'; // Mark noise values with additional "n" to offset the deletion of one "n" during the processing

      const hasFractionalOrExponential = fractional || exponential;

      // With a fixed number of digits, we can correctly use lexicographical comparison to do a numeric comparison
      const isLessThanMaxSafeInt =
        digits &&
        (digits.length < MAX_DIGITS ||
          (digits.length === MAX_DIGITS && digits <= MAX_INT));

      const isStandardValue =
        isString || hasFractionalOrExponential || isLessThanMaxSafeInt;

      if (isStandardValue) return match;

      return '"' + match + 'n"';
    },
  );
};

/**
 * Converts a JSON string into a JavaScript value.
 *
 * Supports parsing of large integers using two strategies:
 * 1. Classic fallback: Marks large numbers with "123n" format, then converts to BigInt
 * 2. Fast path (JSONParseV2): Uses context.source feature (~2x faster) when available
 *
 * All other JSON values are parsed exactly like native JSON.parse().
 *
 * @param {string} text A valid JSON string.
 * @param {Reviver} [reviver]
 * A function that transforms the results. This function is called for each member
 * of the object. If a member contains nested objects, the nested objects are
 * transformed before the parent object is.
 * @returns {any} The parsed JavaScript value.
 * @throws {SyntaxError} If text is not valid JSON.
 */
const JSONParse = (text, reviver) => {
  if (!text) return originalParse(text, reviver);

  try {
    if (isContextSourceSupported()) return JSONParseV2(text, reviver); // Shortcut to a faster (2x) and simpler version

    // Find and mark big numbers with "n"
    const serializedData = serializeBigInts(text);

    return originalParse(serializedData, (key, value, context) =>
      convertMarkedBigIntsReviver(key, value, context, reviver),
    );
  } catch (error) {
    if (error instanceof RangeError) {
      const serializedData = serializeBigInts(text);
      const parsed = originalParse(serializedData);

      return applyReviverIteratively(parsed, reviver);
    }

    throw error;
  }
};



// EXTERNAL MODULE: ./node_modules/@octokit/request-error/dist-src/index.js
var dist_src = __nccwpck_require__(15);
;// CONCATENATED MODULE: ./node_modules/@octokit/request/dist-bundle/index.js
// pkg/dist-src/index.js


// pkg/dist-src/defaults.js


// pkg/dist-src/version.js
var dist_bundle_VERSION = "10.0.16";

// pkg/dist-src/defaults.js
var defaults_default = {
  headers: {
    "user-agent": `octokit-request.js/${dist_bundle_VERSION} ${getUserAgent()}`
  }
};

// pkg/dist-src/fetch-wrapper.js



// pkg/dist-src/is-plain-object.js
function dist_bundle_isPlainObject(value) {
  if (typeof value !== "object" || value === null) return false;
  if (Object.prototype.toString.call(value) !== "[object Object]") return false;
  const proto = Object.getPrototypeOf(value);
  if (proto === null) return true;
  const Ctor = Object.prototype.hasOwnProperty.call(proto, "constructor") && proto.constructor;
  return typeof Ctor === "function" && Ctor instanceof Ctor && Function.prototype.call(Ctor) === Function.prototype.call(value);
}

// pkg/dist-src/fetch-wrapper.js

var noop = () => "";
async function fetchWrapper(requestOptions) {
  const fetch = requestOptions.request?.fetch || globalThis.fetch;
  if (!fetch) {
    throw new Error(
      "fetch is not set. Please pass a fetch implementation as new Octokit({ request: { fetch }}). Learn more at https://github.com/octokit/octokit.js/#fetch-missing"
    );
  }
  const log = requestOptions.request?.log || console;
  const parseSuccessResponseBody = requestOptions.request?.parseSuccessResponseBody !== false;
  const body = dist_bundle_isPlainObject(requestOptions.body) || Array.isArray(requestOptions.body) ? JSONStringify(requestOptions.body) : requestOptions.body;
  const requestHeaders = Object.fromEntries(
    Object.entries(requestOptions.headers).map(([name, value]) => [
      name,
      String(value)
    ])
  );
  let fetchResponse;
  try {
    fetchResponse = await fetch(requestOptions.url, {
      method: requestOptions.method,
      body,
      redirect: requestOptions.request?.redirect,
      headers: requestHeaders,
      signal: requestOptions.request?.signal,
      // duplex must be set if request.body is ReadableStream or Async Iterables.
      // See https://fetch.spec.whatwg.org/#dom-requestinit-duplex.
      ...requestOptions.body && { duplex: "half" }
    });
  } catch (error) {
    let message = "Unknown Error";
    if (error instanceof Error) {
      if (error.name === "AbortError") {
        error.status = 500;
        throw error;
      }
      message = error.message;
      if (error.name === "TypeError" && "cause" in error) {
        if (error.cause instanceof Error) {
          message = error.cause.message;
        } else if (typeof error.cause === "string") {
          message = error.cause;
        }
      }
    }
    const requestError = new dist_src/* RequestError */.G(message, 500, {
      request: requestOptions
    });
    requestError.cause = error;
    throw requestError;
  }
  const status = fetchResponse.status;
  const url = fetchResponse.url;
  const responseHeaders = {};
  for (const [key, value] of fetchResponse.headers) {
    responseHeaders[key] = value;
  }
  const octokitResponse = {
    url,
    status,
    headers: responseHeaders,
    data: ""
  };
  if ("deprecation" in responseHeaders) {
    const matches = responseHeaders.link && responseHeaders.link.match(/<([^<>]+)>; rel="deprecation"/);
    const deprecationLink = matches && matches.pop();
    log.warn(
      `[@octokit/request] "${requestOptions.method} ${requestOptions.url}" is deprecated. It is scheduled to be removed on ${responseHeaders.sunset}${deprecationLink ? `. See ${deprecationLink}` : ""}`
    );
  }
  if (status === 204 || status === 205) {
    return octokitResponse;
  }
  if (requestOptions.method === "HEAD") {
    if (status < 400) {
      return octokitResponse;
    }
    throw new dist_src/* RequestError */.G(fetchResponse.statusText, status, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  if (status === 304) {
    octokitResponse.data = await getResponseData(fetchResponse);
    throw new dist_src/* RequestError */.G("Not modified", status, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  if (status >= 400) {
    octokitResponse.data = await getResponseData(fetchResponse);
    throw new dist_src/* RequestError */.G(toErrorMessage(octokitResponse.data), status, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  octokitResponse.data = parseSuccessResponseBody ? await getResponseData(fetchResponse) : fetchResponse.body;
  return octokitResponse;
}
async function getResponseData(response) {
  const contentType = response.headers.get("content-type");
  if (!contentType) {
    return response.text().catch(noop);
  }
  const mimetype = dist_parse(contentType);
  if (isJSONResponse(mimetype)) {
    let text = "";
    try {
      text = await response.text();
      return JSONParse(text);
    } catch (err) {
      return text;
    }
  } else if (mimetype.type.startsWith("text/") || // `application/octet-stream` is the canonical "arbitrary binary" type
  // (RFC 2046) and must never be decoded as text, even when the response
  // carries a (misleading) `charset=utf-8` parameter — see #751.
  mimetype.parameters.charset?.toLowerCase() === "utf-8" && mimetype.type !== "application/octet-stream") {
    return response.text().catch(noop);
  } else {
    return response.arrayBuffer().catch(
      /* v8 ignore next -- @preserve */
      () => new ArrayBuffer(0)
    );
  }
}
function isJSONResponse(mimetype) {
  return mimetype.type === "application/json" || mimetype.type === "application/scim+json";
}
function toErrorMessage(data) {
  if (typeof data === "string") {
    return data;
  }
  if (data instanceof ArrayBuffer) {
    return "Unknown error";
  }
  if (typeof data === "object" && data !== null && "message" in data) {
    const objectData = data;
    const suffix = "documentation_url" in objectData ? ` - ${objectData.documentation_url}` : "";
    return Array.isArray(objectData.errors) ? `${objectData.message}: ${objectData.errors.map((v) => JSON.stringify(v)).join(", ")}${suffix}` : `${objectData.message}${suffix}`;
  }
  return `Unknown error: ${JSON.stringify(data)}`;
}

// pkg/dist-src/with-defaults.js
function dist_bundle_withDefaults(oldEndpoint, newDefaults) {
  const endpoint2 = oldEndpoint.defaults(newDefaults);
  const newApi = function(route, parameters) {
    const endpointOptions = endpoint2.merge(route, parameters);
    if (!endpointOptions.request || !endpointOptions.request.hook) {
      return fetchWrapper(endpoint2.parse(endpointOptions));
    }
    const request2 = (route2, parameters2) => {
      return fetchWrapper(
        endpoint2.parse(endpoint2.merge(route2, parameters2))
      );
    };
    Object.assign(request2, {
      endpoint: endpoint2,
      defaults: dist_bundle_withDefaults.bind(null, endpoint2)
    });
    return endpointOptions.request.hook(request2, endpointOptions);
  };
  return Object.assign(newApi, {
    endpoint: endpoint2,
    defaults: dist_bundle_withDefaults.bind(null, endpoint2)
  });
}

// pkg/dist-src/index.js
var request = dist_bundle_withDefaults(endpoint, defaults_default);

/* v8 ignore next -- @preserve */
/* v8 ignore else -- @preserve */

;// CONCATENATED MODULE: ./node_modules/@octokit/graphql/dist-bundle/index.js
// pkg/dist-src/index.js



// pkg/dist-src/version.js
var graphql_dist_bundle_VERSION = "0.0.0-development";

// pkg/dist-src/with-defaults.js


// pkg/dist-src/graphql.js


// pkg/dist-src/error.js
function _buildMessageForResponseErrors(data) {
  return `Request failed due to following response errors:
` + data.errors.map((e) => ` - ${e.message}`).join("\n");
}
var GraphqlResponseError = class extends Error {
  constructor(request2, headers, response) {
    super(_buildMessageForResponseErrors(response));
    this.request = request2;
    this.headers = headers;
    this.response = response;
    this.errors = response.errors;
    this.data = response.data;
    if (Error.captureStackTrace) {
      Error.captureStackTrace(this, this.constructor);
    }
  }
  request;
  headers;
  response;
  name = "GraphqlResponseError";
  errors;
  data;
};

// pkg/dist-src/graphql.js
var NON_VARIABLE_OPTIONS = [
  "method",
  "baseUrl",
  "url",
  "headers",
  "request",
  "query",
  "mediaType",
  "operationName"
];
var FORBIDDEN_VARIABLE_OPTIONS = ["query", "method", "url"];
var GHES_V3_SUFFIX_REGEX = /\/api\/v3\/?$/;
function graphql(request2, query, options) {
  if (options) {
    if (typeof query === "string" && "query" in options) {
      return Promise.reject(
        new Error(`[@octokit/graphql] "query" cannot be used as variable name`)
      );
    }
    for (const key in options) {
      if (!FORBIDDEN_VARIABLE_OPTIONS.includes(key)) continue;
      return Promise.reject(
        new Error(
          `[@octokit/graphql] "${key}" cannot be used as variable name`
        )
      );
    }
  }
  const parsedOptions = typeof query === "string" ? Object.assign({ query }, options) : query;
  const requestOptions = Object.keys(
    parsedOptions
  ).reduce((result, key) => {
    if (NON_VARIABLE_OPTIONS.includes(key)) {
      result[key] = parsedOptions[key];
      return result;
    }
    if (!result.variables) {
      result.variables = {};
    }
    result.variables[key] = parsedOptions[key];
    return result;
  }, {});
  const baseUrl = parsedOptions.baseUrl || request2.endpoint.DEFAULTS.baseUrl;
  if (GHES_V3_SUFFIX_REGEX.test(baseUrl)) {
    requestOptions.url = baseUrl.replace(GHES_V3_SUFFIX_REGEX, "/api/graphql");
  }
  return request2(requestOptions).then((response) => {
    if (response.data.errors) {
      const headers = {};
      for (const key of Object.keys(response.headers)) {
        headers[key] = response.headers[key];
      }
      throw new GraphqlResponseError(
        requestOptions,
        headers,
        response.data
      );
    }
    return response.data.data;
  });
}

// pkg/dist-src/with-defaults.js
function graphql_dist_bundle_withDefaults(request2, newDefaults) {
  const newRequest = request2.defaults(newDefaults);
  const newApi = (query, options) => {
    return graphql(newRequest, query, options);
  };
  return Object.assign(newApi, {
    defaults: graphql_dist_bundle_withDefaults.bind(null, newRequest),
    endpoint: newRequest.endpoint
  });
}

// pkg/dist-src/index.js
var graphql2 = graphql_dist_bundle_withDefaults(request, {
  headers: {
    "user-agent": `octokit-graphql.js/${graphql_dist_bundle_VERSION} ${getUserAgent()}`
  },
  method: "POST",
  url: "/graphql"
});
function withCustomRequest(customRequest) {
  return graphql_dist_bundle_withDefaults(customRequest, {
    method: "POST",
    url: "/graphql"
  });
}

/* v8 ignore if -- @preserve */

;// CONCATENATED MODULE: ./node_modules/@octokit/auth-token/dist-bundle/index.js
// pkg/dist-src/is-jwt.js
var b64url = "(?:[a-zA-Z0-9_-]+)";
var sep = "\\.";
var jwtRE = new RegExp(`^${b64url}${sep}${b64url}${sep}${b64url}$`);
var isJWT = jwtRE.test.bind(jwtRE);

// pkg/dist-src/auth.js
async function auth(token) {
  const isApp = isJWT(token);
  const isInstallation = token.startsWith("v1.") || token.startsWith("ghs_");
  const isUserToServer = token.startsWith("ghu_");
  const tokenType = isApp ? "app" : isInstallation ? "installation" : isUserToServer ? "user-to-server" : "oauth";
  return {
    type: "token",
    token,
    tokenType
  };
}

// pkg/dist-src/with-authorization-prefix.js
function withAuthorizationPrefix(token) {
  if (token.split(/\./).length === 3) {
    return `bearer ${token}`;
  }
  return `token ${token}`;
}

// pkg/dist-src/hook.js
async function hook(token, request, route, parameters) {
  const endpoint = request.endpoint.merge(
    route,
    parameters
  );
  endpoint.headers.authorization = withAuthorizationPrefix(token);
  return request(endpoint);
}

// pkg/dist-src/index.js
var createTokenAuth = function createTokenAuth2(token) {
  if (!token) {
    throw new Error("[@octokit/auth-token] No token passed to createTokenAuth");
  }
  if (typeof token !== "string") {
    throw new Error(
      "[@octokit/auth-token] Token passed to createTokenAuth is not a string"
    );
  }
  token = token.replace(/^(token|bearer) +/i, "");
  return Object.assign(auth.bind(null, token), {
    hook: hook.bind(null, token)
  });
};


;// CONCATENATED MODULE: ./node_modules/@octokit/core/dist-src/version.js
const version_VERSION = "7.0.8";


;// CONCATENATED MODULE: ./node_modules/@octokit/core/dist-src/index.js






const dist_src_noop = () => {
};
const consoleWarn = console.warn.bind(console);
const consoleError = console.error.bind(console);
function createLogger(logger = {}) {
  if (typeof logger.debug !== "function") {
    logger.debug = dist_src_noop;
  }
  if (typeof logger.info !== "function") {
    logger.info = dist_src_noop;
  }
  if (typeof logger.warn !== "function") {
    logger.warn = consoleWarn;
  }
  if (typeof logger.error !== "function") {
    logger.error = consoleError;
  }
  return logger;
}
const userAgentTrail = `octokit-core.js/${version_VERSION} ${getUserAgent()}`;
class Octokit {
  static VERSION = version_VERSION;
  static defaults(defaults) {
    const OctokitWithDefaults = class extends this {
      constructor(...args) {
        const options = args[0] || {};
        if (typeof defaults === "function") {
          super(defaults(options));
          return;
        }
        super(
          Object.assign(
            {},
            defaults,
            options,
            options.userAgent && defaults.userAgent ? {
              userAgent: `${options.userAgent} ${defaults.userAgent}`
            } : null
          )
        );
      }
    };
    return OctokitWithDefaults;
  }
  static plugins = [];
  /**
   * Attach a plugin (or many) to your Octokit instance.
   *
   * @example
   * const API = Octokit.plugin(plugin1, plugin2, plugin3, ...)
   */
  static plugin(...newPlugins) {
    const currentPlugins = this.plugins;
    const NewOctokit = class extends this {
      static plugins = currentPlugins.concat(
        newPlugins.filter((plugin) => !currentPlugins.includes(plugin))
      );
    };
    return NewOctokit;
  }
  constructor(options = {}) {
    const hook = new before_after_hook.Collection();
    const requestDefaults = {
      baseUrl: request.endpoint.DEFAULTS.baseUrl,
      headers: {},
      request: Object.assign({}, options.request, {
        // @ts-ignore internal usage only, no need to type
        hook: hook.bind(null, "request")
      }),
      mediaType: {
        previews: [],
        format: ""
      }
    };
    requestDefaults.headers["user-agent"] = options.userAgent ? `${options.userAgent} ${userAgentTrail}` : userAgentTrail;
    if (options.baseUrl) {
      requestDefaults.baseUrl = options.baseUrl;
    }
    if (options.previews) {
      requestDefaults.mediaType.previews = options.previews;
    }
    if (options.timeZone) {
      requestDefaults.headers["time-zone"] = options.timeZone;
    }
    this.request = request.defaults(requestDefaults);
    this.graphql = withCustomRequest(this.request).defaults(requestDefaults);
    this.log = createLogger(options.log);
    this.hook = hook;
    if (!options.authStrategy) {
      if (!options.auth) {
        this.auth = async () => ({
          type: "unauthenticated"
        });
      } else {
        const auth = createTokenAuth(options.auth);
        hook.wrap("request", auth.hook);
        this.auth = auth;
      }
    } else {
      const { authStrategy, ...otherOptions } = options;
      const auth = authStrategy(
        Object.assign(
          {
            request: this.request,
            log: this.log,
            // we pass the current octokit instance as well as its constructor options
            // to allow for authentication strategies that return a new octokit instance
            // that shares the same internal state as the current one. The original
            // requirement for this was the "event-octokit" authentication strategy
            // of https://github.com/probot/octokit-auth-probot.
            octokit: this,
            octokitOptions: otherOptions
          },
          options.auth
        )
      );
      hook.wrap("request", auth.hook);
      this.auth = auth;
    }
    const classConstructor = this.constructor;
    for (let i = 0; i < classConstructor.plugins.length; ++i) {
      Object.assign(this, classConstructor.plugins[i](this, options));
    }
  }
  // assigned during constructor
  request;
  graphql;
  log;
  hook;
  // TODO: type `octokit.auth` based on passed options.authStrategy
  auth;
}


// EXTERNAL MODULE: ./src/common/http.ts + 3 modules
var http = __nccwpck_require__(44);
;// CONCATENATED MODULE: ./src/github/client.ts


/** GitHub's answers here are small JSON documents; a cap keeps a wrong URL from flooding memory. */
const MAX_GITHUB_ANSWER_BYTES = 4 * 1024 * 1024;
/**
 * Octokit's core, sending through the action's own HTTP client (./http.ts), so that both endpoints
 * share one proxy and TLS behaviour. Only `octokit.request(route, …)` is used: the generated REST
 * methods would add hundreds of kilobytes of routes for the few endpoints this action calls.
 */
function createGitHubClient(options) {
    return new Octokit({
        auth: options.token,
        baseUrl: options.baseUrl,
        userAgent: 'atlassian-token-rotation',
        request: { fetch: fetchThrough(options) },
        // Octokit's default logger writes deprecation notes to the console; the log is the user's.
        log: { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } },
    });
}
/**
 * The part of `fetch` that Octokit uses (status, url, headers, text, arrayBuffer), answered by
 * `send`. Octokit turns a rejected fetch into a RequestError with the cause attached, which the
 * action's error handling reads.
 */
function fetchThrough(options) {
    // Octokit passes the URL as a string. (Touching the global Request or Response classes would load
    // Node's own fetch implementation: the very start-up cost this client avoids.)
    const fetchLike = async (input, init) => {
        const url = new URL(String(input));
        const answer = await (0,http/* send */.tN)(url, {
            method: init?.method ?? 'GET',
            headers: (init?.headers ?? {}),
            body: typeof init?.body === 'string' ? init.body : undefined,
        }, {
            dispatcher: options.dispatcher,
            timeoutMs: options.timeoutMs,
            maxBodyBytes: MAX_GITHUB_ANSWER_BYTES,
            ...(init?.signal && { signal: init.signal }),
            ...(options.onWritten && { onWritten: options.onWritten }),
        });
        const headers = new Map(Object.entries(answer.headers));
        const response = {
            status: answer.status,
            url: url.href,
            headers,
            text: () => Promise.resolve(answer.body),
            arrayBuffer: () => Promise.resolve(answer.bytes.buffer.slice(answer.bytes.byteOffset, answer.bytes.byteOffset + answer.bytes.byteLength)),
        };
        return response;
    };
    return fetchLike;
}


/***/ }),

/***/ 67:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 15:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ RequestError)
/* harmony export */ });
class RequestError extends Error {
  name;
  /**
   * http status code
   */
  status;
  /**
   * Request options that lead to the error.
   */
  request;
  /**
   * Response object if a response was received
   */
  response;
  constructor(message, statusCode, options) {
    super(message, { cause: options.cause });
    this.name = "HttpError";
    this.status = Number.parseInt(statusCode);
    if (Number.isNaN(this.status)) {
      this.status = 0;
    }
    /* v8 ignore else -- @preserve -- Bug with vitest coverage where it sees an else branch that doesn't exist */
    if ("response" in options) {
      this.response = options.response;
    }
    const requestCopy = Object.assign({}, options.request);
    if (options.request.headers.authorization) {
      requestCopy.headers = Object.assign({}, options.request.headers, {
        authorization: options.request.headers.authorization.replace(
          /(?<! ) .*$/,
          " [REDACTED]"
        )
      });
    }
    requestCopy.url = requestCopy.url.replace(/\bclient_secret=\w+/g, "client_secret=[REDACTED]").replace(/\baccess_token=\w+/g, "access_token=[REDACTED]");
    this.request = requestCopy;
  }
}



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
