export const id = 217;
export const ids = [217];
export const modules = {

/***/ 5217:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $3: () => (/* binding */ httpOptions),
/* harmony export */   XB: () => (/* binding */ gitHubClient),
/* harmony export */   defaultCliDependencies: () => (/* binding */ defaultCliDependencies),
/* harmony export */   tO: () => (/* binding */ retryOptions)
/* harmony export */ });
/* harmony import */ var _github_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6584);
/* harmony import */ var _common_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9183);
/**
 * What every command gets: the terminal it speaks through and what it reaches the world with. The
 * network, clock and standard streams come in here, so tests can pass their own.
 */


function defaultCliDependencies() {
    return {
        streams: process,
        stdin: process.stdin,
        env: process.env,
        clock: _common_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .systemClock */ .ml,
        random: Math.random,
        requestTimeoutMs: 30_000,
    };
}
/** Token answers and site lists are a few kilobytes; anything far larger is something else. */
const MAX_ANSWER_BYTES = 256 * 1024;
function httpOptions(context) {
    return {
        network: context.network,
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
        ..._common_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_BACKOFF */ .VU,
        onRetry: ({ attempt, reason, delayMs, doing }) => {
            context.terminal.say(`${what}: attempt ${attempt}${doing ? ` to ${doing}` : ''} failed (${reason}); trying again in ${(delayMs / 1000).toFixed(1)} s.`);
        },
    };
}
function gitHubClient(context, token, apiUrl) {
    return (0,_github_client_js__WEBPACK_IMPORTED_MODULE_0__/* .createGitHubClient */ .L)({
        token,
        baseUrl: apiUrl,
        network: context.network,
        timeoutMs: context.deps.requestTimeoutMs,
    });
}


/***/ }),

/***/ 9129:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B_: () => (/* binding */ describeContentType),
/* harmony export */   JL: () => (/* binding */ mediaType),
/* harmony export */   PE: () => (/* binding */ describeAnswerShape),
/* harmony export */   Vj: () => (/* binding */ decodeBody)
/* harmony export */ });
/* unused harmony export describeLength */
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _grouped_number_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2725);
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
    return `${(0,_grouped_number_js__WEBPACK_IMPORTED_MODULE_1__/* .groupedNumber */ .O)(length)} byte${length === 1 ? '' : 's'}`;
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

/***/ 2725:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ groupedNumber)
/* harmony export */ });
/**
 * A whole number with its thousands grouped by commas, as messages show sizes: "35,952".
 *
 * This is what `toLocaleString('en-US')` prints for a whole number, without it: the first call of
 * that sets up ICU's number formatting, some 10–20 ms of start-up, and token-set.ts makes one of
 * its messages when the bundle loads, before the first request.
 */
function groupedNumber(value) {
    if (!Number.isSafeInteger(value))
        return String(value);
    const digits = String(Math.abs(value));
    const grouped = digits.replace(/\B(?=(?:\d{3})+$)/g, ',');
    return value < 0 ? `-${grouped}` : grouped;
}


/***/ }),

/***/ 5069:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Au: () => (/* binding */ BodyTooLargeError),
/* harmony export */   cv: () => (/* binding */ exchange),
/* harmony export */   tN: () => (/* binding */ send)
/* harmony export */ });
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6752);
/* harmony import */ var _body_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9129);
/* harmony import */ var _network_failure_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4272);
/**
 * One request and its whole answer, for the token endpoint and (under Octokit, ../github/client.ts)
 * for GitHub alike: undici's fetch on the run's dispatcher (./network.ts), so both endpoints share
 * one proxy and TLS behaviour.
 *
 * - TLS verification is Node's default and is never turned off; NODE_EXTRA_CA_CERTS is honoured.
 * - Redirects are never followed: a token endpoint that redirects would receive the client secret
 *   and the refresh token a second time, at another address. The redirect itself is the answer.
 * - One limit covers the whole request (connect, send, read the full answer), and answers are read
 *   up to a cap, so that a hung or flooding server cannot hold a rotated token in memory for long.
 *
 * fetch comes from the undici package, never the global one: the bundle carries this copy anyway
 * (the toolkit needs it), and a second one would be loaded at start-up.
 */



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
/**
 * Sends one request and reads the whole answer (up to `maxBodyBytes`), telling the network's
 * `onExchange` how it went. Errors pass through as undici raised them: their codes (ECONNREFUSED,
 * certificate codes, the timeout) are what ./network-failure.ts reads.
 */
async function exchange(url, request, options) {
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    const started = performance.now();
    let status;
    try {
        const response = await (0,undici__WEBPACK_IMPORTED_MODULE_0__/* .fetch */ .hd)(url, {
            method: request.method,
            headers: request.headers ?? {},
            body: request.body ?? null,
            dispatcher: options.network.dispatcher,
            redirect: 'manual',
            signal,
        });
        status = response.status;
        const bytes = await readCapped(response, options.maxBodyBytes);
        report(options.network, request, url, started, { status });
        return { status, statusText: response.statusText, headers: response.headers, bytes };
    }
    catch (error) {
        const failure = error instanceof BodyTooLargeError
            ? `more than ${error.limit} bytes`
            : (0,_network_failure_js__WEBPACK_IMPORTED_MODULE_2__/* .classifyNetworkFailure */ .P)(error).code;
        report(options.network, request, url, started, { status, failure });
        throw error;
    }
}
/** Sends one request and reads the whole answer (up to `maxBodyBytes`) as text. */
async function send(url, request, options) {
    const answer = await exchange(url, request, options);
    const headers = {};
    for (const [name, value] of answer.headers) {
        headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
    }
    const contentType = headers['content-type'] ?? '';
    return {
        status: answer.status,
        headers,
        contentType,
        location: headers['location'],
        retryAfter: headers['retry-after'],
        bytes: answer.bytes,
        body: (0,_body_text_js__WEBPACK_IMPORTED_MODULE_1__/* .decodeBody */ .Vj)(answer.bytes, contentType),
    };
}
/** The body, read chunk by chunk; past the cap, reading stops and the connection is dropped. */
async function readCapped(response, limit) {
    if (response.body === null)
        return Buffer.alloc(0);
    const chunks = [];
    let size = 0;
    // Leaving the loop early cancels the stream, which makes undici abort the request.
    for await (const chunk of response.body) {
        size += chunk.byteLength;
        if (size > limit) {
            throw new BodyTooLargeError(response.status, response.headers.get('content-type') ?? '', limit);
        }
        chunks.push(chunk);
    }
    return Buffer.concat(chunks);
}
function report(network, request, url, started, outcome) {
    // A listener that fails must not cost the answer: it may hold a token that is nowhere else yet.
    try {
        network.onExchange?.({
            method: request.method,
            // The path only: a query string may carry anything (a code, a state), and hosts are the
            // inputs' own.
            path: url.pathname,
            status: outcome.status,
            failure: outcome.failure,
            ms: Math.round(performance.now() - started),
        });
    }
    catch {
        // Nothing to do: the line was only for a debug log.
    }
}


/***/ }),

/***/ 4272:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ classifyNetworkFailure)
/* harmony export */ });
/**
 * What a failed connection means: for the token (did the request reach the server?), for retrying
 * (would another attempt fail the same way?) and for the person reading the log.
 *
 * The errors come from undici's fetch: a `TypeError: fetch failed` whose `cause` is the socket's,
 * TLS's or undici's own error (`UND_ERR_*`), possibly wrapped again by Octokit (a RequestError with
 * the fetch error as its cause); an abort rejects with the signal's reason itself (a TimeoutError,
 * or the cancellation's AbortError). Everything is read by duck typing.
 */
// Failures before a single byte of the request reaches the server. Anything else (a reset, a
// timeout while waiting for the answer) may come after the server processed the request.
const CONNECT_FAILURES = new Set([
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'CONNECT_TIMEOUT',
]);
/**
 * undici's codes, in the words Node's own http module used for the same event, so that messages
 * keep their wording: a server closing the connection before answering is a reset ("socket hang
 * up", ECONNRESET), and undici's own header and body timeouts are the request's time limit.
 */
const UNDICI_CODES = {
    UND_ERR_SOCKET: 'ECONNRESET',
    UND_ERR_CLOSED: 'ECONNRESET',
    UND_ERR_ABORTED: 'ABORT_ERR',
    UND_ERR_HEADERS_TIMEOUT: 'TIMEOUT',
    UND_ERR_BODY_TIMEOUT: 'TIMEOUT',
    // undici gives up connecting after 10 s: nothing can have been sent.
    UND_ERR_CONNECT_TIMEOUT: 'CONNECT_TIMEOUT',
};
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
    CONNECT_TIMEOUT: 'no connection within the time limit',
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
        // A request aborted by its time limit (the signal's reason, a DOMException whose `code` is a
        // number).
        if (name === 'TimeoutError')
            return 'TIMEOUT';
        if (typeof code === 'string')
            found = code;
        // Aborted by the run's cancellation: what Node's http module called ABORT_ERR.
        else if (name === 'AbortError')
            found ??= 'ABORT_ERR';
        current = cause;
    }
    return found === undefined ? undefined : (UNDICI_CODES[found] ?? found);
}
/**
 * The status of a proxy's refused CONNECT, anywhere in the chain. undici's ProxyAgent gives it only
 * in its message (a RequestAbortedError, "Proxy response (407) !== 200 when HTTP Tunneling"), so
 * the message is read; __tests__/e2e/network.test.ts holds it to a real proxy's 407.
 */
function proxyRefusal(error) {
    let current = error;
    for (let depth = 0; typeof current === 'object' && current !== null && depth < 5; depth++) {
        const { message, cause } = current;
        const status = typeof message === 'string'
            ? /^Proxy response \((\d{3})\) !== 200 when HTTP Tunneling$/.exec(message)?.[1]
            : undefined;
        if (status !== undefined)
            return status;
        current = cause;
    }
    return undefined;
}


/***/ }),

/***/ 9183:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LH: () => (/* binding */ withRetries),
/* harmony export */   U_: () => (/* binding */ describeAttempts),
/* harmony export */   VU: () => (/* binding */ DEFAULT_BACKOFF),
/* harmony export */   ml: () => (/* binding */ systemClock),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter),
/* harmony export */   yJ: () => (/* binding */ transientVerdict)
/* harmony export */ });
/* unused harmony exports backoffDelay, CancelledBeforeStart */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
/* harmony import */ var _settings_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2888);
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
        super('CANCELLED', 'The job is being cancelled: the request was not sent.', 'unchanged', (0,_settings_js__WEBPACK_IMPORTED_MODULE_1__/* .text */ .Qq) `Nothing to do: ${_settings_js__WEBPACK_IMPORTED_MODULE_1__/* .rerun */ .nt} when you want the rotation.`);
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

/***/ 6584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ createGitHubClient)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5766);
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6752);
/* harmony import */ var _common_http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5069);



/** GitHub's answers here are small JSON documents; a cap keeps a wrong URL from flooding memory. */
const MAX_GITHUB_ANSWER_BYTES = 4 * 1024 * 1024;
/** Statuses whose answer has no body: a Response built with one throws. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
/**
 * The toolkit's Octokit, sending through the run's network (../common/http.ts), so that both
 * endpoints share one proxy and TLS behaviour. Only `octokit.request(route, …)` is used.
 */
function createGitHubClient(options) {
    return (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(options.token, {
        baseUrl: options.baseUrl,
        userAgent: 'atlassian-token-rotation',
        request: { fetch: fetchThrough(options) },
        // Octokit's default logger writes deprecation notes to the console; the log is the user's.
        log: { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } },
    });
}
/**
 * fetch for Octokit: the answer is read here, up to the cap, and handed over as a Response built
 * from its bytes; redirects are answers (Octokit resolves every status under 400, and ./answer.ts
 * names a redirect for what it is). A failed request rejects as undici's fetch does, and Octokit
 * turns that into a RequestError with the cause attached, which ./errors.ts reads.
 */
function fetchThrough(options) {
    return async (input, init) => {
        // Octokit passes the URL as a string and the headers as a plain object.
        const url = new URL(input);
        const answer = await (0,_common_http_js__WEBPACK_IMPORTED_MODULE_2__/* .exchange */ .cv)(url, {
            method: init?.method ?? 'GET',
            headers: (init?.headers ?? {}),
            body: typeof init?.body === 'string' ? init.body : undefined,
        }, {
            network: options.network,
            timeoutMs: options.timeoutMs,
            maxBodyBytes: MAX_GITHUB_ANSWER_BYTES,
            signal: init?.signal ?? undefined,
        });
        const response = new undici__WEBPACK_IMPORTED_MODULE_1__.Response(NULL_BODY_STATUSES.has(answer.status) ? null : answer.bytes, {
            status: answer.status,
            statusText: answer.statusText,
            headers: answer.headers,
        });
        // A constructed Response has no URL; Octokit reports the one it came from (./answer.ts names
        // the host of an answer that is not GitHub's).
        Object.defineProperty(response, 'url', { value: url.href });
        return response;
    };
}


/***/ })

};
