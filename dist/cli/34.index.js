export const id = 34;
export const ids = [34];
export const modules = {

/***/ 4034:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runCli: () => (/* binding */ runCli)
});

// UNUSED EXPORTS: COMMANDS

;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"1.0.0"};
// EXTERNAL MODULE: ./src/common/input-limits.ts
var input_limits = __webpack_require__(8474);
// EXTERNAL MODULE: ./src/common/settings.ts
var settings = __webpack_require__(2888);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(1922);
// EXTERNAL MODULE: ./src/common/network-failure.ts
var network_failure = __webpack_require__(4272);
// EXTERNAL MODULE: ./src/common/retry.ts
var common_retry = __webpack_require__(9183);
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
var body_text = __webpack_require__(9129);
// EXTERNAL MODULE: ./src/common/http.ts
var common_http = __webpack_require__(5069);
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

// EXTERNAL MODULE: ./src/common/grouped-number.ts
var grouped_number = __webpack_require__(2725);
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
    bytes: input_limits/* MAX_SECRET_VALUE_BYTES */.mo,
    said: `${(0,grouped_number/* groupedNumber */.O)(input_limits/* MAX_SECRET_VALUE_BYTES */.mo)} bytes, what a secret holds once sealed`,
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
            what: `a string of ${(0,grouped_number/* groupedNumber */.O)(bytes)} bytes (more than ${limit.said})`,
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
        const failure = (0,network_failure/* classifyNetworkFailure */.P)(error);
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
        nextStepIfReached: (0,settings/* text */.Qq) `${settings/* rerun */.nt} within the time given above.`,
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
        throw new errors/* ActionError */.lZ('TOKEN_ENDPOINT_HTTP', `The token endpoint ${origin} answered ${shape}.`, answer.status >= 500 ? 'maybe-rotated' : 'unchanged', (0,settings/* text */.Qq) `This is a fault on the provider's side: ${settings/* rerun */.nt} (within the time given above, if one is given), and check https://developer.status.atlassian.com if it persists.`, { transient: { reason: `HTTP ${answer.status}`, retryAfter: answer.retryAfter } });
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
    return (0,external_node_crypto_.randomBytes)(32).toString('base64url');
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
    const digest = (value) => (0,external_node_crypto_.createHash)('sha256').update(value, 'utf8').digest();
    return (0,external_node_crypto_.timingSafeEqual)(digest(received), digest(expected));
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
        return (0,network_failure/* classifyNetworkFailure */.P)(error.cause).mayHaveReachedServer;
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
 * gateway, under the product and the site's cloud id: https://api.atlassian.com/ex/confluence/
 * {cloudId}/wiki/… and https://api.atlassian.com/ex/jira/{cloudId}/rest/… (../shared/FACTS.md,
 * "Sites").
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
    return { site, ...siteApiBases(atlassianApiUrl, site) };
}
/**
 * Where a site's REST APIs are, per product: the gateway's `/ex/confluence/{cloudId}` and
 * `/ex/jira/{cloudId}` (one cloud id serves every product of the site).
 */
function siteApiBases(atlassianApiUrl, site) {
    const cloudId = encodeURIComponent(site.id);
    return {
        apiBaseUrl: `${atlassianApiUrl}/ex/confluence/${cloudId}`,
        jiraApiBaseUrl: `${atlassianApiUrl}/ex/jira/${cloudId}`,
    };
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
            const failure = (0,network_failure/* classifyNetworkFailure */.P)(error);
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

;// CONCATENATED MODULE: ./src/health/thresholds.ts
/**
 * The limits an integration's health is measured against, each with the provider rule behind it
 * (../shared/FACTS.md, "Rotation rules" and "Workflows").
 */
const DAY_MS = 24 * 60 * 60 * 1000;
/** Atlassian disables a refresh token that goes 90 days without a refresh; each refresh resets it. */
const REFRESH_TOKEN_UNUSED_DAYS = 90;
/** Every token of a consent dies 365 days after it, however often it was refreshed. */
const CONSENT_DAYS = 365;
/** GitHub disables the scheduled workflows of a public repository after 60 days without activity. */
const SCHEDULE_INACTIVITY_DAYS = 60;
/**
 * A scheduled rotation writes the secret far more often than this (weekly is the documented
 * schedule): a secret older than this means runs are being missed or failing, while there is still
 * time (60 days) before the 90-day limit.
 */
const ROTATION_OVERDUE_DAYS = 30;
/** Warnings start this many days before the 90-day and the 365-day limits. */
const REMINDER_BEFORE_DAYS = 30;
const THRESHOLDS = [
    {
        name: 'refresh-token-unused',
        days: REFRESH_TOKEN_UNUSED_DAYS,
        rule: 'Atlassian disables a rotating refresh token that is not used for 90 days; every refresh resets the 90 days.',
        source: 'https://developer.atlassian.com/cloud/oauth/getting-started/refresh-tokens/',
    },
    {
        name: 'consent-lifetime',
        days: CONSENT_DAYS,
        rule: 'Every refresh token of a consent dies 365 days after the consent, however often it was refreshed: the user must consent again.',
        source: 'https://developer.atlassian.com/cloud/oauth/getting-started/refresh-tokens/',
    },
    {
        name: 'schedule-inactivity',
        days: SCHEDULE_INACTIVITY_DAYS,
        rule: 'GitHub disables the scheduled workflows of a public repository after 60 days without repository activity; then no rotation runs.',
        source: 'https://docs.github.com/en/actions/managing-workflow-runs-and-deployments/managing-workflow-runs/disabling-and-enabling-a-workflow',
    },
    {
        name: 'rotation-overdue',
        days: ROTATION_OVERDUE_DAYS,
        rule: 'A scheduled rotation writes the secret at least every 30 days; an older secret means its runs are being missed or failing.',
        source: 'https://docs.github.com/en/actions/writing-workflows/choosing-when-your-workflow-runs/events-that-trigger-workflows#schedule',
    },
    {
        name: 'rotation-leeway',
        days: 10 / (24 * 60),
        rule: 'A refresh disables the refresh token it presents; that token is still accepted for 10 minutes, and presenting it after that revokes every token of the consent.',
        source: 'https://developer.atlassian.com/cloud/oauth/getting-started/refresh-tokens/',
    },
    {
        name: 'reminder',
        days: REMINDER_BEFORE_DAYS,
        rule: 'Warnings start 30 days before the 90-day and the 365-day limits: time for a person to act.',
        source: 'https://developer.atlassian.com/cloud/oauth/getting-started/refresh-tokens/',
    },
];

;// CONCATENATED MODULE: ./src/health/health.ts
/**
 * How healthy an integration is, from the three dates the project knows without spending a token:
 * when the secret was last written (its metadata's `updated_at`: every rotation writes it), when
 * the user consented (`consented-at`, recorded by `authorize`), and now. Pure: the clock is an
 * argument, so a door (the action, `status`) passes its own and tests pass any.
 *
 * The secret's last write stands for the refresh token's last use: a refresh always issues a new
 * refresh token, which the rotation writes (../rotation/rotate.ts). Only a refresh made elsewhere,
 * that did not write this secret, would make the token younger than its secret, so a secret past
 * the 90-day limit means "most likely dead", not "dead for certain".
 */


/** Whole days from `from` to `to`, truncated toward zero: how many days ago `from` was. */
function wholeDays(from, to) {
    const days = Math.trunc((to.getTime() - from.getTime()) / DAY_MS);
    return days === 0 ? 0 : days; // never -0
}
/**
 * Whole days left from `now` until `limit`, rounded down: 0 on the limit's last day, and negative
 * from the moment it has passed (truncation would show 0 for a whole day after the limit, while
 * the verdict already says dead).
 */
function health_daysLeft(now, limit) {
    const days = Math.floor((limit.getTime() - now.getTime()) / DAY_MS);
    return days === 0 ? 0 : days; // never -0
}
function addDays(date, days) {
    return new Date(date.getTime() + days * DAY_MS);
}
/** A date as people read it in this project's messages: `2026-01-31`. */
function isoDay(date) {
    return date.toISOString().slice(0, 10);
}
function healthFigures(facts) {
    const { now, lastWrite, consentedAt } = facts;
    const lastUsedAt = facts.rotatedAt ?? lastWrite;
    const refreshTokenExpiresAt = lastUsedAt === undefined ? undefined : addDays(lastUsedAt, REFRESH_TOKEN_UNUSED_DAYS);
    const reconsentDueAt = consentedAt === undefined ? undefined : addDays(consentedAt, CONSENT_DAYS);
    return {
        now,
        lastRotatedAt: lastWrite,
        daysSinceLastRotation: lastWrite === undefined ? undefined : wholeDays(lastWrite, now),
        lastUsedAt,
        refreshTokenExpiresAt,
        daysUntilRefreshTokenExpiry: refreshTokenExpiresAt === undefined ? undefined : health_daysLeft(now, refreshTokenExpiresAt),
        consentedAt,
        reconsentDueAt,
        daysUntilReconsent: reconsentDueAt === undefined ? undefined : health_daysLeft(now, reconsentDueAt),
    };
}
const AUTHORIZE = '`atlassian-token-rotation authorize`';
function consentAgain(secretName) {
    return (0,settings/* text */.Qq) `Consent again in a browser (${AUTHORIZE} writes the new refresh token to ${secretName} and can record the date), then update ${(0,settings/* named */.KT)('consented-at')}.`;
}
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
/** The figures, the verdict and its reasons. */
function assessHealth(facts) {
    const figures = healthFigures(facts);
    const { now, secretName } = facts;
    const reasons = [];
    const { lastRotatedAt, daysSinceLastRotation, refreshTokenExpiresAt, daysUntilRefreshTokenExpiry, reconsentDueAt, daysUntilReconsent, } = figures;
    if (reconsentDueAt !== undefined && daysUntilReconsent !== undefined && facts.consentedAt) {
        const consented = isoDay(facts.consentedAt);
        const refreshedNow = facts.rotatedAt !== undefined;
        if (reconsentDueAt.getTime() <= now.getTime() && refreshedNow) {
            // Atlassian just answered this run's refresh, so the consent lives: the date given is
            // earlier than the real consent (authorize records the day, in UTC), but not by much.
            reasons.push({
                code: 'reconsent-near',
                verdict: 'at-risk',
                threshold: 'consent-lifetime',
                said: (0,settings/* text */.Qq) `${(0,settings/* named */.KT)('consented-at')} (${consented}) says the consent reached Atlassian's 365-day limit on ${isoDay(reconsentDueAt)}, yet this run's refresh worked: the consent is a little younger than that date, and ends any day now.`,
                next: (0,settings/* text */.Qq) `Now: ${consentAgain(secretName)}`,
            });
        }
        else if (reconsentDueAt.getTime() <= now.getTime()) {
            reasons.push({
                code: 'consent-expired',
                verdict: 'dead',
                threshold: 'consent-lifetime',
                said: (0,settings/* text */.Qq) `The consent given on ${consented} reached Atlassian's 365-day limit on ${isoDay(reconsentDueAt)}: every token of it is dead, however often it was refreshed.`,
                next: consentAgain(secretName),
            });
        }
        else if (daysUntilReconsent < REMINDER_BEFORE_DAYS) {
            reasons.push({
                code: 'reconsent-near',
                verdict: 'at-risk',
                threshold: 'consent-lifetime',
                said: (0,settings/* text */.Qq) `The consent given on ${consented} ends on ${isoDay(reconsentDueAt)} (${plural(daysUntilReconsent, 'day')} left): Atlassian's 365-day limit, which no refresh extends.`,
                next: (0,settings/* text */.Qq) `Before ${isoDay(reconsentDueAt)}: ${consentAgain(secretName)}`,
            });
        }
    }
    const rotatedNow = facts.rotatedAt !== undefined;
    if (refreshTokenExpiresAt !== undefined && daysUntilRefreshTokenExpiry !== undefined) {
        const expiry = isoDay(refreshTokenExpiresAt);
        if (refreshTokenExpiresAt.getTime() <= now.getTime() && !rotatedNow) {
            reasons.push({
                code: 'refresh-token-expired',
                verdict: 'dead',
                threshold: 'refresh-token-unused',
                said: (0,settings/* text */.Qq) `${secretName} was last written ${plural(daysSinceLastRotation ?? 0, 'day')} ago (${isoDay(lastRotatedAt ?? now)}): past Atlassian's 90-day limit for an unused refresh token (${expiry}). Unless it was refreshed somewhere that did not write the secret, the token is dead and a refresh is refused (invalid_grant).`,
                next: (0,settings/* text */.Qq) `${consentAgain(secretName)} Then find out why no rotation ran for ${plural(daysSinceLastRotation ?? 0, 'day')}: the workflow's recent runs, and whether its schedule is still enabled.`,
            });
        }
        else if (daysUntilRefreshTokenExpiry < REMINDER_BEFORE_DAYS) {
            reasons.push({
                code: 'refresh-token-expiry-near',
                verdict: 'at-risk',
                threshold: 'refresh-token-unused',
                said: (0,settings/* text */.Qq) `Unless it is refreshed, the refresh token dies on ${expiry} (${plural(daysUntilRefreshTokenExpiry, 'day')} left): Atlassian disables a refresh token after 90 days unused.`,
                next: (0,settings/* text */.Qq) `Rotate before ${expiry} (any successful rotation resets the 90 days), and find out why the scheduled runs stopped.`,
            });
        }
    }
    if (lastRotatedAt !== undefined && daysSinceLastRotation !== undefined) {
        if (daysSinceLastRotation > ROTATION_OVERDUE_DAYS) {
            reasons.push({
                code: 'rotation-overdue',
                verdict: 'at-risk',
                threshold: 'rotation-overdue',
                said: (0,settings/* text */.Qq) `${rotatedNow ? 'Before this run, ' : ''}${secretName} was last written ${plural(daysSinceLastRotation, 'day')} ago (${isoDay(lastRotatedAt)}), longer than a scheduled rotation allows (${ROTATION_OVERDUE_DAYS} days): its runs are being missed or are failing.`,
                next: (0,settings/* text */.Qq) `Look at the rotation workflow's recent runs: failures (a revoked GitHub token, a changed permission), or a schedule GitHub disabled (a public repository's, after 60 days without activity; ${(0,settings/* named */.KT)('keep-schedule-alive')} re-enables it on every scheduled run).`,
            });
        }
    }
    else if (!rotatedNow) {
        reasons.push({
            code: 'last-write-unknown',
            verdict: 'at-risk',
            threshold: 'refresh-token-unused',
            said: (0,settings/* text */.Qq) `Nothing says when ${secretName} was last written, so nothing says when its refresh token was last used: the 90-day limit cannot be watched.`,
            next: (0,settings/* text */.Qq) `Check that ${secretName} exists and that the GitHub token may read its metadata; the next rotation that writes it starts the count.`,
        });
    }
    if (facts.unstored) {
        const until = facts.unstored.acceptedUntil;
        reasons.push({
            code: 'new-token-not-stored',
            verdict: 'at-risk',
            threshold: 'rotation-leeway',
            said: (0,settings/* text */.Qq) `This run's refresh issued a new refresh token that ${secretName} does not (or may not) hold: the token in ${secretName} is superseded${until ? (0,settings/* text */.Qq) `, accepted only until ${until.toISOString()}` : ''}. Presenting it after that revokes the consent.`,
            next: (0,settings/* text */.Qq) `Store the new token: run the recovery command this run printed (it stores the sealed value only if ${secretName} is unchanged), or re-run the rotation${until ? (0,settings/* text */.Qq) ` before ${until.toISOString()}` : ''}; one or the other, never both.`,
        });
    }
    if (facts.workflow)
        reasons.push(...workflowReasons(facts.workflow));
    reasons.sort((a, b) => rank(a.verdict) - rank(b.verdict));
    const verdict = reasons[0]?.verdict ?? 'healthy';
    return { verdict, figures, reasons };
}
const rank = (verdict) => (verdict === 'dead' ? 0 : 1);
/** Conclusions that say whether a rotation ran; cancelled, skipped and neutral runs say nothing. */
const FAILED = new Set(['failure', 'timed_out', 'startup_failure']);
/**
 * A disabled workflow rotates nothing (GitHub disables a public repository's schedules after 60
 * days without activity); finished runs that failed since the last success rotate nothing either,
 * and the token keeps ageing toward its 90 days.
 */
function workflowReasons(workflow) {
    const reasons = [];
    const where = `--repo ${workflow.repository}`;
    if (workflow.state !== 'active') {
        const why = workflow.state === 'disabled_inactivity'
            ? 'GitHub disabled it after 60 days without activity in the repository'
            : workflow.state === 'disabled_manually'
                ? 'someone disabled it'
                : `its state is "${workflow.state}"`;
        reasons.push({
            code: 'workflow-disabled',
            verdict: 'at-risk',
            threshold: 'schedule-inactivity',
            said: (0,settings/* text */.Qq) `The rotation workflow ${workflow.workflow} of ${workflow.repository} is not enabled (${why}): no scheduled rotation runs, and the refresh token ages toward its 90 days.`,
            next: (0,settings/* text */.Qq) `Enable it (\`gh workflow enable ${workflow.workflow} ${where}\`) and run it once (\`gh workflow run ${workflow.workflow} ${where}\`); ${(0,settings/* named */.KT)('keep-schedule-alive')} keeps a public repository's schedule from being disabled again.`,
        });
    }
    const decided = (workflow.runs ?? []).filter((run) => run.conclusion === 'success' || FAILED.has(run.conclusion ?? ''));
    const failing = decided.findIndex((run) => run.conclusion === 'success');
    const failures = failing === -1 ? decided : decided.slice(0, failing);
    const [latest] = failures;
    if (latest !== undefined) {
        const since = failures[failures.length - 1] ?? latest;
        const count = failures.length;
        reasons.push({
            code: 'runs-failing',
            verdict: 'at-risk',
            threshold: 'rotation-overdue',
            said: (0,settings/* text */.Qq) `The latest ${count === 1 ? 'finished run' : `${count} finished runs`} of ${workflow.workflow} failed (${count === 1 ? isoDay(latest.createdAt) : `since ${isoDay(since.createdAt)}`}${failing === -1 ? '' : ', after a success'}): those rotations did not happen.`,
            next: (0,settings/* text */.Qq) `Read the failed run's log${latest.htmlUrl ? ` (${latest.htmlUrl})` : ''}: a revoked or expired GitHub token, or a changed permission, are the usual causes. Then run it again (\`gh workflow run ${workflow.workflow} ${where}\`).`,
        });
    }
    return reasons;
}

;// CONCATENATED MODULE: ./src/rotation/consent.ts
/**
 * The yearly re-consent: every token of a consent dies 365 days after it, however often it was
 * refreshed (../shared/FACTS.md, "Rotation rules"). No rotation can extend it, so the action can
 * only say when it comes, early enough to act.
 */



function consentStatus(consentedAt, now) {
    // The same count as the health figures' (../health/health.ts), so both say the same days left.
    const reconsentBy = addDays(consentedAt, CONSENT_DAYS);
    const daysLeft = health_daysLeft(now, reconsentBy);
    const by = isoDay(reconsentBy);
    const consented = isoDay(consentedAt);
    let warning;
    if (reconsentBy.getTime() <= now.getTime()) {
        warning = (0,settings/* text */.Qq) `The consent given on ${consented} reached Atlassian's 365-day limit on ${by}: its tokens no longer work. Consent again in a browser, store the new refresh token, and update ${(0,settings/* named */.KT)('consented-at')}.`;
    }
    else if (daysLeft < REMINDER_BEFORE_DAYS) {
        warning = (0,settings/* text */.Qq) `The consent given on ${consented} ends on ${by} (${daysLeft} day${daysLeft === 1 ? '' : 's'} left): Atlassian's 365-day limit, which no refresh extends. Before then, consent again in a browser, store the new refresh token, and update ${(0,settings/* named */.KT)('consented-at')}.`;
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
/** Whether a real value has been given to {@link sealForGitHub}: from then on, no warm-up runs. */
let sealing = false;
let prepared = false;
/**
 * Starts loading libsodium (JavaScript and WebAssembly, the largest part of the action) without
 * waiting for it, once per process.
 */
function loadSodium() {
    sodium ??= __webpack_require__.e(/* import() */ 768).then(__webpack_require__.bind(__webpack_require__, 4768)).then(async ({ default: library }) => {
        await library.ready;
        return library;
    });
    return sodium;
}
/**
 * Loads libsodium as {@link loadSodium} does, then seals a throwaway value under a throwaway key
 * once, the way {@link sealForGitHub} seals: the first seal of a process compiles the code it
 * runs (some milliseconds), and this takes that cost while the rotation waits for the network,
 * not between the token's answer and its write. It never touches a real value, and it is skipped
 * when a real seal has been asked for by the time libsodium is ready: nothing then runs before it.
 * Only the first call does anything.
 */
function prepareSealing() {
    if (prepared)
        return;
    prepared = true;
    loadSodium()
        .then((library) => {
        if (sealing)
            return;
        const { publicKey } = library.crypto_box_keypair();
        const sealed = library.crypto_box_seal(library.from_string('warm-up'), publicKey);
        library.to_base64(sealed, library.base64_variants.ORIGINAL);
    })
        .catch(() => {
        // Sealing awaits the same load, and reports what failed.
    });
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
    sealing = true;
    const key = decodePublicKey(publicKey);
    if (key === undefined)
        throw new Error('The public key is not 32 bytes of base64');
    const library = await loadSodium();
    const sealed = library.crypto_box_seal(library.from_string(value), key);
    return library.to_base64(sealed, library.base64_variants.ORIGINAL);
}

// EXTERNAL MODULE: ./node_modules/@octokit/request-error/dist-src/index.js
var dist_src = __webpack_require__(1015);
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
 * repository. Never followed (../common/http.ts): a write must not go where nobody asked it to. Not
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
async function errors_callGitHub(call) {
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
    if (!isRequestError(error) || error.response === undefined) {
        const failure = (0,network_failure/* classifyNetworkFailure */.P)(error);
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
 * An answer Octokit turned into an error. Recognised by its shape too: under a runner stand-in that
 * brings its own copy of @octokit/request (`npm run local-action`: @github/local-action stubs
 * @actions/github), the error is another copy's RequestError, and `instanceof` alone would take
 * every answer, a 404 too, for a network failure.
 */
function isRequestError(error) {
    if (error instanceof dist_src/* RequestError */.G)
        return true;
    return (error instanceof Error &&
        error.name === 'HttpError' &&
        'status' in error &&
        typeof error.status === 'number' &&
        'request' in error &&
        isRecord(error.request));
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
        return new errors/* ActionError */.lZ('GITHUB_NOT_FOUND', (0,settings/* text */.Qq) `${said} Either ${subject} does not exist, or ${(0,settings/* tokenIn */.jf)(tokenInput)} cannot see it (GitHub answers 404 rather than 403 for what a token may not see).`, tokenState, (0,settings/* text */.Qq) `Check ${(0,settings/* input */.hF)(context.subjectSetting)}. For a fine-grained token, check that its resource owner is the ${context.subjectSetting === 'organization' ? 'organization' : "repository's owner"}${context.subjectSetting === 'organization' ? '' : ' and that the repository is among its selected repositories'}. ${needs}${finish}`);
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
function rest_path_restPath(literals, ...values) {
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
                basePath: rest_path_restPath `/repos/${owner}/${repo}/actions/secrets`,
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
                basePath: rest_path_restPath `/orgs/${input.organization}/actions/secrets`,
                permission: `the organization permission "Secrets: Read and write" on ${input.organization} (fine-grained personal access token or GitHub App); a classic personal access token needs the "admin:org" scope`,
                repository: undefined,
            };
    }
}
/** Environment names may hold spaces, quotes, slashes and any other character: all encoded. */
function environmentPath(repository, environment) {
    return rest_path_restPath `/repos/${repository.owner}/${repository.repo}/environments/${environment}`;
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
    return errors_callGitHub({
        github: access.github,
        route,
        params,
        doing,
        subject: access.target.description,
        subjectSetting: access.target.kind,
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
        createdAt: parseTimestamp(isRecord(answer.data) ? answer.data['created_at'] : undefined),
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
/**
 * Deletes a secret. GitHub answers 204, or 404 when there is none: either way it is gone, so
 * `false` says only that it was not there.
 */
async function deleteSecret(access, secretName, tokenState) {
    const { target } = access;
    try {
        await call(access, `DELETE ${secretPath(target, secretName)}`, `delete the secret ${secretName} of ${target.description}`, tokenState);
        return true;
    }
    catch (error) {
        if (error instanceof errors/* ActionError */.lZ && error.code === 'GITHUB_NOT_FOUND')
            return false;
        throw error;
    }
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
        subjectSetting: 'repository',
        tokenInput: 'github-token',
        permission: variablesPermission(access.repository),
        tokenState,
        secrets: access.secrets,
        retry: access.retry,
    };
}
function variablePath(repository, name) {
    return rest_path_restPath `/repos/${repository.owner}/${repository.repo}/actions/variables/${name}`;
}
/**
 * Reads a variable; undefined when it does not exist. Before a consent it also proves that the
 * token may read the repository's variables (a 403 here stops before anyone consents).
 */
async function readVariable(access, name) {
    const { owner, repo } = access.repository;
    try {
        const { data } = await errors_callGitHub({
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
        await errors_callGitHub({
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
    await errors_callGitHub({
        ...common(access, 'stored'),
        route: `POST ${rest_path_restPath `/repos/${owner}/${repo}/actions/variables`}`,
        params: { name: variable.name, value: variable.value },
        doing,
    });
    return 'created';
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
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
    if ((0,external_node_net_.isIP)(host) === 4)
        return host.split('.')[0] === '127';
    // The URL parser writes every IPv6 address in its one canonical form (RFC 5952).
    if ((0,external_node_net_.isIP)(host) === 6)
        return URL.parse(`http://[${host}]/`)?.hostname === '[::1]';
    return false;
}
/**
 * An endpoint URL: https, or http to a loopback host; no user name or password (they would be
 * sent, and logged, with every request).
 */
function parseEndpointUrl(input, given, problem) {
    const setting = (0,settings/* subject */.bc)(input);
    const overlong = (0,input_limits/* tooLong */.Po)(setting, given, input_limits/* LIMITS */.b1.url, false);
    if (overlong !== undefined) {
        problem(input, overlong);
        return undefined;
    }
    let url;
    try {
        url = new URL(given);
    }
    catch {
        problem(input, (0,settings/* text */.Qq) `${setting} is not a URL; expected e.g. "https://…"; got ${(0,input_limits/* quoteValue */.cl)(given)}.`);
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
        ? (0,settings/* text */.Qq) `${setting} uses plain http to ${(0,input_limits/* quoteValue */.cl)(url.hostname)}: credentials would cross the network unencrypted. Use https (${PLAIN_HTTP_RULE}).`
        : (0,settings/* text */.Qq) `${setting} must be an https URL; got the scheme ${(0,input_limits/* quoteValue */.cl)(url.protocol)}.`);
    return undefined;
}
/**
 * A site is named by its address, e.g. https://example.atlassian.net (the scheme may be left out):
 * only its origin counts.
 */
function parseSiteUrl(input, given, problem) {
    const setting = (0,settings/* subject */.bc)(input);
    const overlong = (0,input_limits/* tooLong */.Po)(setting, given, input_limits/* LIMITS */.b1.url, false);
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
        problem(input, (0,settings/* text */.Qq) `${setting} must be your site's address, ${example}; got ${(0,input_limits/* quoteValue */.cl)(given)}.`);
        return undefined;
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
        problem(input, (0,settings/* text */.Qq) `${setting} must be an https address, ${example} (${PLAIN_HTTP_RULE}); got ${(0,input_limits/* quoteValue */.cl)(given)}.`);
        return undefined;
    }
    return new URL(url.origin);
}

;// CONCATENATED MODULE: ./src/handoff/key.ts
/**
 * The handoff key's one rule, apart from the sealing code (./handoff.ts) so that input checks can
 * use it without bundling the sealing into the command line tool.
 *
 * A dedicated key secret shorter than this is refused: the key is derived from it without a
 * password hash, so it must be a random value as long as a client secret's entropy calls for.
 */
const MIN_KEY_SECRET_LENGTH = 32;

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
    const read = ghApi(write.githubApiUrl, secretPath(write.target, write.secretName));
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
    const { sealed, organization } = write;
    return commandLine([
        ...ghApi(write.githubApiUrl, secretPath(write.target, write.secretName), 'PUT'),
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
/** `gh api` pointed at `path` under `githubApiUrl`, with `method` when it is not GET: its words. */
function ghApi(githubApiUrl, path, method) {
    const { hostname, endpoint } = ghEndpoint(githubApiUrl, path);
    return [
        { literal: 'gh api' },
        ...(hostname === undefined ? [] : [{ literal: '--hostname' }, hostname]),
        ...(method === undefined ? [] : [{ literal: `--method ${method}` }]),
        endpoint,
    ];
}
/** The `gh api` command that reads a secret's metadata (404 once it is gone), or deletes it. */
function secretCommand(githubApiUrl, target, secretName, method) {
    return commandLine(ghApi(githubApiUrl, secretPath(target, secretName), method));
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
        case 'in-doubt':
            return `This run sent nothing. The refresh token in the ${where} may have been spent by the rotation that was killed: if it was, the new token that rotation received is the only working one, and presenting the stored token again revokes the consent.`;
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
    return (0,settings/* concat */.xW)([
        `Recovery value: the new refresh token, sealed with the public key of the ${context.target.description} (only GitHub can open it, so it is safe to show).`,
        `  key_id: ${recovery.sealed.keyId}`,
        `  encrypted_value: ${recovery.sealed.encryptedValue}`,
        `Store it with GitHub CLI and a token that may write the secret: ${ghTokenAdvice(context.githubApiUrl)}; then run:`,
        `  ${recoveryCommandFor(context, recovery)}`,
        `Do it before any run uses the old token after ${utc(recovery.leewayEndsAt)}: from then on, presenting the old token revokes the consent, including the new token.`,
        (0,settings/* text */.Qq) `Store it, or ${settings/* rerun */.nt} before that time — one or the other, never both: whichever comes second would put a superseded token in the secret.${recovery.secretAsSeen === undefined ? '' : ' The command checks this itself: it stores nothing if the secret was written after this run saw it.'}`,
    ], '\n');
}
/** The full failure text for the log and the error annotation; each door words its settings. */
function describeFailure(error, context, recovery, now) {
    const parts = [
        error.said,
        [describeTokenState(error.tokenState, context, now)],
        concat(['Next step: ', error.next]),
    ];
    if (recovery)
        parts.push(describeRecovery(context, recovery));
    return concat(parts, '\n');
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
    lines.push((0,settings/* text */.Qq) `Lock: ${plan.lock}.`);
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
        return { kind: 'unverified', reason: (0,errors/* saidOf */.Jo)(error) };
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
        return { kind: 'unverified', reason: (0,errors/* saidOf */.Jo)(error) };
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

;// CONCATENATED MODULE: ./src/rotation/rotation-lock.ts
/**
 * One rotation at a time, wherever it runs: a lock that lives next to the secret, in the same
 * store, and needs no permission beyond the one that writes the secret.
 *
 * GitHub's secret PUT answers 201 when it creates a secret and 204 when it updates one
 * (../shared/FACTS.md, "GitHub secrets REST API"): creating `<SECRET>_LOCK` is a test-and-set.
 * 201: the lock is this run's. 204: another rotation holds it, since the lock's `created_at` (a
 * later PUT keeps it). Its value means nothing and can never be read back; it is sealed like any
 * secret, because GitHub refuses a value it cannot open.
 *
 * Time rules, all in GitHub's clock where two parties compare (`created_at` against the Date
 * header of the same answer), so no machine's clock skew enters:
 * - a holder finishes everything it does under the lock within {@link LOCK_HOLD_MS} of taking it
 *   (../rotation/rotate.ts caps every retry there) and never deletes the lock after that, since by
 *   then it may be someone else's;
 * - a lock older than {@link LOCK_STALE_MS} is therefore abandoned (its holder was killed), and is
 *   broken: deleted, then created again, and it is ours only on a 201.
 * - a holder killed after its refresh was sent leaves a disabled token in the secret, which
 *   Atlassian accepts only within its 10-minute leeway, counted from that refresh (no earlier than
 *   the lock's `created_at`). So an abandoned lock whose holder never wrote the secret is broken
 *   only while this run's own refresh can still end inside that leeway (LOCK_BREAK_WITHIN_MS), and
 *   that refresh is cut off there; an older one stops the run without spending anything, since
 *   presenting the token would revoke the consent together with the new token that the dead holder
 *   may have printed. A lock whose holder wrote the secret after taking it (its release failed) is
 *   broken at any age: the stale-token guard judges the token as usual.
 *
 * Deletes are never retried blindly: a delete whose answer was lost may have removed the lock, and
 * a retry could then remove the next holder's. A release is one attempt; a break looks again first.
 *
 * The one race: two rotations that break the same abandoned lock at once may both hold it (the
 * second delete removes the first's new lock). A jittered second look before breaking makes it
 * need both to look within one round trip of each other. If it happens, both present the same
 * token, which Atlassian accepts for both inside the leeway, and the check after each write looks
 * for the other; a write in the same second as the other's cannot be told apart from it.
 */







/** The longest a holder keeps the lock: every retry under it ends by then. */
const LOCK_HOLD_MS = 5 * 60_000;
/** Older than this by GitHub's clock, a lock is abandoned: a holder releases within LOCK_HOLD_MS. */
const LOCK_STALE_MS = 6 * 60_000;
/** Kept clear of the leeway's end: requests in flight, and GitHub's clock read to the second. */
const LEEWAY_SAFETY_MS = 60_000;
/**
 * An abandoned lock whose holder never wrote the secret is broken only up to this age, which
 * leaves this run at least a minute to refresh inside the leeway of the holder's possible refresh.
 */
const LOCK_BREAK_WITHIN_MS = 8 * 60_000;
/** The default wait: outlasts any live holder, and reaches the age at which a lock is broken. */
const DEFAULT_LOCK_WAIT_SECONDS = 390;
const MAX_LOCK_WAIT_SECONDS = 3_600;
/** Between two looks at a held lock: a holder usually ends within seconds. */
const POLL_MS = 3_000;
const POLL_JITTER_MS = 2_000;
/** Before breaking, a random pause and a second look: two breakers rarely look at the same moment. */
const BREAK_JITTER_MS = 3_000;
const LOCK_SUFFIX = '_LOCK';
/**
 * The lock's name by default: next to the secret it guards. A name at GitHub's length limit is cut
 * to make room: the same for every rotation of that secret, which is all a lock's name must be.
 */
function defaultLockName(secretName, maxLength) {
    return `${secretName.slice(0, maxLength - LOCK_SUFFIX.length)}${LOCK_SUFFIX}`;
}
/** One line for the log and the job summary. */
function describeLock(report) {
    switch (report.state) {
        case 'off':
            return 'off (lock: false): nothing keeps another rotation from overlapping this one';
        case 'free':
            return `${report.name} is free: a real run would take it`;
        case 'held':
            if (report.tooOld) {
                return `${report.name} was taken at ${utc(report.since)} and never released, and the secret was not written since: a real run would stop without sending the token (its holder may have spent it)`;
            }
            return report.stale
                ? `${report.name} was taken at ${utc(report.since)} and never released (abandoned): a real run would break it`
                : `${report.name} is held since ${utc(report.since)} by another rotation: a real run would wait for it`;
        case 'unknown':
            return (0,settings/* text */.Qq) `${report.name} could not be read (${report.reason}): a real run would try to take it`;
        case 'taken': {
            const waited = report.waitedMs >= 1000 ? `, after waiting ${Math.round(report.waitedMs / 1000)} s` : '';
            return report.broke
                ? `${report.name} taken${waited}, by breaking an abandoned lock of ${utc(report.broke)}`
                : `${report.name} taken${waited}`;
        }
    }
}
/** What the preflight's first look says about the lock, for a dry run. */
function reportFirstLook(name, look, 
/** When the guarded secret was last written, as the preflight read it. */
secretUpdatedAt) {
    if (look === undefined)
        return { state: 'off' };
    if (look.status === 'rejected')
        return { state: 'unknown', name, reason: (0,errors/* saidOf */.Jo)(look.reason) };
    const seen = look.value;
    if (!seen.held)
        return { state: 'free', name };
    const stale = seen.ageMs !== undefined && seen.ageMs >= LOCK_STALE_MS;
    const holderWrote = secretUpdatedAt !== undefined && secretUpdatedAt >= seen.since;
    return {
        state: 'held',
        name,
        since: seen.since,
        stale: stale && (holderWrote || (seen.ageMs ?? 0) <= LOCK_BREAK_WITHIN_MS),
        tooOld: stale && !holderWrote && (seen.ageMs ?? 0) > LOCK_BREAK_WITHIN_MS,
    };
}
/** Looks at the lock without taking it: the preflight's first look, and a dry run's report. */
async function lookAtLock(store, name) {
    const metadata = await fetchSecretMetadata(store, name);
    if (metadata.updatedAt === undefined)
        return { held: false };
    // A lock is never rewritten by its holder: its creation is when it was taken.
    const since = metadata.createdAt ?? metadata.updatedAt;
    return {
        held: true,
        since,
        ageMs: metadata.serverNow ? metadata.serverNow.getTime() - since.getTime() : undefined,
    };
}
/**
 * Takes the lock, waiting for another holder within `waitMs` and breaking an abandoned lock.
 * Every failure leaves the refresh token unspent; a lock still held at the end of the wait is the
 * LOCK_HELD error.
 */
async function takeLock(step, first) {
    const { clock, request } = step;
    const started = clock.now();
    const deadline = started + request.waitMs;
    const look = () => lookAtLock(step.store(), request.name);
    let seen = first;
    let contended = first.held;
    let announced = false;
    let waitedFor;
    const taken = (takenAt, broke) => ({
        name: request.name,
        takenAt,
        contended: contended || broke !== undefined,
        waitedMs: takenAt - started,
        waitedFor,
        broke,
    });
    for (;;) {
        if (seen.held && (seen.ageMs === undefined || seen.ageMs < LOCK_STALE_MS)) {
            waitedFor = seen.since;
        }
        if (!seen.held) {
            const attempt = await create(step);
            if (attempt.created)
                return taken(attempt.takenAt, undefined);
            // Someone created it between the look and the write (this write only updated theirs).
            contended = true;
            seen = await look();
            continue;
        }
        if (seen.ageMs !== undefined && seen.ageMs >= LOCK_STALE_MS) {
            const stale = { ...seen, ageMs: seen.ageMs };
            const lookedAt = clock.now();
            const holderWrote = await wroteSince(step, stale.since);
            if (!holderWrote && stale.ageMs > LOCK_BREAK_WITHIN_MS)
                throw abandonedError(step, stale);
            const broken = await breakLock(step, seen);
            if (broken.taken) {
                step.notice((0,settings/* text */.Qq) `Broke an abandoned lock: ${request.name} was taken at ${utc(seen.since)} by a rotation that never released it (a run or a command killed before it ended), ${minutes(stale.ageMs)} ago; no rotation holds a lock longer than ${minutes(LOCK_HOLD_MS)}. ${holderWrote ? `That rotation wrote ${step.secretName} after taking it.` : `${step.secretName} was not written since: if that rotation sent its refresh, the token is still accepted within Atlassian's 10-minute leeway, and this run refreshes inside it.`} This run holds the lock now.`, 'Abandoned lock broken');
                return taken(broken.takenAt, {
                    since: stale.since,
                    ageMs: stale.ageMs,
                    refreshBy: holderWrote
                        ? undefined
                        : lookedAt + LEEWAY_MS - LEEWAY_SAFETY_MS - stale.ageMs,
                });
            }
            seen = broken.seen;
            if (clock.now() > deadline && seen.held)
                throw lockHeldError(step, seen, clock.now() - started);
            continue;
        }
        const pause = POLL_MS + Math.floor(step.random() * POLL_JITTER_MS);
        if (clock.now() + pause > deadline) {
            throw lockHeldError(step, seen, clock.now() - started);
        }
        if (!announced) {
            announced = true;
            step.info(`Another rotation holds the lock ${request.name} (taken at ${utc(seen.since)}): waiting up to ${Math.round((deadline - clock.now()) / 1000)} s for it to end. ${step.whileWaiting ?? 'Nothing has been sent to Atlassian.'}`);
        }
        await clock.sleep(pause, step.signal);
        seen = await look();
    }
}
/**
 * Creates the lock: created when the write answered 201 (204: it existed). A 204 after a retried
 * write (its first answer lost) may be this run's own lock; it is never taken for that on a guess,
 * since it may as well be another rotation's: it is waited for like any other, and broken when old.
 */
async function create(step) {
    const takenAt = step.clock.now();
    const written = await writeBack(step.store(), {
        secretName: step.request.name,
        // Any value: it is never read. Random, so that no two writes carry the same one.
        value: (0,external_node_crypto_.randomBytes)(16).toString('hex'),
        publicKey: step.publicKey,
        organization: lockVisibility(step.target),
        tokenState: 'unchanged',
    });
    return { created: written.how === 'created', takenAt };
}
/**
 * Whether the guarded secret was written at or after `since` (always, for `authorize`). GitHub's
 * times are whole seconds: a write in the very second the lock was taken counts as the holder's,
 * since a holder that wrote within a second and then failed to release is far likelier than one
 * killed between its refresh and its write in the second of the secret's previous write.
 */
async function wroteSince(step, since) {
    if (step.readSecret === undefined)
        return true;
    const { updatedAt } = await step.readSecret();
    return updatedAt !== undefined && updatedAt.getTime() >= since.getTime();
}
/** A failure that another try may not meet: no answer, GitHub failing, a rate limit. */
function mayPassLater(error) {
    if (!(error instanceof errors/* ActionError */.lZ))
        return false;
    return (error.code === 'GITHUB_UNREACHABLE' ||
        error.code === 'GITHUB_RATE_LIMITED' ||
        (error.status ?? 0) >= 500);
}
/** One attempt only: a delete is never sent again blindly (see the header). */
function onceOnly(store) {
    return { ...store, retry: { ...store.retry, maxAttempts: 1 } };
}
/**
 * Deletes an abandoned lock and creates it again. First a random pause and a second look: if the
 * lock is no longer the abandoned one (released, or broken by another rotation), it is not broken.
 */
async function breakLock(step, stale) {
    await step.clock.sleep(Math.floor(step.random() * BREAK_JITTER_MS), step.signal);
    const again = await lookAtLock(step.store(), step.request.name);
    if (!again.held || again.since.getTime() !== stale.since.getTime()) {
        return { taken: false, seen: again };
    }
    try {
        await deleteSecret(onceOnly(step.store()), step.request.name, 'unchanged');
    }
    catch (error) {
        // Maybe deleted, maybe not: look again rather than send it again.
        if (!mayPassLater(error))
            throw error;
        return { taken: false, seen: await lookAtLock(step.store(), step.request.name) };
    }
    const attempt = await create(step);
    if (attempt.created)
        return { taken: true, takenAt: attempt.takenAt };
    return { taken: false, seen: await lookAtLock(step.store(), step.request.name) };
}
/**
 * An organization secret's PUT needs a visibility. The lock's value means nothing, so which
 * repositories may see that it exists does not matter: "private", which needs no repository list.
 */
function lockVisibility(target) {
    return target.kind === 'organization'
        ? { visibility: 'private', selectedRepositoryIds: undefined }
        : undefined;
}
/**
 * Releases the lock, but only while it is certainly still this run's: after LOCK_HOLD_MS another
 * rotation may have broken it and taken it anew, and deleting that one would let a third in.
 */
async function releaseLock(store, held, clock) {
    const heldUntil = held.takenAt + LOCK_HOLD_MS;
    if (clock.now() >= heldUntil) {
        return {
            released: false,
            reason: `this run has held it for more than ${minutes(LOCK_HOLD_MS)}, after which it may no longer be this run's`,
        };
    }
    try {
        await deleteSecret(onceOnly({
            ...store,
            retry: { ...store.retry, deadline: Math.min(store.retry.deadline, heldUntil) },
        }), held.name, 'stored');
        return { released: true };
    }
    catch (error) {
        return { released: false, reason: (0,errors/* saidOf */.Jo)(error) };
    }
}
/** The warning for a lock left behind: harmless, and how to free it sooner. */
function lockLeftWarning(held, reason, target, githubApiUrl) {
    return (0,settings/* text */.Qq) `Could not release the lock ${held.name} (${reason}). The refresh token is not affected. The next rotation within ${minutes(LOCK_STALE_MS)} of this one waits for the lock and then breaks it as abandoned; to free it now: ${deleteCommand(githubApiUrl, target, held.name)}`;
}
function lockHeldError(step, seen, waitedMs) {
    const { request, target } = step;
    const tokenState = 'unchanged';
    return new errors/* ActionError */.lZ('LOCK_HELD', `Another rotation holds the lock ${request.name} of ${target.description}: it was taken at ${utc(seen.since)}, and this run waited ${Math.round(waitedMs / 1000)} s for it to end. Two rotations of one token must not overlap, ${step.heldMeans ?? `so this run did not send its refresh token to Atlassian: the token is unchanged, and so is ${step.secretName}`}.`, tokenState, (0,settings/* text */.Qq) `Find the rotation holding it: a workflow run that rotates ${step.secretName} and started around ${utc(seen.since)}, or someone running the command line tool's refresh. Once it has ended, ${settings/* rerun */.nt}: if it rotated the token, this run's copy is superseded and is not sent. A lock older than ${minutes(LOCK_STALE_MS)} is abandoned and the next rotation breaks it. To wait longer, raise ${(0,settings/* named */.KT)('lock-wait-seconds')}; if you are sure that nothing is rotating, free it now: ${deleteCommand(step.githubApiUrl, target, request.name)}`);
}
function abandonedError(step, stale) {
    const { request, target, secretName } = step;
    const command = deleteCommand(step.githubApiUrl, target, request.name);
    return new errors/* ActionError */.lZ('LOCK_ABANDONED', `The lock ${request.name} of ${target.description} was taken at ${utc(stale.since)}, ${minutes(stale.ageMs)} ago, by a rotation that never released it, and ${secretName} has not been written since: that rotation was killed, maybe after it sent its refresh. If it did, the refresh token given here is disabled, and presenting it now, after Atlassian's 10-minute leeway, would revoke the consent, together with the new token that rotation may have printed. So nothing was sent.`, 'in-doubt', (0,settings/* text */.Qq) `Open the workflow run (or the terminal) that was rotating ${secretName} around ${utc(stale.since)}. If its log has a "Recovery value" group, store that value with the command printed there; then delete the lock: ${command}. If it has none, it was killed before Atlassian answered: delete the lock with that command and ${settings/* rerun */.nt}; should that fail with invalid_grant, the consent is gone, and the way back is a new consent (the command line tool's authorize).`);
}
/** The `gh` command that deletes the lock, for any target and GitHub Enterprise Server. */
function deleteCommand(githubApiUrl, target, name) {
    return secretCommand(githubApiUrl, target, name, 'DELETE');
}
function minutes(ms) {
    const value = Math.floor(ms / 60_000);
    return value === 1 ? '1 minute' : `${value} minutes`;
}

;// CONCATENATED MODULE: ./src/rotation/request.ts





/** The settings whose values are secret: masked before anything else reads them. */
const SECRET_SETTINGS = [
    'client-secret',
    'refresh-token',
    'github-token',
    'workflow-token',
    'handoff-key',
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
const ENVIRONMENT_MAX = input_limits/* LIMITS */.b1.environment.max;
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
        ['client-id', clientId, input_limits/* LIMITS */.b1.clientId],
        ['client-secret', clientSecret, input_limits/* LIMITS */.b1.clientSecret],
        ['refresh-token', refreshToken, input_limits/* LIMITS */.b1.refreshToken],
        ['github-token', githubToken, input_limits/* LIMITS */.b1.githubToken],
        ['workflow-token', workflowToken, input_limits/* LIMITS */.b1.githubToken],
    ]) {
        const secret = SECRET_SETTINGS.includes(input);
        const overlong = (0,input_limits/* tooLong */.Po)((0,settings/* subject */.bc)(input), value, limit, secret);
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
    const handoffKey = getInput('handoff-key') || undefined;
    if (handoffKey !== undefined) {
        const problemText = handoffKeyProblem(handoffKey);
        if (problemText !== undefined)
            problem('handoff-key', problemText);
    }
    const lock = readLockSettings(getInput, secretName, accessTokenSecretName, problem);
    const target = readTarget(getInput, env, problem);
    const tokenUrl = parseEndpointUrl('token-url', getInput('token-url') || DEFAULT_TOKEN_URL, problem);
    const githubApiUrl = parseEndpointUrl('github-api-url', getInput('github-api-url') || env['GITHUB_API_URL'] || DEFAULT_GITHUB_API_URL, problem);
    const atlassianApiUrl = parseEndpointUrl('atlassian-api-url', getInput('atlassian-api-url') || DEFAULT_ATLASSIAN_API_URL, problem);
    const siteText = getInput('site-url');
    const siteUrl = siteText === '' ? undefined : parseSiteUrl('site-url', siteText, problem);
    const budgetText = getInput('retry-budget-seconds') || String(DEFAULT_RETRY_BUDGET_SECONDS);
    const budget = readSeconds(budgetText);
    if (!(budget >= 1 && budget <= MAX_RETRY_BUDGET_SECONDS)) {
        problem('retry-budget-seconds', (0,settings/* text */.Qq) `${(0,settings/* subject */.bc)('retry-budget-seconds')} must be a whole number of seconds from 1 to ${MAX_RETRY_BUDGET_SECONDS} (retries must end well inside Atlassian's 10-minute leeway); got ${(0,input_limits/* quoteValue */.cl)(budgetText)}.`);
    }
    const consentedText = getInput('consented-at');
    const consentedAt = consentedText === '' ? undefined : parseConsentDate(consentedText, problem);
    const dryRunText = (getInput('dry-run') || 'false').toLowerCase();
    if (dryRunText !== 'true' && dryRunText !== 'false') {
        problem('dry-run', (0,settings/* text */.Qq) `${(0,settings/* subject */.bc)('dry-run')} must be "true" or "false"; got ${(0,input_limits/* quoteValue */.cl)(dryRunText)}.`);
    }
    const onSuperseded = (getInput('on-superseded') || 'fail').toLowerCase();
    if (onSuperseded !== 'fail' && onSuperseded !== 'succeed') {
        problem('on-superseded', (0,settings/* text */.Qq) `${(0,settings/* subject */.bc)('on-superseded')} must be "fail" (a step that must hand an access token on) or "succeed" (a scheduled rotation, which has nothing left to do when another rotation got there first); got ${(0,input_limits/* quoteValue */.cl)(onSuperseded)}.`);
    }
    const keepText = (getInput('keep-schedule-alive') || 'auto').toLowerCase();
    if (keepText !== 'auto' && keepText !== 'true' && keepText !== 'false') {
        problem('keep-schedule-alive', (0,settings/* text */.Qq) `${(0,settings/* subject */.bc)('keep-schedule-alive')} must be "auto" (enable this workflow on scheduled runs, so that GitHub does not disable its schedule), "true" (on every run) or "false"; got ${(0,input_limits/* quoteValue */.cl)(keepText)}.`);
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
        keepScheduleAlive: keepText === 'true' ? 'true' : keepText === 'false' ? 'false' : 'auto',
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
            lock,
            handoffKey,
        },
    };
}
/**
 * What is wrong with a dedicated handoff key, if anything. It is used as a key as it is (no
 * password hash: ../handoff/handoff.ts), so it must be a long random value, like a client secret.
 */
function handoffKeyProblem(value) {
    if (value.length < MIN_KEY_SECRET_LENGTH || value.length > input_limits/* LIMITS */.b1.clientSecret.max) {
        return (0,settings/* text */.Qq) `${(0,settings/* subject */.bc)('handoff-key')} must be a random secret of ${MIN_KEY_SECRET_LENGTH} to ${input_limits/* LIMITS */.b1.clientSecret.max} characters (e.g. \`openssl rand -base64 32\`, stored as a secret that every job of the run can read); got ${value.length} characters.`;
    }
    if (/\s/.test(value)) {
        return (0,settings/* text */.Qq) `${(0,settings/* subject */.bc)('handoff-key')} contains whitespace. Store the value alone, without quotes or line breaks.`;
    }
    return undefined;
}
/**
 * `lock`, `lock-secret-name` and `lock-wait-seconds`: the lock, or undefined with `lock: false`.
 * Shared with `authorize`, which writes the secret too.
 */
function readLockSettings(getInput, secretName, accessTokenSecretName, problem) {
    const onText = (getInput('lock') || 'true').toLowerCase();
    if (onText !== 'true' && onText !== 'false') {
        problem('lock', (0,settings/* text */.Qq) `${(0,settings/* subject */.bc)('lock')} must be "true" (take a lock next to the secret, so that no two rotations of the token overlap) or "false"; got ${(0,input_limits/* quoteValue */.cl)(onText)}.`);
    }
    const waitText = getInput('lock-wait-seconds') || String(DEFAULT_LOCK_WAIT_SECONDS);
    const wait = readSeconds(waitText);
    if (!(wait >= 0 && wait <= MAX_LOCK_WAIT_SECONDS)) {
        problem('lock-wait-seconds', (0,settings/* text */.Qq) `${(0,settings/* subject */.bc)('lock-wait-seconds')} must be a whole number of seconds from 0 to ${MAX_LOCK_WAIT_SECONDS}; got ${(0,input_limits/* quoteValue */.cl)(waitText)}.`);
    }
    const given = getInput('lock-secret-name');
    if (onText === 'false')
        return undefined;
    const name = given || defaultLockName(secretName, input_limits/* LIMITS */.b1.name.max);
    checkSecretName('lock-secret-name', given, problem);
    for (const [other, otherName] of [
        ['secret-name', secretName],
        ['access-token-secret-name', accessTokenSecretName ?? ''],
    ]) {
        if (otherName !== '' && name.toUpperCase() === otherName.toUpperCase()) {
            problem('lock-secret-name', (0,settings/* text */.Qq) `${(0,settings/* subject */.bc)('lock-secret-name')} must name another secret than ${(0,settings/* named */.KT)(other)} (secret names are case-insensitive): the lock would overwrite it.`);
        }
    }
    return { name, waitMs: wait * 1000 };
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
            problem('organization', (0,settings/* text */.Qq) `${(0,settings/* subject */.bc)('organization')} must be an organization's login (up to 39 letters, digits and hyphens), e.g. "octo-org"; got ${(0,input_limits/* quoteValue */.cl)(organization)}.`);
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
                problem('visibility', (0,settings/* text */.Qq) `${(0,settings/* subject */.bc)('visibility')} must be "all", "private" or "selected"; got ${(0,input_limits/* quoteValue */.cl)(visibilityText)}.`);
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
        if (selectedRepositories.length > input_limits/* MAX_SELECTED_REPOSITORIES */.qY) {
            problem('selected-repositories', (0,settings/* text */.Qq) `${(0,settings/* subject */.bc)('selected-repositories')} names ${selectedRepositories.length} repositories; at most ${input_limits/* MAX_SELECTED_REPOSITORIES */.qY} can be resolved at once (GitHub allows 100 concurrent requests). For more, set ${(0,settings/* named */.KT)('visibility')} to "private" or "all".`);
            ok = false;
        }
        else {
            const wrong = selectedRepositories.find((name) => !isRepositoryName(name));
            if (wrong !== undefined) {
                problem('selected-repositories', (0,settings/* text */.Qq) `${(0,settings/* subject */.bc)('selected-repositories')} must list repository names of the organization (without "${organization}/"); ${(0,input_limits/* quoteValue */.cl)(wrong)} is not one.`);
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
            : (0,settings/* text */.Qq) `${(0,settings/* subject */.bc)('repository')} must be "owner/name", e.g. "octo-org/confluence-sync"; got ${(0,input_limits/* quoteValue */.cl)(repositoryText)}.`);
        return undefined;
    }
    if (environment === '')
        return { kind: 'repository', repository };
    const overlong = (0,input_limits/* tooLong */.Po)((0,settings/* subject */.bc)('environment'), environment, input_limits/* LIMITS */.b1.environment, false);
    if (overlong !== undefined ||
        /[\p{Cc}\p{Cs}]/u.test(environment) ||
        environment === '.' ||
        environment === '..') {
        problem('environment', overlong ??
            (0,settings/* text */.Qq) `${(0,settings/* subject */.bc)('environment')} must be an environment's name as shown in the repository settings (up to ${ENVIRONMENT_MAX} characters, no control characters, not "." or ".."); got ${(0,input_limits/* quoteValue */.cl)(environment)}.`);
        return undefined;
    }
    return { kind: 'environment', repository, environment };
}
/** GitHub's rules for the names of secrets, which variables share (docs: "Naming conventions"). */
function checkSecretName(input, name, problem, kind = 'secret') {
    if (name === '')
        return;
    const overlong = (0,input_limits/* tooLong */.Po)((0,settings/* subject */.bc)(input), name, input_limits/* LIMITS */.b1.name, false);
    if (overlong !== undefined) {
        problem(input, overlong);
    }
    else if (!SECRET_NAME.test(name)) {
        problem(input, (0,settings/* text */.Qq) `${(0,settings/* subject */.bc)(input)} must contain only letters, digits and underscores and must not start with a digit (GitHub's rule for ${kind} names); got ${(0,input_limits/* quoteValue */.cl)(name)}.`);
    }
    else if (/^GITHUB_/i.test(name)) {
        problem(input, (0,settings/* text */.Qq) `${(0,settings/* subject */.bc)(input)} must not start with GITHUB_ (GitHub reserves that prefix); got ${(0,input_limits/* quoteValue */.cl)(name)}.`);
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
    return text.length <= input_limits/* LIMITS */.b1.seconds.max && /^\d+$/.test(text) ? Number(text) : NaN;
}
/** ISO 8601: a date (2026-01-31) or a date and time with its zone (2026-01-31T09:00:00Z). */
function parseConsentDate(given, problem) {
    const time = parseIsoMoment(given);
    if (Number.isNaN(time)) {
        problem('consented-at', (0,settings/* text */.Qq) `${(0,settings/* subject */.bc)('consented-at')} must be an ISO 8601 date such as "2026-01-31" (or a date and time with its zone, "2026-01-31T09:00:00Z"); got ${(0,input_limits/* quoteValue */.cl)(given)}.`);
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
    const iso = text.length <= input_limits/* LIMITS */.b1.date.max &&
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
        await errors_callGitHub({
            ...target_checks_common(access),
            route: `GET ${environmentPath(target.repository, target.environment)}`,
            doing: `read the environment "${target.environment}" of ${owner}/${repo}`,
            subject: `the environment "${target.environment}" of ${owner}/${repo}`,
            subjectSetting: 'environment',
        });
    }
    catch (error) {
        if (error instanceof errors/* ActionError */.lZ && error.code === 'GITHUB_NOT_FOUND') {
            throw new errors/* ActionError */.lZ('GITHUB_NOT_FOUND', (0,settings/* text */.Qq) `${owner}/${repo} has no environment named "${target.environment}" that ${(0,settings/* tokenIn */.jf)('github-token')} can see. Nothing was sent to Atlassian.`, 'unchanged', (0,settings/* text */.Qq) `Check ${(0,settings/* input */.hF)('environment')} against the repository's Settings → Environments, or create the environment there. The token needs ${access.target.permission}.`);
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
    const { data } = await errors_callGitHub({
        ...target_checks_common(access),
        route: `GET ${rest_path_restPath `/repos/${organization}/${name}`}`,
        doing: `look up the selected repository ${organization}/${name}`,
        subject: `repository ${organization}/${name}`,
        subjectSetting: 'selected-repositories',
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
        const { data } = await errors_callGitHub({
            ...target_checks_common(access),
            route: `GET ${secretPath(access.target, secretName)}/repositories`,
            params: { per_page: 100, page },
            doing: `read which repositories may use the secret ${secretName} of ${access.target.description}`,
            subject: `the secret ${secretName} of ${access.target.description}`,
            subjectSetting: 'secret-name',
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
    const { data } = await errors_callGitHub({
        github,
        route: `GET ${rest_path_restPath `/repos/${owner}/${repo}/actions/runs/${run.runId}/attempts/${run.attempt}`}`,
        params: {},
        doing: `read when this workflow run started (run ${run.runId}, attempt ${run.attempt})`,
        subject: `workflow run ${run.runId} of ${owner}/${repo}`,
        subjectSetting: 'repository',
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
    const { data } = await errors_callGitHub({
        github,
        route: `GET ${rest_path_restPath `/repos/${owner}/${repo}/actions/runs/${run.runId}/attempts/${run.attempt}/jobs`}`,
        params: { per_page: 100 },
        doing: `read when this job started (run ${run.runId}, attempt ${run.attempt})`,
        subject: `workflow run ${run.runId} of ${owner}/${repo}`,
        subjectSetting: 'repository',
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
    return since.exact ? { kind: 'fresh-since', what: since.what } : { kind: 'unknown', reason };
}
/**
 * After a wait for the lock. The token in hand was held before this run first read the secret, so
 * a secret written since that read (or created, when it did not exist) certainly superseded it,
 * however close in time. GitHub's timestamps are whole seconds, so a write within the second of
 * that read shows no change: then a write at or after the moment the rotation this run waited for
 * took the lock is taken for that rotation's, and stops this run too (it loses nothing: the secret
 * holds the newer token). Otherwise the guard judges as before.
 */
function judgeAfterWait(before, after, firstReadAt, 
/** When the rotation this run waited for took the lock; undefined when it waited for none. */
waitedFor, otherwise) {
    const { updatedAt } = after;
    if (updatedAt === undefined)
        return otherwise();
    if (before !== undefined && before.updatedAt?.getTime() !== updatedAt.getTime()) {
        return {
            kind: 'superseded',
            updatedAt,
            readAt: before.serverNow ?? firstReadAt,
            readAtWhat: 'this run first read it, before waiting for the lock',
        };
    }
    // Unchanged, but written in the very second this run read it: maybe just after.
    if (before?.serverNow !== undefined && updatedAt.getTime() >= before.serverNow.getTime()) {
        return {
            kind: 'superseded',
            updatedAt,
            readAt: before.serverNow,
            readAtWhat: 'this run first read it (the same second), before waiting for the lock',
        };
    }
    if (waitedFor !== undefined && updatedAt.getTime() >= waitedFor.getTime()) {
        return {
            kind: 'superseded',
            updatedAt,
            readAt: waitedFor,
            readAtWhat: 'the rotation this run waited for took the lock',
        };
    }
    return otherwise();
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
    // GitHub's times are whole seconds: in the same second, the rewrite may have come just after.
    const read = judgement.updatedAt.getTime() > judgement.readAt.getTime()
        ? `after ${judgement.readAtWhat} (${utc(judgement.readAt)})`
        : `in the same second as ${judgement.readAtWhat} (${utc(judgement.readAt)}), so maybe after it`;
    return new errors/* ActionError */.lZ('SUPERSEDED', `Another rotation got there first: the secret ${secretName} was rewritten at ${utc(judgement.updatedAt)}, ${read}, so the refresh token this run holds has been superseded. It was not sent to Atlassian, which accepts only the newest token (and, for 10 minutes, the one just before it): presenting a superseded one could revoke the consent. Nothing is lost: the secret holds the newer token.`, 'unchanged', 'Nothing to do for the token. If this step had to provide an access token, re-run the workflow: a new run reads the current secret. If rotations keep meeting, give every workflow that rotates this token the same `concurrency:` group (with cancel-in-progress: false).');
}
/** One line for the job summary. */
function describeJudgement(judgement) {
    switch (judgement.kind) {
        case 'fresh':
            return 'passed: the secret was not rewritten since this run read it';
        case 'fresh-since':
            return `passed: the secret was not rewritten after ${judgement.what}`;
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
    const [checked, readAt, lock] = await Promise.allSettled([
        checkStore(store, request),
        'missing' in sources.run
            ? Promise.reject(new Error(sources.run.missing))
            : // Environment secrets are read when the job starts; the others when the run is queued.
                (target.kind === 'environment' ? fetchJobStartedAt : fetchSecretsReadAt)(sources.run.github, sources.run.attempt, store.secrets, store.retry),
        sources.lockName === undefined
            ? Promise.resolve(undefined)
            : lookAtLock(store, sources.lockName),
    ]);
    if (checked.status === 'rejected')
        throw checked.reason;
    const { publicKey, metadata, organization } = checked.value;
    const judgeAgain = (again) => judge(again, readAt, sources.now(), sources.tokenHeldSince);
    return {
        publicKey,
        metadata: metadata.status === 'fulfilled' ? metadata.value : undefined,
        judgement: judgeAgain(metadata),
        organization,
        lock: settledLock(lock),
        judgeAgain,
    };
}
function settledLock(lock) {
    if (lock.status === 'rejected')
        return lock;
    return lock.value === undefined ? undefined : { status: 'fulfilled', value: lock.value };
}
function judge(metadata, readAt, localNow, tokenHeldSince) {
    if (metadata.status === 'rejected')
        return { kind: 'unknown', reason: (0,errors/* saidOf */.Jo)(metadata.reason) };
    const { updatedAt, serverNow } = metadata.value;
    if (updatedAt === undefined)
        return { kind: 'first-write' };
    if (readAt.status === 'fulfilled')
        return judgeStoredToken(updatedAt, readAt.value);
    const reason = (0,errors/* saidOf */.Jo)(readAt.reason);
    if (tokenHeldSince === undefined)
        return { kind: 'unbounded', updatedAt, reason };
    // GitHub's clock decided updated_at: move the bound into it. The Date header is cut to the
    // second, which moves the bound earlier, never later: the guard errs towards "superseded".
    const skew = serverNow ? serverNow.getTime() - localNow.getTime() : 0;
    return judgeWithoutReadTime(updatedAt, { ...tokenHeldSince, at: new Date(tokenHeldSince.at.getTime() + skew) }, reason);
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
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
    const chosen = (command ?? env['BROWSER'] ?? '').split(external_node_path_.delimiter)[0]?.trim() ?? '';
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
        const child = (0,external_node_child_process_.spawn)(program, args, {
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
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: ./src/cli/exit-codes.ts
var exit_codes = __webpack_require__(8551);
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
            throw new exit_codes/* CliError */.z1(exit_codes/* EXIT */.dc.AUTHORIZATION, code === 'EADDRINUSE'
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
var cli_context = __webpack_require__(5217);
// EXTERNAL MODULE: ./src/cli/failure.ts
var failure = __webpack_require__(2372);
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
        throw new exit_codes/* CliError */.z1(exit_codes/* EXIT */.dc.USAGE, `No GitHub token: GH_TOKEN and GITHUB_TOKEN are not set${missing ? ', and GitHub CLI (gh) is not installed' : `, and \`gh auth token\` could not run (${String(error)})`}. Nothing was sent.`, `Give a token with ${permission} one of these ways, then run the command again:\n${WAYS}`);
    }
    const token = answer.stdout.trim();
    if (answer.exitCode !== 0 || token === '' || /\s/.test(token)) {
        const said = answer.stderr.trim().split('\n')[0]?.slice(0, 200) ?? '';
        throw new exit_codes/* CliError */.z1(exit_codes/* EXIT */.dc.USAGE, `No GitHub token: GH_TOKEN and GITHUB_TOKEN are not set, and \`gh auth token --hostname ${hostname}\` gave none${said ? ` ("${said}")` : ''}. Nothing was sent.`, `Give a token with ${permission} one of these ways, then run the command again:\n${WAYS}`);
    }
    return {
        token: bounded(token, `The token of \`gh auth token --hostname ${hostname}\``),
        source: 'gh auth token',
    };
}
/** Refuses a "token" longer than any GitHub token, before it is sent anywhere. */
function bounded(token, source) {
    const overlong = (0,input_limits/* tooLong */.Po)(source, token, input_limits/* LIMITS */.b1.githubToken, true);
    if (overlong !== undefined) {
        throw new exit_codes/* CliError */.z1(exit_codes/* EXIT */.dc.USAGE, overlong, 'Give it a GitHub token alone. Nothing was sent.');
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
    const child = (0,external_node_child_process_.spawn)('gh', ['auth', 'token', '--hostname', hostname], {
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

// EXTERNAL MODULE: ./src/cli/options.ts
var options = __webpack_require__(776);
// EXTERNAL MODULE: external "node:readline"
var external_node_readline_ = __webpack_require__(481);
;// CONCATENATED MODULE: ./src/cli/paste.ts
/**
 * Paste mode: when the callback is not on this machine (the guides use the Confluence site's own
 * address), the browser lands there and the person copies the address from the address bar.
 *
 * On a terminal, readline reads keystrokes itself (raw mode), so a long pasted address is not cut
 * at the terminal's line limit (1024 bytes on macOS) as a plain read of standard input would be.
 */

function readOneLine(input, output, prompt) {
    const reader = (0,external_node_readline_.createInterface)({ input, output, terminal: input.isTTY === true });
    // A pipe echoes nothing, so the prompt's line would not end with the line read: end it here.
    // (Without a line, the caller's terminal ends it before what it says next.)
    const endPrompt = () => {
        if (input.isTTY !== true)
            output.write('\n');
    };
    const line = new Promise((resolve) => {
        let done = false;
        reader.once('line', (text) => {
            done = true;
            endPrompt();
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
/** The lock next to the secret that keeps rotations (and `authorize`) from overlapping. */
const LOCK_FLAGS = [
    {
        name: 'no-lock',
        kind: 'boolean',
        description: 'Do not take the lock next to the secret (the action\'s "lock: false"). Without it, nothing keeps a workflow from rotating the same token at the same time.',
    },
    {
        name: 'lock-secret-name',
        kind: 'string',
        value: 'NAME',
        description: 'The secret that is the lock, next to --secret-name. Default: that name with _LOCK.',
    },
    {
        name: 'lock-wait-seconds',
        kind: 'string',
        value: 'SECONDS',
        description: 'How long to wait for a rotation that holds the lock (0–3600). Default: 390, which outlasts any rotation and reaches the age (6 minutes) at which an abandoned lock is broken.',
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

// EXTERNAL MODULE: ./src/cli/wording.ts
var wording = __webpack_require__(9278);
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
        ...LOCK_FLAGS,
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
        `${options/* TOOL */.js} authorize --client-id "$CLIENT_ID" --callback http://localhost:8765/callback --repository octo-org/confluence-sync --secret-name ATLASSIAN_REFRESH_TOKEN --record-consent-variable ATLASSIAN_CONSENTED_AT`,
        `${options/* TOOL */.js} authorize --client-id "$CLIENT_ID" --callback https://example.atlassian.net --scope "read:confluence-content.all search:confluence" --repository octo-org/confluence-sync --secret-name ATLASSIAN_REFRESH_TOKEN`,
    ],
    // A lock held or abandoned around the write is reported as NOT_STORED: the token is in hand.
    exitCodes: [
        exit_codes/* EXIT */.dc.OK,
        exit_codes/* EXIT */.dc.UNEXPECTED,
        exit_codes/* EXIT */.dc.USAGE,
        exit_codes/* EXIT */.dc.AUTHORIZATION,
        exit_codes/* EXIT */.dc.ATLASSIAN,
        exit_codes/* EXIT */.dc.GITHUB,
        exit_codes/* EXIT */.dc.NOT_STORED,
        exit_codes/* EXIT */.dc.INTERRUPTED,
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
        ['--client-id', clientId, input_limits/* LIMITS */.b1.clientId],
        ['ATLASSIAN_CLIENT_SECRET', clientSecret, input_limits/* LIMITS */.b1.clientSecret],
    ]) {
        const overlong = (0,input_limits/* tooLong */.Po)(name, value, limit, name === 'ATLASSIAN_CLIENT_SECRET');
        if (overlong !== undefined) {
            problem(name, overlong);
        }
        else if (/\s/.test(value)) {
            problem(name, `${name} contains whitespace: give the value alone, without quotes or line breaks.`);
        }
    }
    const callback = parseCallback(flags.string('callback'), problem);
    const scope = flags.string('scope') ?? DEFAULT_SCOPE;
    const scopeTooLong = (0,input_limits/* tooLong */.Po)('--scope', scope, input_limits/* LIMITS */.b1.scope, false);
    if (scopeTooLong !== undefined) {
        problem('scope', scopeTooLong);
    }
    else if (scope.split(/[\s,]+/).every((s) => s === '')) {
        problem('scope', '--scope is empty: name the scopes the app has under "Permissions".');
    }
    const showTokens = flags.boolean('show-tokens');
    const secretName = flags.string('secret-name');
    let store;
    let lock;
    if (secretName !== undefined) {
        checkSecretName('secret-name', secretName, problem);
        const target = readTarget((name) => flags.string(name) ?? '', env, problem);
        if (target !== undefined)
            store = { secretName, target };
        lock = readLockSettings((name) => (name === 'lock' ? String(!flags.boolean('no-lock')) : (flags.string(name) ?? '')), secretName, undefined, problem);
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
        problem('timeout', `--timeout must be a whole number of seconds from 1 to 3600; got ${(0,input_limits/* quoteValue */.cl)(timeoutText)}.`);
    }
    const browser = flags.string('browser');
    const browserTooLong = browser === undefined ? undefined : (0,input_limits/* tooLong */.Po)('--browser', browser, input_limits/* LIMITS */.b1.command, false);
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
        throw new exit_codes/* CliError */.z1(exit_codes/* EXIT */.dc.USAGE, (0,options/* listProblems */.vz)(problems), `Run \`${options/* TOOL */.js} authorize --help\` for the options. Nothing was sent.`);
    }
    const listen = isLoopbackCallback(callback) && !flags.boolean('paste');
    return {
        clientId,
        clientSecret,
        callback,
        redirectUri: flags.string('callback') ?? '',
        scope,
        store,
        lock,
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
    const overlong = (0,input_limits/* tooLong */.Po)('--callback', text, input_limits/* LIMITS */.b1.url, false);
    if (overlong !== undefined) {
        problem('callback', overlong);
        return undefined;
    }
    let url;
    try {
        url = new URL(text);
    }
    catch {
        problem('callback', `--callback must be a URL, e.g. http://localhost:8765/callback; got ${(0,input_limits/* quoteValue */.cl)(text)}.`);
        return undefined;
    }
    if (url.hash !== '' || url.username !== '' || url.password !== '') {
        problem('callback', '--callback must not hold a #fragment, a user name or a password.');
        return undefined;
    }
    if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
        return url;
    }
    problem('callback', `--callback must be https, or http to this machine (${PLAIN_HTTP_RULE}): the code would otherwise cross the network in clear text; got ${(0,input_limits/* quoteValue */.cl)(text)}.`);
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
    terminal.wording = (0,wording/* cliWording */.F)(token.source);
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
        // Ctrl-C stops at once, as before, but says so in the one failure shape: mostly it comes
        // while the command waits for the consent, when nothing is at stake.
        const interrupted = () => {
            (0,failure/* reportFailure */.xV)(terminal, {
                said: 'Interrupted (Ctrl-C): nothing more is sent.',
                state: `A refresh token this command received and had not stored yet is lost with it; the secret${plan.store ? ` ${plan.store.secretName}` : ''} keeps what it held.`,
                next: `Run \`${options/* TOOL */.js} authorize\` again when you are ready: each consent issues a new refresh token.`,
            });
            process.exit(exit_codes/* EXIT */.dc.INTERRUPTED);
        };
        process.once('SIGINT', interrupted);
        try {
            return await consentAndStore(plan, context);
        }
        finally {
            process.off('SIGINT', interrupted);
        }
    },
};
/** Steps 2 to 6, once every flag is known to be right. */
async function consentAndStore(plan, context) {
    const { terminal, deps } = context;
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
    }, (0,cli_context/* httpOptions */.$3)(context), terminal.secrets, (0,cli_context/* retryOptions */.tO)(context, 'Token endpoint', 30_000));
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
    const unrecorded = plan.consentVariable && github?.variables
        ? await recordConsent(plan.consentVariable, github.variables, consentedAt, context)
        : undefined;
    await showSites(plan, tokens, context);
    const status = consentStatus(consentedAt, consentedAt);
    terminal.say(`Consent given on ${consentedAt.toISOString().slice(0, 10)}: every token of it dies on ${status.reconsentBy.toISOString().slice(0, 10)} (365 days), however often it is refreshed. Run \`${options/* TOOL */.js} authorize\` again before then.`);
    if (plan.store && !plan.consentVariable) {
        terminal.say('Tip: --record-consent-variable ATLASSIAN_CONSENTED_AT keeps that date in a repository variable, so the action (consented-at: ${{ vars.ATLASSIAN_CONSENTED_AT }}) warns 30 days before.');
    }
    // The one failure left comes last, where it is seen.
    if (unrecorded === undefined)
        return exit_codes/* EXIT */.dc.OK;
    (0,failure/* reportFailure */.xV)(terminal, unrecorded);
    return exit_codes/* EXIT */.dc.GITHUB;
}
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
        return await within(listener.received, plan.timeoutMs, deps.clock, () => new exit_codes/* CliError */.z1(exit_codes/* EXIT */.dc.AUTHORIZATION, `No answer reached ${plan.callback.origin}${plan.callback.pathname} within ${plan.timeoutMs / 1000} s.`, 'Run authorize again and accept in the browser that opens (or open the printed address yourself). If the browser runs on another machine than this shell, add --paste and paste the address it lands on. The callback URL must be the one registered for the app.'));
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
    terminal.promptOpen = true;
    try {
        const line = await within(reader.line, plan.timeoutMs, deps.clock, () => new exit_codes/* CliError */.z1(exit_codes/* EXIT */.dc.AUTHORIZATION, `No address was pasted within ${plan.timeoutMs / 1000} s.`, 'Run authorize again (--timeout gives more time).'));
        if (line === undefined || line === '') {
            throw new exit_codes/* CliError */.z1(exit_codes/* EXIT */.dc.AUTHORIZATION, 'Standard input ended before an address was pasted.', 'Run authorize again in a terminal, and paste the address when asked.');
        }
        // The line read ended the prompt's line.
        terminal.promptOpen = false;
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
    const { terminal, deps } = context;
    const { publicKey, organization } = github;
    // A fresh budget for each request: the one of the checks before the consent may have run out
    // while the person consented, and a wait for the lock may outlast any one budget.
    const fresh = () => ({ ...github.access, retry: (0,cli_context/* retryOptions */.tO)(context, 'GitHub') });
    let access = fresh();
    // Sealed before anything else: until the write, the new token exists only in this process.
    let sealed = {
        keyId: publicKey.keyId,
        encryptedValue: await sealForGitHub(tokens.refreshToken, publicKey.key),
    };
    const storeCommand = () => recoveryCommand({
        githubApiUrl: plan.githubApiUrl,
        target: access.target,
        secretName,
        sealed,
        organization,
    });
    let stored;
    let held;
    try {
        if (plan.lock) {
            // A rotation in progress would write the old consent's token over this one: wait for it.
            // A look first, so that a lock held by a rotation is waited for without being written over.
            const first = await lookAtLock(fresh(), plan.lock.name);
            held = await takeLock({
                store: fresh,
                target: access.target,
                secretName,
                githubApiUrl: plan.githubApiUrl,
                request: plan.lock,
                heldMeans: `so this command did not write the new token over ${secretName}, where the rotation would have written the old consent's token over it`,
                whileWaiting: `Meanwhile the new refresh token exists only here: if this command is stopped, store its sealed copy (only GitHub can open it) once the lock is gone, with GitHub CLI: ${ghTokenAdvice(plan.githubApiUrl)}; then run:\n  ${storeCommand()}`,
                publicKey,
                clock: deps.clock,
                random: deps.random,
                signal: new AbortController().signal,
                info: (message) => {
                    terminal.say(message);
                },
                notice: (message) => {
                    terminal.warn(message);
                },
                // authorize presents no refresh token: breaking an abandoned lock cannot revoke a consent.
                readSecret: undefined,
            }, first);
            // Under the lock, every retry ends within LOCK_HOLD_MS of taking it.
            const heldUntil = held.takenAt + LOCK_HOLD_MS;
            access = fresh();
            access = {
                ...access,
                retry: { ...access.retry, deadline: Math.min(access.retry.deadline, heldUntil) },
            };
        }
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
        // Stored by hand while the rotation still holds the lock, the token could be written over.
        const heldLock = plan.lock &&
            error instanceof errors/* ActionError */.lZ &&
            (error.code === 'LOCK_HELD' || error.code === 'LOCK_ABANDONED')
            ? secretCommand(plan.githubApiUrl, access.target, plan.lock.name)
            : undefined;
        throw new exit_codes/* CliError */.z1(exit_codes/* EXIT */.dc.NOT_STORED, (0,settings/* text */.Qq) `${said}\nThe new refresh token was NOT stored in ${where}.`, `Store its sealed copy (only GitHub can open it, so it is safe to show) with GitHub CLI and a token that may write the secret: ${ghTokenAdvice(plan.githubApiUrl)}; then${heldLock ? `, once the rotation holding the lock has ended (the lock is gone when \`${heldLock}\` answers 404)` : ''}, run:\n  ${storeCommand()}\nor run authorize again.`, { cause: error });
    }
    finally {
        if (held) {
            const released = await releaseLock(fresh(), held, deps.clock);
            if (!released.released) {
                terminal.warn(lockLeftWarning(held, released.reason, access.target, plan.githubApiUrl));
            }
        }
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
        return undefined;
    }
    catch (error) {
        return {
            said: (0,settings/* text */.Qq) `${(0,errors/* saidOf */.Jo)(error)}\nThe consent date ${date} was not recorded in the variable ${variable.name} of ${owner}/${repo}.`,
            state: 'The refresh token is stored: only the consent date is missing.',
            next: `Set the variable by hand with GitHub CLI:\n  gh variable set ${variable.name} --body ${date} --repo ${owner}/${repo}`,
        };
    }
}
async function showSites(plan, tokens, context) {
    const { terminal } = context;
    if (tokens.accessToken === undefined) {
        terminal.warn(`Not listing the sites the token reaches: the token endpoint's answer held no usable access token to ask with. The refresh token is fine; \`${options/* TOOL */.js} sites\` lists them later.`);
        return;
    }
    try {
        const sites = await listSites(plan.atlassianApiUrl, tokens.accessToken, (0,cli_context/* httpOptions */.$3)(context), terminal.secrets, (0,cli_context/* retryOptions */.tO)(context, 'Sites', 30_000));
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

// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(6752);
;// CONCATENATED MODULE: ./src/common/dispatcher.ts
/**
 * The connections of one run (or one command): undici's `Agent` (a keep-alive pool per origin), or
 * undici's `EnvHttpProxyAgent` when the runner names a proxy. One per run, closed at its end, so
 * the few requests of a rotation reuse their connections and none outlives it.
 *
 * The proxy variables are those of the runner's own toolkit (@actions/http-client): HTTPS_PROXY /
 * https_proxy for https, NO_PROXY / no_proxy, loopback hosts always direct. They are read from the
 * environment the run is given (never `process.env`, so tests give their own) and handed to the
 * agent spelled so that it applies the toolkit's rules (see `proxyOptions`).
 */

/**
 * The runner's proxy rules, in EnvHttpProxyAgent's terms:
 * - only HTTPS_PROXY counts: plain http is used for loopback hosts alone (the inputs refuse it
 *   elsewhere), which never go through a proxy; so no request of a run may use HTTP_PROXY, and a
 *   client secret can never reach a proxy in clear text;
 * - a bare NO_PROXY name exempts its subdomains too (the toolkit's rule; the agent needs `.name`
 *   for that), and loopback hosts are always exempt;
 * - a proxy named without a scheme ("proxy.example:3128") is a plain-http proxy, as the toolkit
 *   and curl read it;
 * - a proxy user without a password (a token) is sent as Basic `TOKEN:`, as curl does (undici
 *   sends credentials only for user:password).
 */
function proxyOptions(env) {
    const named = env['https_proxy'] || env['HTTPS_PROXY'];
    if (!named)
        return undefined;
    const proxy = URL.parse(named);
    const httpsProxy = proxy?.protocol === 'http:' || proxy?.protocol === 'https:' ? named : `http://${named}`;
    const noProxy = (env['no_proxy'] || env['NO_PROXY'] || '')
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry !== '')
        .flatMap((entry) => (entry === '*' || /^[.*]/.test(entry) ? [entry] : [entry, `.${entry}`]));
    const { username, password } = URL.parse(httpsProxy) ?? { username: '', password: '' };
    return {
        httpsProxy,
        httpProxy: '',
        noProxy: [...noProxy, ...LOOPBACK].join(','),
        ...(username !== '' &&
            password === '' && {
            token: `Basic ${Buffer.from(`${decodeURIComponent(username)}:`).toString('base64')}`,
        }),
    };
}
/**
 * Hosts a proxy cannot reach: this machine's own, as they are written. (NO_PROXY cannot name all of
 * 127.0.0.0/8; https to another of its addresses goes to the proxy, and fails there, in TLS.)
 */
const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];
function runDispatcher(env, hooks = {}) {
    const proxy = proxyOptions(env);
    const agent = proxy === undefined ? new undici/* Agent */.g6() : withoutExperimentalWarning(proxy);
    const { onRequestSent } = hooks;
    if (!onRequestSent)
        return agent;
    // Requests dispatched and not yet written in full, failed or answered.
    let unsent = 0;
    return agent.compose((dispatch) => (options, handler) => {
        unsent++;
        let counted = true;
        const settle = () => {
            if (counted) {
                counted = false;
                unsent--;
            }
            return unsent;
        };
        notifySent(handler, settle, onRequestSent);
        return dispatch(options, handler);
    });
}
/**
 * undici 6 prints "EnvHttpProxyAgent is experimental" on stderr when the first one is made: in
 * every run behind a proxy, a warning about undici's API that no user can act on. That one
 * warning is held back; every other warning reaches the listeners as before.
 */
function withoutExperimentalWarning(options) {
    const listeners = process.listeners('warning');
    process.removeAllListeners('warning');
    const forward = (warning) => {
        if (warning.code === 'UNDICI-EHPA')
            return;
        for (const listener of listeners)
            listener(warning);
    };
    process.on('warning', forward);
    try {
        return new undici/* EnvHttpProxyAgent */.J2(options);
    }
    finally {
        // Warnings are emitted on the next tick: restore the listeners after that.
        process.nextTick(() => {
            process.off('warning', forward);
            for (const listener of listeners)
                process.on('warning', listener);
        });
    }
}
/**
 * undici calls a handler's `onRequestSent` once the whole request is written (it is missing from
 * the handler's type); a request that fails, or is answered, before that never calls it and only
 * stops being counted. The handler keeps its own `this`, which fetch's handler relies on.
 */
function notifySent(handler, settle, notify) {
    const sendable = handler;
    const previous = sendable.onRequestSent;
    sendable.onRequestSent = function () {
        const unsent = settle();
        // undici aborts the request when this throws: a hook's failure must not cost the request.
        try {
            notify(unsent);
        }
        catch {
            // Nothing to do: the hook only starts work that can also start later.
        }
        previous?.call(this);
    };
    const onError = sendable.onError;
    if (onError) {
        sendable.onError = function (error) {
            settle();
            onError.call(this, error);
        };
    }
    const onHeaders = sendable.onHeaders;
    if (onHeaders) {
        sendable.onHeaders = function (...args) {
            settle();
            return onHeaders.apply(this, args);
        };
    }
}

;// CONCATENATED MODULE: ./src/common/network.ts

function openNetwork(options) {
    const dispatcher = runDispatcher(options.env, {
        ...(options.onRequestSent && { onRequestSent: options.onRequestSent }),
    });
    return {
        dispatcher,
        onExchange: options.onExchange,
        close: () => dispatcher.destroy(),
    };
}
/** "POST /oauth/token: HTTP 200 in 84 ms", "GET /repos/o/r/…: ECONNRESET after 12 ms". */
function describeExchange(exchange) {
    const { method, path, status, failure, ms } = exchange;
    if (failure === undefined)
        return `${method} ${path}: HTTP ${status ?? '?'} in ${ms} ms`;
    const answered = status === undefined ? '' : `HTTP ${status}, `;
    return `${method} ${path}: ${answered}${failure} after ${ms} ms`;
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
        outputs.push(['cloud-id', outcome.site.site.id], ['api-base-url', outcome.site.apiBaseUrl], ['confluence-api-base-url', outcome.site.apiBaseUrl], ['jira-api-base-url', outcome.site.jiraApiBaseUrl]);
    }
    if (outcome.consent)
        outputs.push(['reconsent-by', outcome.consent.reconsentBy.toISOString()]);
    if (outcome.health)
        outputs.push(...healthOutputs(outcome.health));
    if (outcome.recovery) {
        outputs.push(['recovery-encrypted-value', outcome.recovery.sealed.encryptedValue], ['recovery-key-id', outcome.recovery.sealed.keyId]);
    }
    return outputs;
}
const iso = (date) => date?.toISOString() ?? '';
const count = (days) => (days === undefined ? '' : String(days));
/** The health outputs (../health/health.ts), every one set (empty where its date is unknown). */
function healthOutputs(health) {
    const { figures } = health;
    return [
        ['health', health.verdict],
        ['last-rotated-at', iso(figures.lastRotatedAt)],
        ['days-since-last-rotation', count(figures.daysSinceLastRotation)],
        ['refresh-token-expires-at', iso(figures.refreshTokenExpiresAt)],
        ['refresh-token-days-left', count(figures.daysUntilRefreshTokenExpiry)],
        ['reconsent-days-left', count(figures.daysUntilReconsent)],
    ];
}

;// CONCATENATED MODULE: ./src/rotation/health-report.ts
/**
 * The health figures of a rotation (../health/health.ts) as its doors report them: the warnings
 * said before the token is spent.
 */

/** Annotation titles: no ':' or ',' (GitHub cuts a title there). */
const TITLES = {
    'rotation-overdue': 'Rotation overdue',
    'refresh-token-expiry-near': 'Refresh token expires soon',
    'refresh-token-expired': 'Refresh token likely expired',
};
/**
 * The warnings to say before spending, gravest first. The consent's own warning is said by the
 * rotation from `consented-at` alone (./consent.ts), even when GitHub cannot be read; an unknown
 * last write is the stale-token guard's to explain.
 */
function healthWarnings(health) {
    return health.reasons.flatMap((reason) => {
        const title = TITLES[reason.code];
        if (title === undefined)
            return [];
        const tried = reason.code === 'refresh-token-expired'
            ? ' The refresh is sent all the same: it is the only proof, and a dead token has nothing to lose.'
            : '';
        return [[(0,settings/* text */.Qq) `${reason.said}${tried} Next step: ${reason.next}`, title]];
    });
}

// EXTERNAL MODULE: ./src/github/client.ts
var client = __webpack_require__(6584);
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
                ? (0,settings/* text */.Qq) `${received} ${sent} and the answer has not come yet. If Atlassian processes it, the stored token becomes the previous one, still accepted until ${until} (the 10-minute leeway): ${settings/* rerun */.nt} before then. If the answer arrives before the runner stops this step, the new token is sealed and printed first, then stored.`
                : (0,settings/* text */.Qq) `${received} No new attempt of the refresh starts. ${sent} without a usable answer: if Atlassian rotated it, the stored token is still accepted until ${until} (the 10-minute leeway): ${settings/* rerun */.nt} before then.`;
        }
        case 'rotated-not-stored':
            return `${received} The new refresh token is being stored in ${where}; its sealed copy ${custody.recovery ? 'is in' : 'is about to be printed in'} the "Recovery value" group${custody.recovery ? ' above' : ''}. If this step ends before the write, store that value with the command shown there before ${leewayEndsAt ? utc(leewayEndsAt) : 'the leeway ends'}.`;
        case 'stored':
        case 'overlapped':
        case 'rejected':
        case 'in-doubt':
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
            (0,settings/* text */.Qq) `${settings/* rerun */.nt}${leeway}, while Atlassian still accepts the stored token.`,
        ],
        rejected: [
            (0,settings/* text */.Qq) `after Atlassian refused the refresh token: ${cause instanceof errors/* ActionError */.lZ ? cause.said : cause instanceof Error ? cause.message : ''}`,
            cause instanceof errors/* ActionError */.lZ ? cause.next : 'Consent again in a browser.',
        ],
        'rotated-not-stored': [
            'after Atlassian issued a new refresh token and before it was stored.',
            `Store the recovery value below with the command shown${leeway}.`,
        ],
        'in-doubt': [
            'before anything was sent, while a rotation that was killed may have spent the stored token.',
            'Settle the abandoned lock as the error above says before anything rotates the token.',
        ],
        stored: [
            'after the new refresh token was stored; what came after it was skipped.',
            (0,settings/* text */.Qq) `Nothing to do for the token. ${settings/* rerun */.nt} if a later step needed the access token.`,
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
        debug: safely((message) => events.debug(message)),
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
 *      then the lock next to the secret (./rotation-lock.ts), so that no two rotations spend at
 *      once: after a wait for it, the secret is read again and the guard judges again;
 *   3. spend the refresh token: the refresh grant, retried inside the retry budget, which ends well
 *      within Atlassian's 10-minute leeway; never started once the job is being cancelled;
 *   4. secure the new token: seal it, hand the sealed copy to the door, write it;  (token safe)
 *      nothing optional runs between the answer and the write;
 *   5. check the write for another writer; then what needs the new tokens: the access-token secret
 *      and the site's cloud id (skipped when cancelled); the lock is released alongside.
 *
 * Where the token is at every moment is recorded in a {@link TokenCustody}, so whatever stops the
 * rotation (an error, a signal) reports it exactly. Outputs, summaries and exit status belong to
 * the door (../action/main.ts, ../cli/refresh.ts): the rotation only returns its outcome.
 */























/**
 * Under the lock, the refresh's retries end this long before the hold does: time for the write
 * (a request and a retry) to secure the new token while the lock is certainly still this run's.
 */
const WRITE_RESERVE_MS = 90_000;
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
    // Loading the sealing code (the largest part of the action, compiled synchronously) starts once
    // every request of the preflight is on the wire, so that it overlaps the wait for their answers
    // instead of delaying the first request or holding back the others' writes. setImmediate: after
    // the write that finished them.
    const network = openNetwork({
        env: deps.env,
        onExchange: (exchange) => {
            say.debug(describeExchange(exchange));
        },
        onRequestSent: (unsent) => {
            if (unsent === 0)
                setImmediate(prepareSealing);
        },
    });
    // Everything done under the lock ends within LOCK_HOLD_MS of taking it: by that rule another
    // rotation tells an abandoned lock by its age (./rotation-lock.ts).
    let held;
    let releasing;
    let lock;
    const heldUntil = () => held && releasing === undefined ? held.takenAt + LOCK_HOLD_MS : Number.POSITIVE_INFINITY;
    const retryFor = (what, securing = false) => ({
        clock,
        deadline: Math.min(clock.now() + request.retryBudgetMs, heldUntil()),
        random: deps.random,
        ...common_retry/* DEFAULT_BACKOFF */.VU,
        signal: cancellation.signal,
        securing,
        onRetry: ({ attempt, reason, delayMs, doing }) => {
            say.info(`${what}: attempt ${attempt}${doing ? ` to ${doing}` : ''} failed (${reason}); trying again in ${(delayMs / 1000).toFixed(1)} s.`);
        },
    });
    const http = {
        network,
        timeoutMs: deps.requestTimeoutMs,
        maxBodyBytes: MAX_ANSWER_BYTES,
    };
    const githubClient = (token) => (0,client/* createGitHubClient */.L)({
        token,
        baseUrl: request.githubApiUrl,
        network,
        timeoutMs: deps.requestTimeoutMs,
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
        // Counted on the clock of the health figures, so that both say the same days left.
        consent: request.consentedAt && lastSeen
            ? consentStatus(request.consentedAt, new Date(clock.now() + lastSeen.skewMs))
            : consent,
        plan: undefined,
        lock,
        health: healthNow(tokenState),
        ...rest,
    });
    let staleTokenCheck;
    // The secret as last read before spending, on GitHub's clock (its Date header): the health
    // figures count from its updated_at, on the clock that wrote it.
    let lastSeen;
    const healthNow = (tokenState) => {
        if (lastSeen === undefined)
            return undefined;
        const healthAt = new Date(clock.now() + lastSeen.skewMs);
        // A new refresh token the secret does not hold leaves the secret's token superseded: the
        // integration is at risk until someone stores the new one, and its 90 days do not restart.
        const unstored = tokenState === 'rotated-not-stored' || tokenState === 'overlapped';
        try {
            return assessHealth({
                now: healthAt,
                lastWrite: lastSeen.updatedAt,
                consentedAt: request.consentedAt,
                // An answer to the refresh whose token is settled (stored, or none issued) proves the
                // token was used in this run: Atlassian's 90 days restart. Counted from now, seconds after
                // the refresh, so that they read as 90 days.
                rotatedAt: custody.answer !== undefined && !unstored ? healthAt : undefined,
                unstored: unstored ? { acceptedUntil: custody.leewayEndsAt } : undefined,
                secretName: request.secretName,
            });
        }
        catch {
            // The health figures are a report; nothing they could throw may keep the outcome from
            // being returned (and its recovery value from being shown).
            return undefined;
        }
    };
    const noteSecret = (checked) => {
        const { metadata } = checked;
        lastSeen = {
            updatedAt: metadata?.updatedAt,
            skewMs: metadata?.serverNow ? metadata.serverNow.getTime() - checked.checkedAt.getTime() : 0,
        };
    };
    try {
        // 1. Preflight, in one round of parallel reads: nothing here may cost the refresh token.
        const first = await checkBeforeSpending();
        noteSecret(first);
        // Before anything is spent: a token past its 90 days is still tried (a refresh is the only
        // proof, and a dead token has nothing to lose), but the log says first what to expect.
        const before = healthNow();
        if (before)
            for (const [message, title] of healthWarnings(before))
                say.warning(message, title);
        // 2. The stale-token guard: a superseded token is never presented; a dry run stops here.
        //    Then the lock: no other rotation spends while this one does.
        const stopped = stopBeforeSpending(first);
        if (stopped)
            return stopped;
        const turn = await takeTurn(first);
        if ('kind' in turn)
            return turn;
        const checked = turn;
        // 3. Spend the refresh token; never started once the job is being cancelled.
        const tokens = await spend();
        // 4. Secure the new token before anything else: seal, hand the sealed copy over, write.
        const { stored, writtenAt } = await secure(tokens, checked);
        // The write has finished: the lock goes, alongside what follows.
        release();
        // 5. The token is settled: now the rest may speak and may fail.
        return await settle(tokens, checked, stored, writtenAt);
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
        // Every path that ends the run releases the lock, once whatever it wrote has finished.
        release();
        await releasing;
        cancellation.stop();
        await network.close();
    }
    /** Starts releasing the lock, once; a lock that cannot be released is a warning, never a failure. */
    function release() {
        if (held === undefined || releasing !== undefined)
            return;
        const lockHeld = held;
        // Never held back by the job's cancellation: a cancelled run releases its lock all the same.
        const retry = { ...retryFor('Lock'), signal: new AbortController().signal };
        releasing = releaseLock(store(retry), lockHeld, clock).then((result) => {
            if (!result.released) {
                say.warning(lockLeftWarning(lockHeld, result.reason, target, request.githubApiUrl), 'Lock not released');
            }
        });
    }
    /**
     * Takes the lock. When another rotation held it (or took it first), that rotation may have
     * rewritten the secret meanwhile: the secret is read again and the guard judges again before
     * anything is spent.
     */
    async function takeTurn(checked) {
        if (request.lock === undefined) {
            lock = { state: 'off' };
            return checked;
        }
        const firstLook = checked.lock?.status === 'fulfilled' ? checked.lock.value : { held: false };
        // The secret's state when another rotation may have held the lock: for an abandoned lock, did
        // its holder write after taking it?
        const readSecret = () => fetchSecretMetadata(store(retryFor('Lock')), request.secretName);
        held = await takeLock({
            store: () => store(retryFor('Lock')),
            target,
            secretName: request.secretName,
            githubApiUrl: request.githubApiUrl,
            request: request.lock,
            publicKey: checked.publicKey,
            clock,
            random: deps.random,
            signal: cancellation.signal,
            info: (message) => {
                say.info(message);
            },
            notice: (message, title) => {
                say.notice(message, title);
            },
            readSecret,
        }, firstLook);
        lock = { state: 'taken', name: held.name, waitedMs: held.waitedMs, broke: held.broke?.since };
        // Unless the first look saw it free and this run's write created it, another rotation may
        // have held it meanwhile.
        if (!held.contended && checked.lock?.status === 'fulfilled')
            return checked;
        say.info((0,settings/* text */.Qq) `Took the lock: ${describeLock(lock)}. Reading ${request.secretName} again before sending anything.`);
        const [metadata] = await Promise.allSettled([readSecret()]);
        // Another rotation may just have rotated the token: without the secret's state, stop.
        if (metadata.status === 'rejected')
            throw metadata.reason;
        const again = {
            ...checked,
            metadata: metadata.value,
            judgement: judgeAfterWait(checked.metadata, metadata.value, checked.checkedAt, held.waitedFor, () => checked.judgeAgain(metadata)),
            checkedAt: now(),
        };
        noteSecret(again);
        return stopBeforeSpending(again, true) ?? again;
    }
    async function checkBeforeSpending() {
        const checked = await preflight(request, {
            store: store(retryFor('Preflight')),
            run: runSource(request, deps.env, githubClient),
            now,
            tokenHeldSince: deps.tokenHeldSince,
            // A dry run looks at the lock too, to say whether a real run would find it free.
            lockName: request.lock?.name,
        });
        say.info(`The GitHub token can read the secrets public key of ${target.description} (key_id ${checked.publicKey.keyId}).`);
        return { ...checked, checkedAt: now() };
    }
    function stopBeforeSpending(checked, again = false) {
        const { judgement } = checked;
        staleTokenCheck = describeJudgement(judgement);
        // Said once: a second judgement after a wait for the lock has the same gap.
        if (judgement.kind === 'unknown' && !again) {
            say.warning(unknownWarning(request.secretName, judgement.reason), 'Stale-token check incomplete');
        }
        if (request.dryRun) {
            lock = reportFirstLook(request.lock?.name ?? '', request.lock && checked.lock, checked.metadata?.updatedAt);
            const plan = dryRunPlan(request, checked, judgement, consent, lock);
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
        return undefined;
    }
    /** The signal is checked here and at the start of every attempt. */
    async function spend() {
        if (cancellation.requested())
            throw new Error('cancelled before the refresh grant');
        const budget = retryFor('Refresh');
        const refreshRetry = {
            ...budget,
            // Under the lock, the refresh leaves the write its time inside the hold; after breaking the
            // lock of a holder that may have refreshed, it ends inside that refresh's leeway.
            deadline: Math.min(budget.deadline, held ? held.takenAt + LOCK_HOLD_MS - WRITE_RESERVE_MS : Number.POSITIVE_INFINITY, held?.broke?.refreshBy ?? Number.POSITIVE_INFINITY),
            onAttempt: () => {
                custody.grantSending(now());
            },
        };
        // A first attempt always starts, whatever the deadline: past it, the write that must follow
        // would have no time left under the lock (a slow look at the secret after a wait). Not sent.
        if (held && refreshRetry.deadline <= clock.now())
            throw lockTimeUpError(held, request.secretName);
        const announceRetry = refreshRetry.onRetry;
        refreshRetry.onRetry = (info) => {
            custody.grantSettled();
            announceRetry?.(info);
        };
        try {
            return await refreshGrant({
                tokenUrl: request.tokenUrl,
                clientId: request.clientId,
                clientSecret: request.clientSecret,
                refreshToken: request.refreshToken,
            }, http, deps.secrets, refreshRetry);
        }
        finally {
            custody.grantSettled();
        }
    }
    async function secure(tokens, checked) {
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
                checkedAt: checked.checkedAt,
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
        return { stored, writtenAt };
    }
    async function settle(tokens, checked, stored, writtenAt) {
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
            // Once the lock is released, a retried look could see the next holder's write and take it
            // for an overlap: one attempt.
            checkStore: () => {
                const access = store(retryFor('After the write'));
                return held ? { ...access, retry: { ...access.retry, maxAttempts: 1 } } : access;
            },
            findSite: (accessToken, siteUrl) => findSite(request.atlassianApiUrl, accessToken, siteUrl, http, deps.secrets, retryFor('Sites')),
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
/** The hold on the lock ran out before the refresh could start. */
function lockTimeUpError(held, secretName) {
    return new errors/* ActionError */.lZ('LOCK_TIME_UP', `This run's time under the lock ${held.name} ran out before it could send its refresh (GitHub answered too slowly meanwhile): a rotation keeps the lock at most ${LOCK_HOLD_MS / 60_000} minutes, and the refresh must leave the write time inside them. Nothing was sent to Atlassian: the refresh token in ${secretName} is unchanged.`, 'unchanged', (0,settings/* text */.Qq) `${settings/* rerun */.nt}; if GitHub stays slow, see https://www.githubstatus.com first.`);
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
            ? checkWrite(step.checkStore(), request.secretName, stored.seenBefore, stored, step.writtenAt)
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
function dryRunPlan(request, checked, judgement, consent, lock) {
    return {
        tokenUrl: request.tokenUrl,
        staleTokenCheck: judgement.kind === 'superseded'
            ? (0,settings/* text */.Qq) `${describeJudgement(judgement)}: a real run would stop without sending the token (another rotation got there first)`
            : describeJudgement(judgement),
        organization: checked.organization,
        accessTokenSecret: request.accessTokenSecretName,
        siteUrl: request.siteUrl,
        consent,
        lock: describeLock(lock),
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
    return new errors/* ActionError */.lZ('UNEXPECTED', `Unexpected failure: ${secrets ? secrets.scrub(detail) : detail}`, tokenState, (0,settings/* text */.Qq) `${settings/* rerun */.nt} (within the time given above, if one is given); if it fails the same way, open an issue with this log.`, { cause: error });
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
    ...LOCK_FLAGS,
    ...ENDPOINT_FLAGS,
    {
        name: 'show-tokens',
        kind: 'boolean',
        env: false,
        description: 'Also print the new access and refresh tokens (outputs access-token and refresh-token). They are secrets.',
    },
    {
        name: 'verbose',
        kind: 'boolean',
        description: 'Also print one line per HTTP request: method, path, status and time (never a body or a query).',
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
/** A rotation's outcomes (./exit-codes.ts); no consent, so never EXIT.AUTHORIZATION. */
const ROTATION_EXIT_CODES = [
    exit_codes/* EXIT */.dc.OK,
    exit_codes/* EXIT */.dc.UNEXPECTED,
    exit_codes/* EXIT */.dc.USAGE,
    exit_codes/* EXIT */.dc.ATLASSIAN,
    exit_codes/* EXIT */.dc.GITHUB,
    exit_codes/* EXIT */.dc.NOT_STORED,
    exit_codes/* EXIT */.dc.SUPERSEDED,
    exit_codes/* EXIT */.dc.LOCK_HELD,
    exit_codes/* EXIT */.dc.INTERRUPTED,
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
        `ATLASSIAN_REFRESH_TOKEN=… ${options/* TOOL */.js} refresh --client-id "$CLIENT_ID" --repository octo-org/confluence-sync --secret-name ATLASSIAN_REFRESH_TOKEN --token-obtained-at 2026-12-01T10:00:00Z`,
        `${options/* TOOL */.js} refresh --client-id "$CLIENT_ID" --repository octo-org/confluence-sync --secret-name ATLASSIAN_REFRESH_TOKEN --dry-run`,
    ],
    exitCodes: ROTATION_EXIT_CODES,
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
        flags.string('client-id') ? undefined : "--client-id is required: the OAuth app's client ID.",
        clientSecret ? undefined : "ATLASSIAN_CLIENT_SECRET is not set: the OAuth app's secret.",
        refreshToken
            ? undefined
            : 'ATLASSIAN_REFRESH_TOKEN is not set: the refresh token the secret holds now.',
        flags.string('secret-name')
            ? undefined
            : '--secret-name is required: the secret that receives the new refresh token.',
    ].filter((line) => line !== undefined);
    if (missing.length > 0) {
        throw new exit_codes/* CliError */.z1(exit_codes/* EXIT */.dc.USAGE, (0,options/* listProblems */.vz)(missing), `Secrets come from the environment only (e.g. \`read -rs ATLASSIAN_REFRESH_TOKEN && export ATLASSIAN_REFRESH_TOKEN\`). Run \`${options/* TOOL */.js} ${context.command} --help\` for the options. Nothing was sent.`);
    }
    const tokenHeldSince = readObtainedAt(flags.string('token-obtained-at'), deps.clock.now());
    const githubApiUrl = gitHubApiUrl(flags, env);
    let githubToken = '';
    if (URL.canParse(githubApiUrl)) {
        const found = await findGitHubToken(env, githubApiUrl, 'the permission "Secrets: Read and write" on the target', deps.ghAuthToken);
        githubToken = found.token;
        terminal.secrets.add(githubToken);
        terminal.wording = (0,wording/* cliWording */.F)(found.source);
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
            // A terminal has no workflow token, and no other jobs to hand an access token to.
            case 'workflow-token':
            case 'handoff-key':
                return '';
            // A terminal has no later step to let pass: a superseded token is exit code 7.
            case 'on-superseded':
                return 'fail';
            // A terminal runs no workflow whose schedule could be kept alive.
            case 'keep-schedule-alive':
                return 'false';
            case 'github-api-url':
                return githubApiUrl;
            case 'dry-run':
                return String(flags.boolean('dry-run'));
            case 'lock':
                return String(!flags.boolean('no-lock'));
            default:
                return flags.string(name)?.trim() ?? '';
        }
    };
    const read = readSettings(setting, env);
    if (!read.ok) {
        throw new exit_codes/* CliError */.z1(exit_codes/* EXIT */.dc.USAGE, (0,options/* listProblems */.vz)(read.problems.map((problem) => problem.message)), `Run \`${options/* TOOL */.js} ${context.command} --help\` for the options. Nothing was sent.`);
    }
    const cancel = { interrupted: false };
    const outcome = await rotate(read.request, {
        env,
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
                    (0,failure/* reportFailure */.xV)(terminal, {
                        said: 'Stopped at once by a second Ctrl-C: a new refresh token in flight, if any, is lost.',
                        state: 'If the refresh was sent, Atlassian may have rotated the refresh token given; it still accepts that token for 10 minutes after the refresh (its leeway).',
                        next: `Run \`${options/* TOOL */.js} ${context.command}\` again within 10 minutes, with the same ATLASSIAN_REFRESH_TOKEN. If Atlassian answers invalid_grant, consent again with \`${options/* TOOL */.js} authorize\`.`,
                    });
                    process.exit(exit_codes/* EXIT */.dc.INTERRUPTED);
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
    }, terminalEvents(terminal, flags.boolean('verbose')));
    const outputs = new Map(outcomeOutputs(outcome));
    reportOutcome(terminal, outcome, deps.clock.now());
    const [failed] = outcome.problems;
    let exitCode = exit_codes/* EXIT */.dc.OK;
    if (failed !== undefined) {
        const unsettled = outcome.tokenState === 'rotated-not-stored' || outcome.tokenState === 'overlapped';
        // A token that needs storing by hand says so first, interrupted or not.
        exitCode = unsettled
            ? exit_codes/* EXIT */.dc.NOT_STORED
            : cancel.interrupted
                ? exit_codes/* EXIT */.dc.INTERRUPTED
                : (0,exit_codes/* exitCodeOf */.FO)(failed);
    }
    return { exitCode, outputs, interrupted: cancel.interrupted };
}
/** The rotation's progress on the terminal; the recovery value indented under its title. */
function terminalEvents(terminal, verbose) {
    return {
        debug: (message) => {
            if (verbose)
                terminal.say(message);
        },
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
    // The action's failure text (../rotation/explain.ts), in the tool's one failure shape.
    outcome.problems.forEach((failed, i) => {
        const problem = inTerminalTerms(failed);
        const recovery = i === 0 ? outcome.recovery : undefined;
        (0,failure/* reportFailure */.xV)(terminal, {
            said: problem.said,
            state: describeTokenState(problem.tokenState, outcome.context, new Date(now)),
            next: problem.next,
            after: recovery === undefined ? undefined : describeRecovery(outcome.context, recovery),
        });
    });
}
/**
 * The next step where a terminal's differs from a workflow's: a superseded token given here is a
 * stale copy (a workflow re-run would read the current secret; a terminal cannot read a secret).
 */
function inTerminalTerms(problem) {
    if (problem.code !== 'SUPERSEDED')
        return problem;
    return new errors/* ActionError */.lZ(problem.code, problem.said, problem.tokenState, 'Nothing to do for the token: the secret holds the newer one, and whatever wrote it rotates it from now on. The copy given in ATLASSIAN_REFRESH_TOKEN is superseded: discard it.', { cause: problem });
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
        ? `--token-obtained-at must be an ISO 8601 time with its zone, e.g. 2026-12-01T10:00:00Z (or a date, 2026-12-01); got ${(0,input_limits/* quoteValue */.cl)(value)}.`
        : time > now + 60_000
            ? `--token-obtained-at is in the future (${new Date(time).toISOString()}): give the time you obtained the refresh token.`
            : undefined;
    if (problem !== undefined) {
        throw new exit_codes/* CliError */.z1(exit_codes/* EXIT */.dc.USAGE, problem, `Run \`${options/* TOOL */.js} refresh --help\`. Nothing was sent.`);
    }
    return { at: new Date(time), what: 'the time given with --token-obtained-at', exact: true };
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
/**
 * `sites`: the Atlassian sites (cloud ids and addresses) a token reaches. With an access token it
 * only asks. A refresh token cannot be used without spending it, so with one it runs a whole
 * rotation first (as `refresh`, storing the new token), and lists with the access token it got.
 */










const sites_spec = {
    name: 'sites',
    summary: 'list the cloud ids and addresses of the sites a token reaches',
    usage: 'sites [--json]   (with ATLASSIAN_ACCESS_TOKEN, or ATLASSIAN_REFRESH_TOKEN and the options of refresh)',
    description: [
        "Lists the sites (cloud id, address, name) that an access token reaches, from Atlassian's accessible-resources. API calls for a site go to https://api.atlassian.com/ex/confluence/{cloud id}/wiki/… (Confluence) and https://api.atlassian.com/ex/jira/{cloud id}/rest/… (Jira), not to the site's own address.",
        'Give an access token in ATLASSIAN_ACCESS_TOKEN: nothing else is needed or changed. A refresh token (ATLASSIAN_REFRESH_TOKEN) is disabled by its first use, so with one, sites runs a whole rotation first, exactly as refresh does (same options, the new refresh token written to the secret), and lists with the new access token.',
    ],
    flags: [
        {
            name: 'json',
            kind: 'boolean',
            env: false,
            description: 'Print a JSON array of {id, name, url, apiBaseUrl, confluenceApiBaseUrl, jiraApiBaseUrl} instead of lines (apiBaseUrl is the Confluence one).',
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
        `ATLASSIAN_ACCESS_TOKEN=… ${options/* TOOL */.js} sites`,
        `${options/* TOOL */.js} sites --json --client-id "$CLIENT_ID" --repository octo-org/confluence-sync --secret-name ATLASSIAN_REFRESH_TOKEN`,
    ],
    // With an access token: 0, 2, 4 (or 1); with a refresh token, a rotation's codes too.
    exitCodes: ROTATION_EXIT_CODES,
};
const sites = {
    spec: sites_spec,
    async run(flags, context) {
        const { terminal, deps } = context;
        const problems = [];
        const apiUrl = parseEndpointUrl('atlassian-api-url', flags.string('atlassian-api-url') ?? 'https://api.atlassian.com', (_input, message) => problems.push(message));
        if (apiUrl === undefined) {
            throw new exit_codes/* CliError */.z1(exit_codes/* EXIT */.dc.USAGE, (0,options/* listProblems */.vz)(problems), `Run \`${options/* TOOL */.js} sites --help\`.`);
        }
        const atlassianApiUrl = apiUrl.href.replace(/\/+$/, '');
        let accessToken = deps.env['ATLASSIAN_ACCESS_TOKEN']?.trim() ?? '';
        const accessTokenTooLong = (0,input_limits/* tooLong */.Po)('ATLASSIAN_ACCESS_TOKEN', accessToken, input_limits/* LIMITS */.b1.accessToken, true);
        if (accessTokenTooLong !== undefined) {
            throw new exit_codes/* CliError */.z1(exit_codes/* EXIT */.dc.USAGE, accessTokenTooLong, `Run \`${options/* TOOL */.js} sites --help\`. Nothing was sent.`);
        }
        let exitCode = exit_codes/* EXIT */.dc.OK;
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
                return exitCode === exit_codes/* EXIT */.dc.OK ? exit_codes/* EXIT */.dc.INTERRUPTED : exitCode;
            if (accessToken === '' || (flags.boolean('dry-run') && exitCode === exit_codes/* EXIT */.dc.OK)) {
                return exitCode;
            }
        }
        else {
            throw new exit_codes/* CliError */.z1(exit_codes/* EXIT */.dc.USAGE, 'No token: set ATLASSIAN_ACCESS_TOKEN (an access token), or ATLASSIAN_REFRESH_TOKEN with the options of refresh.', `Run \`${options/* TOOL */.js} sites --help\`.`);
        }
        let found;
        try {
            found = await listSites(atlassianApiUrl, accessToken, (0,cli_context/* httpOptions */.$3)(context), terminal.secrets, (0,cli_context/* retryOptions */.tO)(context, 'Sites', 30_000));
        }
        catch (error) {
            // A new refresh token that still needs storing by hand outranks a site list that failed:
            // the exit code says so first, as refresh's would.
            if (exitCode === exit_codes/* EXIT */.dc.NOT_STORED) {
                (0,failure/* reportFailure */.xV)(terminal, {
                    said: (0,settings/* text */.Qq) `Could not list the sites as well: ${(0,errors/* saidOf */.Jo)(error)}`,
                    next: `Store the new refresh token first, as said above. The sites can wait: \`${options/* TOOL */.js} sites\` lists them later.`,
                });
                return exitCode;
            }
            // A refused access token is the usual cause here: say so in this command's terms.
            if (error instanceof errors/* ActionError */.lZ &&
                error.code === 'SITES_UNAVAILABLE' &&
                error.status === 401) {
                throw new exit_codes/* CliError */.z1(exit_codes/* EXIT */.dc.ATLASSIAN, `Could not list the Atlassian sites the token reaches: ${new URL(atlassianApiUrl).origin} answered HTTP 401. The access token was refused: it expired (they live about an hour), or it is not an access token.`, 'Get a fresh one (authorize --show-tokens, or refresh --show-tokens), or give a refresh token instead.');
            }
            throw error;
        }
        const rows = found.map((site) => {
            const bases = siteApiBases(atlassianApiUrl, site);
            return {
                id: site.id,
                name: site.name,
                url: site.url,
                apiBaseUrl: bases.apiBaseUrl,
                confluenceApiBaseUrl: bases.apiBaseUrl,
                jiraApiBaseUrl: bases.jiraApiBaseUrl,
            };
        });
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

// EXTERNAL MODULE: ./src/cli/suggest.ts
var suggest = __webpack_require__(7472);
;// CONCATENATED MODULE: ./src/github/workflows.ts
/**
 * Workflows through the Actions API (docs.github.com/rest/actions/workflows, /rest/actions/
 * workflow-runs): the running workflow (from GITHUB_WORKFLOW_REF) and enabling it, for the
 * action's keep-alive; a workflow's state and its recent runs, for `status`. A scheduled workflow
 * of a public repository is disabled by GitHub after 60 days without activity (docs: "Disabling
 * and enabling a workflow"), and then the rotation stops without a word.
 *
 * `PUT /repos/{owner}/{repo}/actions/workflows/{workflow_id}/enable` answers 204 and needs
 * `actions: write`; the reads need `actions: read`. Every route takes the workflow's file name in
 * place of its id.
 */




/**
 * The workflow of a run, from GITHUB_WORKFLOW_REF (`owner/repo/.github/workflows/file.yml@ref`,
 * ../shared/FACTS.md, "Workflows"); undefined when the variable is missing or not of that form.
 */
function workflowFromRef(ref) {
    const match = /^([^/@]+)\/([^/@]+)\/\.github\/workflows\/([^/@]+\.ya?ml)@/.exec(ref ?? '');
    if (!match)
        return undefined;
    const [, owner = '', repo = '', file = ''] = match;
    return { repository: { owner, repo }, file };
}
/** What the workflow's token needs to enable it, in words. */
const ENABLE_PERMISSION = '"actions: write" (add `actions: write` under `permissions:` in the workflow)';
/** Enables the workflow; enabling an enabled one is allowed and changes nothing visible. */
async function enableWorkflow(github, workflow, secrets, retry) {
    const { owner, repo } = workflow.repository;
    await callGitHub({
        github,
        route: `PUT ${restPath `/repos/${owner}/${repo}/actions/workflows/${workflow.file}/enable`}`,
        params: {},
        doing: `enable the workflow ${workflow.file} of ${owner}/${repo}`,
        subject: `workflow ${workflow.file} of ${owner}/${repo}`,
        subjectSetting: 'keep-schedule-alive',
        tokenInput: 'workflow-token',
        permission: ENABLE_PERMISSION,
        // The workflow's token is not the refresh token: nothing here touches it.
        tokenState: 'unchanged',
        secrets,
        retry,
    });
}
/** What a token needs to read workflows and their runs, in words. */
function actionsReadPermission(repository) {
    return `the repository permission "Actions: Read" on ${repository.owner}/${repository.repo} (fine-grained personal access token or GitHub App); a classic personal access token needs the "repo" scope`;
}
function workflows_call(access, route, doing, params = {}) {
    const { owner, repo } = access.repository;
    const common = {
        github: access.github,
        route,
        params,
        doing,
        subject: `the workflow in ${owner}/${repo}`,
        subjectSetting: 'workflow',
        tokenInput: 'github-token',
        permission: actionsReadPermission(access.repository),
        // Reads only: the refresh token is where it was, whatever happens here.
        tokenState: 'unchanged',
        secrets: access.secrets,
        retry: access.retry,
    };
    return errors_callGitHub(common);
}
/** A workflow by id or file name (`rotate-atlassian-token.yml`), as the API takes either. */
async function readWorkflow(access, workflow) {
    const { owner, repo } = access.repository;
    const { data } = await workflows_call(access, `GET ${rest_path_restPath `/repos/${owner}/${repo}/actions/workflows/${workflow}`}`, `read the workflow ${workflow} of ${owner}/${repo}`);
    const id = isRecord(data) ? data['id'] : undefined;
    const state = isRecord(data) ? data['state'] : undefined;
    if (typeof id !== 'number' || typeof state !== 'string') {
        throw unexpected(`the workflow ${workflow} of ${owner}/${repo}`, '{id, state, …}', data, access);
    }
    return {
        id,
        name: stringOr(data, 'name', workflow),
        path: stringOr(data, 'path', workflow),
        state,
        htmlUrl: isRecord(data) && typeof data['html_url'] === 'string' ? data['html_url'] : undefined,
    };
}
/** The workflow's latest `count` runs (1–100), newest first. */
async function listRecentRuns(access, workflow, count) {
    const { owner, repo } = access.repository;
    const { data } = await workflows_call(access, `GET ${rest_path_restPath `/repos/${owner}/${repo}/actions/workflows/${workflow.id}/runs`}`, `list the recent runs of the workflow ${workflow.path} of ${owner}/${repo}`, { per_page: count });
    const runs = isRecord(data) ? data['workflow_runs'] : undefined;
    if (!Array.isArray(runs)) {
        throw unexpected(`the runs of ${workflow.path}`, '{total_count, workflow_runs}', data, access);
    }
    const read = [];
    for (const run of runs) {
        if (!isRecord(run))
            continue;
        const createdAt = typeof run['created_at'] === 'string' ? Date.parse(run['created_at']) : NaN;
        if (typeof run['id'] !== 'number' || Number.isNaN(createdAt))
            continue;
        const conclusion = run['conclusion'];
        read.push({
            id: run['id'],
            runNumber: typeof run['run_number'] === 'number' ? run['run_number'] : undefined,
            event: stringOr(run, 'event', ''),
            status: stringOr(run, 'status', ''),
            conclusion: typeof conclusion === 'string' ? conclusion : null,
            createdAt: new Date(createdAt),
            htmlUrl: typeof run['html_url'] === 'string' ? run['html_url'] : undefined,
        });
    }
    // GitHub lists newest first; sorting again keeps that true whatever answered.
    return read.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).slice(0, count);
}
function stringOr(data, key, fallback) {
    const value = isRecord(data) ? data[key] : undefined;
    return typeof value === 'string' ? value : fallback;
}
function unexpected(what, shape, data, access) {
    return new errors/* ActionError */.lZ('GITHUB_UNEXPECTED', `GitHub's answer for ${what} is not ${shape}: ${quote(data, access.secrets)}.`, 'unchanged', (0,settings/* text */.Qq) `Check ${(0,settings/* named */.KT)('github-api-url')}: it must be the REST API base (https://api.github.com, or https://HOST/api/v3 on GitHub Enterprise Server).`);
}

;// CONCATENATED MODULE: ./src/cli/status-report.ts
/**
 * What `status` found, and its two renderings: lines for people, and a JSON document for scripts
 * whose shape is documented in the README ("The command line tool") and kept stable (`version`).
 * Pure: the report comes in, text comes out, so each rendering is tested without a network.
 */



/**
 * The tool's words, except for the action's own inputs, which the advice about a workflow names:
 * those are set in the workflow file, not on this command line.
 */
function statusWording(githubTokenSource) {
    const cli = (0,wording/* cliWording */.F)(githubTokenSource);
    return (mention) => {
        if (!('rerun' in mention) && ACTION_INPUTS.has(mention.setting)) {
            return `the action's "${mention.setting}" input`;
        }
        return cli(mention);
    };
}
const ACTION_INPUTS = new Set(['keep-schedule-alive', 'consented-at']);
/** A consent is dead or due: the authorize command is the way on. */
function needsConsent(report) {
    return (report.health.verdict === 'dead' ||
        report.health.reasons.some((reason) => reason.code === 'reconsent-near'));
}
/** The unread parts, in the order they are reported: what, and why. */
function unreadParts(report) {
    const parts = [];
    const add = (what, reading) => {
        if (reading.status === 'refused' || reading.status === 'failed') {
            parts.push({ what, unread: reading });
        }
    };
    add('secret', report.secret);
    if (report.consent.source === 'variable')
        add('consent-variable', report.consent.reading);
    if (report.workflow) {
        add('workflow', report.workflow.info);
        add('workflow-runs', report.workflow.runs);
    }
    return parts;
}
const VERDICT_WORDS = {
    healthy: 'healthy',
    'at-risk': 'at risk',
    dead: 'dead',
};
const status_report_plural = (n, unit) => `${n} ${unit}${Math.abs(n) === 1 ? '' : 's'}`;
function ago(days) {
    if (days === undefined)
        return '';
    return days === 0 ? ' (today)' : ` (${status_report_plural(days, 'day')} ago)`;
}
/** Days left until a limit, or, once it has passed, whole days since it passed. */
function left(days, limit, now) {
    if (days === undefined)
        return '';
    return limit.getTime() <= now.getTime()
        ? ` (${status_report_plural(wholeDays(limit, now), 'day')} ago)`
        : ` (${status_report_plural(days, 'day')} left)`;
}
/** The report for people: the verdict first, then each figure, each reason, each gap. */
function renderStatus(report, wording) {
    const say = (value) => (0,settings/* word */.Vm)(value, wording);
    const { health } = report;
    const figures = health.figures;
    const lines = [
        `${report.secretName} (${report.target}): ${VERDICT_WORDS[health.verdict]}${report.partial ? ' (partial: not everything could be read, see below)' : ''}`,
        '',
    ];
    const row = (label, value) => {
        lines.push(`  ${label.padEnd(16)}${value}`);
    };
    row('Last rotation', lastRotation(report, figures));
    row('Refresh token', figures.refreshTokenExpiresAt === undefined
        ? 'unknown: the 90-day limit counts from the last rotation'
        : `${figures.refreshTokenExpiresAt.getTime() <= figures.now.getTime() ? 'past its 90 days on' : 'dies unless refreshed on'} ${isoDay(figures.refreshTokenExpiresAt)}${left(figures.daysUntilRefreshTokenExpiry, figures.refreshTokenExpiresAt, figures.now)}`);
    row('Consent', consentLine(report, figures));
    row('Workflow', workflowLine(report));
    for (const run of recentRuns(report).slice(0, 5)) {
        row('', `${isoDay(run.createdAt)}  ${(run.conclusion ?? run.status).padEnd(10)} ${run.event}${run.htmlUrl ? `  ${run.htmlUrl}` : ''}`);
    }
    if (health.reasons.length > 0) {
        lines.push('', health.verdict === 'dead' ? 'Why, and what to do:' : 'Why:');
        for (const reason of health.reasons) {
            lines.push(`  - ${VERDICT_WORDS[reason.verdict]}: ${say(reason.said)}`);
            lines.push(`    Next: ${say(reason.next)}`);
        }
    }
    if (needsConsent(report)) {
        lines.push('', health.verdict === 'dead'
            ? 'To bring it back, consent again and store the new refresh token:'
            : 'To consent again before the limit, and store the new refresh token:', `  ${report.reauthorize}`, "  (CLIENT_ID: the OAuth app's client ID; CALLBACK_URL: its callback URL, exactly as registered)");
    }
    const unread = unreadParts(report);
    if (unread.length > 0) {
        lines.push('', 'Not read (the verdict rests on the rest):');
        for (const { what, unread: gap } of unread) {
            lines.push(`  - ${WHAT_WORDS[what] ?? what}: ${say(gap.said)}${gap.status === 'refused' ? ` The GitHub token needs ${gap.permission}.` : ''}`);
            if (gap.status === 'failed' && gap.next !== undefined)
                lines.push(`    Next: ${say(gap.next)}`);
        }
    }
    return lines;
}
const WHAT_WORDS = {
    secret: "the secret's last write",
    'consent-variable': 'the consent date',
    workflow: 'the workflow',
    'workflow-runs': "the workflow's runs",
};
function lastRotation(report, figures) {
    const { secret } = report;
    if (secret.status === 'read' && secret.value.updatedAt === undefined) {
        return `none: ${report.secretName} does not exist in ${report.target} (or the token cannot see it)`;
    }
    if (figures.lastRotatedAt === undefined)
        return 'unknown (not read, see below)';
    return `${isoDay(figures.lastRotatedAt)}${ago(figures.daysSinceLastRotation)}: the secret's last write`;
}
function consentLine(report, figures) {
    const { consent } = report;
    const due = figures.reconsentDueAt === undefined
        ? ''
        : `; every token of it ${figures.reconsentDueAt.getTime() <= figures.now.getTime() ? 'died' : 'dies'} on ${isoDay(figures.reconsentDueAt)}${left(figures.daysUntilReconsent, figures.reconsentDueAt, figures.now)}`;
    if (consent.source === 'flag')
        return `${isoDay(consent.date)} (--consented-at)${due}`;
    const { reading, variable } = consent;
    switch (reading.status) {
        case 'read':
            if (reading.value.value === undefined) {
                return `unknown: the variable ${variable} does not exist (authorize --record-consent-variable ${variable} records it; or give --consented-at)`;
            }
            return `${isoDay(reading.value.date ?? figures.now)} (variable ${variable})${due}`;
        case 'skipped':
            return `not checked: ${reading.why}`;
        default:
            return 'unknown (not read, see below)';
    }
}
function workflowLine(report) {
    const { workflow } = report;
    if (workflow === undefined) {
        return 'not checked (optional): name the rotation workflow with --workflow FILE.yml to check that it is enabled and its runs succeed';
    }
    switch (workflow.info.status) {
        case 'read': {
            const { path, state } = workflow.info.value;
            const runs = workflow.runs;
            const count = runs.status === 'read'
                ? runs.value.length === 0
                    ? '; no runs yet'
                    : `; latest ${status_report_plural(runs.value.length, 'run')}:`
                : '';
            return `${path}: ${state === 'active' ? 'enabled' : `not enabled (${state})`}${count}`;
        }
        case 'skipped':
            return `${workflow.name}: not checked: ${workflow.info.why}`;
        default:
            return `${workflow.name}: unknown (not read, see below)`;
    }
}
function recentRuns(report) {
    const runs = report.workflow?.runs;
    return runs?.status === 'read' ? runs.value : [];
}
function statusJson(report, wording) {
    const say = (value) => (0,settings/* word */.Vm)(value, wording);
    const { health, secret, consent, workflow } = report;
    const f = health.figures;
    const date = (value) => value?.toISOString() ?? null;
    const number = (value) => value ?? null;
    const info = workflow?.info.status === 'read' ? workflow.info.value : undefined;
    return {
        version: 1,
        verdict: health.verdict,
        partial: report.partial,
        secret: {
            name: report.secretName,
            target: report.target,
            exists: secret.status === 'read' ? secret.value.updatedAt !== undefined : null,
            lastWrittenAt: secret.status === 'read' ? date(secret.value.updatedAt) : null,
        },
        figures: {
            now: f.now.toISOString(),
            lastRotatedAt: date(f.lastRotatedAt),
            daysSinceLastRotation: number(f.daysSinceLastRotation),
            refreshTokenExpiresAt: date(f.refreshTokenExpiresAt),
            daysUntilRefreshTokenExpiry: number(f.daysUntilRefreshTokenExpiry),
            consentedAt: date(f.consentedAt),
            reconsentDueAt: date(f.reconsentDueAt),
            daysUntilReconsent: number(f.daysUntilReconsent),
        },
        consent: {
            source: consent.source,
            variable: consent.source === 'variable' ? consent.variable : null,
            date: date(f.consentedAt),
        },
        workflow: workflow === undefined
            ? null
            : {
                name: workflow.name,
                id: info?.id ?? null,
                path: info?.path ?? null,
                state: info?.state ?? null,
                runs: workflow.runs.status === 'read'
                    ? workflow.runs.value.map((run) => ({
                        id: run.id,
                        event: run.event,
                        status: run.status,
                        conclusion: run.conclusion,
                        createdAt: run.createdAt.toISOString(),
                        url: run.htmlUrl ?? null,
                    }))
                    : null,
            },
        reasons: health.reasons.map((reason) => ({
            code: reason.code,
            verdict: reason.verdict,
            said: say(reason.said),
            next: say(reason.next),
        })),
        unread: unreadParts(report).map(({ what, unread }) => ({
            what,
            status: unread.status,
            permission: unread.status === 'refused' ? unread.permission : null,
            said: say(unread.said),
            next: unread.status === 'failed' && unread.next !== undefined ? say(unread.next) : null,
        })),
        reauthorize: needsConsent(report) ? report.reauthorize : null,
    };
}

;// CONCATENATED MODULE: ./src/cli/status.ts
/**
 * `status`: how healthy an integration is, from a terminal, spending nothing. It reads only what
 * GitHub shows without a token being used: the secret's last write (its metadata), the consent date
 * (the variable `authorize --record-consent-variable` writes, or --consented-at), and, with
 * --workflow, whether the rotation workflow is enabled and how its recent runs ended. The verdict
 * is the health core's (../health/health.ts). Nothing is sent to Atlassian: a refresh token cannot
 * be tried without spending it.
 *
 * A refused read does not stop the others: the verdict then rests on what could be read, and says
 * so ("partial"), naming the permission that was missing.
 */

















/** How many of the workflow's latest runs are read. */
const RECENT_RUNS = 10;
const DEFAULT_CONSENT_VARIABLE = 'ATLASSIAN_CONSENTED_AT';
/** The target flags that say where the secret is; who may use it is no concern of a reading. */
const WHERE = {
    repository: 'The repository holding the secret (default: GITHUB_REPOSITORY, when set); also where the consent variable and --workflow are read. With --environment, the repository of the environment.',
    environment: 'Read an environment secret of --repository, in this environment.',
    organization: 'Read an organization secret; --repository then names the repository of the consent variable and the workflow.',
};
const FLAGS = [
    {
        name: 'secret-name',
        kind: 'string',
        value: 'NAME',
        description: 'The secret that holds the refresh token, e.g. ATLASSIAN_REFRESH_TOKEN.',
    },
    ...TARGET_FLAGS.filter((flag) => WHERE[flag.name] !== undefined).map((flag) => ({
        ...flag,
        description: WHERE[flag.name] ?? flag.description,
    })),
    {
        name: 'workflow',
        kind: 'string',
        value: 'FILE|ID',
        description: 'The workflow that rotates the token, by file name (rotate-atlassian-token.yml) or id: check that it is enabled and that its latest runs succeeded. Optional; without it the workflow is not checked.',
    },
    {
        name: 'consent-variable',
        kind: 'string',
        value: 'NAME',
        description: `The repository variable holding the consent date, as \`authorize --record-consent-variable\` writes it. Default: ${DEFAULT_CONSENT_VARIABLE}.`,
    },
    {
        name: 'consented-at',
        kind: 'string',
        value: 'DATE',
        description: 'The consent date (ISO 8601), instead of reading the variable: counts the 365 days from it.',
    },
    {
        name: 'json',
        kind: 'boolean',
        env: false,
        description: 'Print one JSON document (verdict, reasons, figures, what was not read) instead of lines; its shape is in the README.',
    },
    ...ENDPOINT_FLAGS.filter((flag) => flag.name === 'github-api-url'),
];
const status_spec = {
    name: 'status',
    summary: 'say how healthy an integration is (healthy, at risk, dead), spending nothing',
    usage: 'status --secret-name NAME --repository OWNER/REPO [--workflow FILE.yml] [--json]',
    description: [
        'Reads when the secret was last written (every rotation writes it), the consent date (the variable authorize records), and with --workflow whether the rotation workflow is enabled and how its latest runs ended. From these it gives the verdict: healthy; at risk, and why (no rotation for over 30 days, failing runs, a disabled workflow, fewer than 30 days before the 90-day or the 365-day limit); or dead, and the command that brings it back (authorize).',
        'Nothing is sent to Atlassian and no token is spent: a refresh token cannot be tried without disabling it. A read GitHub refuses is named with the permission it needs, and the verdict then rests on the rest (partial).',
        'The exit code is the verdict: 0 healthy, 9 at risk, 10 dead. It is 5 when GitHub refused or failed every read, when the secret could not be read or does not exist (check --secret-name and the target), and when what could be read looks healthy but a read was refused: a partial check is never 0.',
    ],
    flags: FLAGS,
    environment: [
        [
            'GH_TOKEN, GITHUB_TOKEN',
            'The GitHub token that reads; without either, the token of `gh auth token`. Needs "Secrets: Read" on the target (environments: "Environments: Read"; organizations: organization "Secrets: Read"), "Variables: Read" for the consent variable, and "Actions: Read" for --workflow.',
        ],
    ],
    examples: [
        `${options/* TOOL */.js} status --secret-name ATLASSIAN_REFRESH_TOKEN --repository octo-org/confluence-sync --workflow rotate-atlassian-token.yml`,
        `${options/* TOOL */.js} status --secret-name ATLASSIAN_REFRESH_TOKEN --repository octo-org/confluence-sync --json | jq -r .verdict`,
    ],
    exitCodes: [exit_codes/* EXIT */.dc.OK, exit_codes/* EXIT */.dc.UNEXPECTED, exit_codes/* EXIT */.dc.USAGE, exit_codes/* EXIT */.dc.GITHUB, exit_codes/* EXIT */.dc.AT_RISK, exit_codes/* EXIT */.dc.DEAD],
};
function status_readPlan(flags, env) {
    const problems = [];
    const problem = (_setting, message) => {
        problems.push((0,settings/* asText */.e1)(message));
    };
    const secretName = flags.string('secret-name') ?? '';
    if (secretName === '') {
        problem('secret-name', '--secret-name is required: the secret that holds the refresh token, e.g. ATLASSIAN_REFRESH_TOKEN.');
    }
    checkSecretName('secret-name', secretName, problem);
    const target = readTarget((name) => (WHERE[name] === undefined ? '' : (flags.string(name) ?? '')), env, problem);
    let repository = target?.kind === 'organization' ? undefined : target?.repository;
    if (target?.kind === 'organization') {
        const given = flags.string('repository') ?? env['GITHUB_REPOSITORY'] ?? '';
        repository = given === '' ? undefined : parseRepository(given);
        if (given !== '' && repository === undefined) {
            problem('repository', `--repository must be "owner/name", e.g. "octo-org/confluence-sync"; got ${(0,input_limits/* quoteValue */.cl)(given)}.`);
        }
    }
    let consent;
    const consentedAt = flags.string('consented-at');
    if (consentedAt !== undefined) {
        const time = parseIsoMoment(consentedAt);
        if (Number.isNaN(time)) {
            problem('consented-at', `--consented-at must be an ISO 8601 date such as 2026-01-31 (or a date and time with its zone); got ${(0,input_limits/* quoteValue */.cl)(consentedAt)}.`);
        }
        consent = { source: 'flag', date: new Date(time) };
    }
    else {
        const variable = flags.string('consent-variable') ?? DEFAULT_CONSENT_VARIABLE;
        checkSecretName('consent-variable', variable, problem, 'variable');
        consent = { source: 'variable', variable };
    }
    const workflow = readWorkflowName(flags.string('workflow'), problem);
    const githubApiUrl = parseEndpointUrl('github-api-url', gitHubApiUrl(flags, env), problem);
    if (problems.length > 0 || target === undefined || githubApiUrl === undefined) {
        throw new exit_codes/* CliError */.z1(exit_codes/* EXIT */.dc.USAGE, (0,options/* listProblems */.vz)(problems), `Run \`${options/* TOOL */.js} status --help\` for the options. Nothing was read.`);
    }
    return {
        secretName,
        target,
        repository,
        consent,
        workflow,
        json: flags.boolean('json'),
        githubApiUrl: githubApiUrl.href.replace(/\/+$/, ''),
    };
}
/** A workflow's id, or its file name (a path under .github/workflows/ is taken as its file name). */
function readWorkflowName(given, problem) {
    if (given === undefined)
        return undefined;
    const name = given.replace(/^\.?\/?\.github\/workflows\//, '');
    const overlong = (0,input_limits/* tooLong */.Po)('--workflow', name, input_limits/* LIMITS */.b1.name, false);
    if (overlong !== undefined) {
        problem('workflow', overlong);
        return undefined;
    }
    if (!/^\d+$/.test(name) && !/^[^/\\\s]+\.ya?ml$/.test(name)) {
        problem('workflow', `--workflow must be the workflow's file name (e.g. rotate-atlassian-token.yml) or its id; got ${(0,input_limits/* quoteValue */.cl)(given)}.`);
        return undefined;
    }
    return name;
}
/** The permission each read needs, in words (read access is enough for all of them). */
function secretsReadPermission(target) {
    switch (target.kind) {
        case 'repository':
            return `the repository permission "Secrets: Read" on ${slug(target.repository)} (a classic personal access token: the "repo" scope)`;
        case 'environment':
            return `the repository permission "Environments: Read" on ${slug(target.repository)} (a classic personal access token: the "repo" scope)`;
        case 'organization':
            return `the organization permission "Secrets: Read" on ${target.organization} (a classic personal access token: the "admin:org" scope)`;
    }
}
const variablesReadPermission = (repository) => `the repository permission "Variables: Read" on ${slug(repository)} (a classic personal access token: the "repo" scope)`;
const status_actionsReadPermission = (repository) => `the repository permission "Actions: Read" on ${slug(repository)} (a classic personal access token: the "repo" scope)`;
const slug = (repository) => `${repository.owner}/${repository.repo}`;
const status_status = {
    spec: status_spec,
    async run(flags, context) {
        const { terminal, deps } = context;
        const plan = status_readPlan(flags, deps.env);
        const permissions = [
            secretsReadPermission(plan.target),
            plan.repository && plan.consent.source === 'variable'
                ? variablesReadPermission(plan.repository)
                : undefined,
            plan.repository && plan.workflow ? status_actionsReadPermission(plan.repository) : undefined,
        ].filter((words) => words !== undefined);
        const token = await findGitHubToken(deps.env, plan.githubApiUrl, permissions.join('; '), deps.ghAuthToken);
        terminal.secrets.add(token.token);
        terminal.wording = statusWording(token.source);
        const report = await readStatus(plan, context, token.token);
        if (plan.json) {
            terminal.result(JSON.stringify(statusJson(report, terminal.wording), null, 2));
        }
        else {
            for (const line of renderStatus(report, terminal.wording))
                terminal.result(line);
        }
        return exitCodeFor(report);
    },
};
/**
 * The verdict's code. A healthy-looking partial check is a GitHub failure, never "healthy"; and so
 * is a check that found no secret to judge (refused, or not found: a mistyped --secret-name or
 * --repository, or a token that cannot see the repository, which GitHub also answers with 404),
 * unless what was read already says dead: "at risk" would send people after a limit, not a typo.
 */
function exitCodeFor(report) {
    if (report.health.verdict === 'dead')
        return exit_codes/* EXIT */.dc.DEAD;
    const { secret } = report;
    if (secret.status !== 'read' || secret.value.updatedAt === undefined)
        return exit_codes/* EXIT */.dc.GITHUB;
    if (report.health.verdict === 'at-risk')
        return exit_codes/* EXIT */.dc.AT_RISK;
    return report.partial ? exit_codes/* EXIT */.dc.GITHUB : exit_codes/* EXIT */.dc.OK;
}
async function readStatus(plan, context, githubToken) {
    const { terminal, deps } = context;
    const github = (0,cli_context/* gitHubClient */.XB)(context, githubToken, plan.githubApiUrl);
    const retry = () => (0,cli_context/* retryOptions */.tO)(context, 'GitHub', 30_000);
    const secrets = terminal.secrets;
    const target = secretTarget(plan.target);
    /** Each failure, to report as it came when nothing at all could be read. */
    const failures = [];
    const attempt = async (permission, read) => {
        try {
            return { status: 'read', value: await read() };
        }
        catch (error) {
            if (!(error instanceof errors/* ActionError */.lZ))
                throw error;
            failures.push(error);
            const unread = error.code === 'GITHUB_FORBIDDEN'
                ? { status: 'refused', permission, said: error.said }
                : { status: 'failed', said: error.said, next: error.next };
            return unread;
        }
    };
    const secretRead = attempt(secretsReadPermission(plan.target), async () => {
        const metadata = await fetchSecretMetadata({ github, target, secrets, retry: retry() }, plan.secretName);
        return { updatedAt: metadata.updatedAt, serverNow: metadata.serverNow };
    });
    const { repository } = plan;
    const consentRead = async () => {
        if (plan.consent.source === 'flag')
            return plan.consent;
        const { variable } = plan.consent;
        if (repository === undefined) {
            return {
                source: 'variable',
                variable,
                repository: undefined,
                reading: {
                    status: 'skipped',
                    why: `an organization secret's consent variable is a repository's: name it with --repository (or give --consented-at)`,
                },
            };
        }
        let reading = await attempt(variablesReadPermission(repository), async () => {
            const found = await readVariable({ github, repository, secrets, retry: retry() }, variable);
            const value = found?.value.trim();
            const time = value === undefined ? NaN : parseIsoMoment(value);
            return { value, date: Number.isNaN(time) ? undefined : new Date(time) };
        });
        if (reading.status === 'read' && reading.value.value !== undefined && !reading.value.date) {
            reading = {
                status: 'failed',
                said: (0,settings/* text */.Qq) `The variable ${variable} of ${slug(repository)} holds ${(0,input_limits/* quoteValue */.cl)(reading.value.value)}, which is not a date such as 2026-01-31.`,
            };
        }
        return { source: 'variable', variable, repository: slug(repository), reading };
    };
    const workflowRead = async () => {
        const name = plan.workflow;
        if (name === undefined)
            return undefined;
        if (repository === undefined) {
            const why = "an organization secret: name the workflow's repository with --repository";
            return {
                repository: undefined,
                name,
                info: { status: 'skipped', why },
                runs: { status: 'skipped', why },
            };
        }
        const permission = status_actionsReadPermission(repository);
        const access = { github, repository, secrets, retry: retry() };
        const info = await attempt(permission, () => readWorkflow(access, name));
        const runs = info.status === 'read'
            ? await attempt(permission, () => listRecentRuns({ ...access, retry: retry() }, info.value, RECENT_RUNS))
            : { status: 'skipped', why: 'the workflow itself was not read' };
        return { repository: slug(repository), name, info, runs };
    };
    const [secret, consent, workflow] = await Promise.all([secretRead, consentRead(), workflowRead()]);
    const readings = [
        secret,
        ...(consent.source === 'variable' ? [consent.reading] : []),
        ...(workflow ? [workflow.info, workflow.runs] : []),
    ];
    // Nothing read from GitHub at all (a bad token, GitHub unreachable): no verdict to give.
    if (!readings.some((reading) => reading.status === 'read')) {
        const [first] = failures;
        throw first ?? new Error('no read was attempted');
    }
    const consentedAt = consent.source === 'flag'
        ? consent.date
        : consent.reading.status === 'read'
            ? consent.reading.value.date
            : undefined;
    const health = assessHealth({
        // On GitHub's clock (its Date header) when it gave one, as the action counts: the secret's
        // updated_at was written on that clock, and a laptop's clock may be hours off.
        now: secret.status === 'read' && secret.value.serverNow
            ? secret.value.serverNow
            : new Date(deps.clock.now()),
        lastWrite: secret.status === 'read' ? secret.value.updatedAt : undefined,
        consentedAt,
        secretName: plan.secretName,
        workflow: workflowFacts(workflow),
    });
    return {
        secretName: plan.secretName,
        target: target.description,
        secret,
        consent,
        workflow,
        health,
        partial: readings.some((r) => r.status === 'refused' || r.status === 'failed'),
        reauthorize: reauthorizeCommand(plan),
    };
}
function workflowFacts(workflow) {
    if (workflow?.info.status !== 'read' || workflow.repository === undefined)
        return undefined;
    const info = workflow.info.value;
    return {
        repository: workflow.repository,
        workflow: workflow.name,
        state: info.state,
        runs: workflow.runs.status === 'read'
            ? workflow.runs.value.map((run) => ({
                createdAt: run.createdAt,
                conclusion: run.status === 'completed' ? run.conclusion : null,
                htmlUrl: run.htmlUrl,
            }))
            : undefined,
    };
}
/**
 * `authorize` for the same secret, and the same consent variable: what brings a dead integration
 * back. The client ID and the callback are the app's (developer console), which status never needs.
 */
function reauthorizeCommand(plan) {
    const where = [];
    const { target } = plan;
    if (target.kind === 'organization') {
        where.push('--organization', target.organization);
        if (plan.repository)
            where.push('--repository', slug(plan.repository));
    }
    else {
        where.push('--repository', slug(target.repository));
        if (target.kind === 'environment')
            where.push('--environment', target.environment);
    }
    const variable = plan.consent.source === 'variable' && plan.repository
        ? ['--record-consent-variable', plan.consent.variable]
        : [];
    const api = plan.githubApiUrl === 'https://api.github.com' ? [] : ['--github-api-url', plan.githubApiUrl];
    // Flags and plain values as they are; anything a shell could read into is quoted.
    const plain = (word) => /^[\w@%+=:,./-]+$/.test(word) ? { literal: word } : word;
    return commandLine([
        options/* TOOL */.js,
        'authorize',
        '--client-id',
        { literal: '"$CLIENT_ID"' },
        '--callback',
        { literal: '"$CALLBACK_URL"' },
        ...where,
        '--secret-name',
        plan.secretName,
        ...variable,
        ...api,
    ].map((word) => (typeof word === 'string' ? plain(word) : word)));
}

// EXTERNAL MODULE: ./src/cli/terminal.ts + 1 modules
var cli_terminal = __webpack_require__(6909);
;// CONCATENATED MODULE: ./src/cli/main.ts
/**
 * The command line tool: `authorize` gets the first refresh token, `refresh` rotates it once,
 * `sites` lists what a token reaches, `status` says how healthy an integration is. Each command
 * declares the exit codes it returns; every failure, the dispatcher's own included, is reported in
 * one shape (./failure.ts).
 */












const COMMANDS = [authorize, refresh, sites, status_status];
async function runCli(args, deps) {
    const terminal = new cli_terminal/* Terminal */.B(deps.streams);
    const [name, ...rest] = args;
    const names = COMMANDS.map((command) => command.spec.name);
    const overview = (0,options/* renderOverview */.mp)(COMMANDS.map((command) => command.spec));
    if (name === undefined) {
        deps.streams.stderr.write(`${overview}\n`);
        (0,failure/* reportFailure */.xV)(terminal, {
            said: 'No command given.',
            next: `Name the command: \`${options/* TOOL */.js} <command>\`, with ${listed(names, 'or')} as the command. \`${options/* TOOL */.js} <command> --help\` shows its options.`,
        });
        return exit_codes/* EXIT */.dc.USAGE;
    }
    if (name === '--help' || name === '-h' || name === 'help') {
        const [topic] = rest;
        if (topic === undefined) {
            deps.streams.stdout.write(overview);
            return exit_codes/* EXIT */.dc.OK;
        }
        const command = COMMANDS.find((c) => c.spec.name === topic);
        if (command === undefined)
            return unknownCommand(terminal, topic, names, 'help ');
        deps.streams.stdout.write((0,options/* renderHelp */.W5)(command.spec));
        return exit_codes/* EXIT */.dc.OK;
    }
    if (name === '--version' || name === '-v') {
        deps.streams.stdout.write(`${package_namespaceObject.rE}\n`);
        return exit_codes/* EXIT */.dc.OK;
    }
    const command = COMMANDS.find((c) => c.spec.name === name);
    if (command === undefined)
        return unknownCommand(terminal, name, names);
    let network;
    try {
        network = openNetwork({ env: deps.env });
        const flags = (0,options/* parseFlags */.bQ)(command.spec, rest, deps.env);
        if (flags.help) {
            deps.streams.stdout.write((0,options/* renderHelp */.W5)(command.spec));
            return exit_codes/* EXIT */.dc.OK;
        }
        return await command.run(flags, {
            command: name,
            terminal,
            deps,
            network,
        });
    }
    catch (error) {
        (0,failure/* reportError */.N7)(terminal, error);
        return (0,exit_codes/* exitCodeOf */.FO)(error);
    }
    finally {
        await network?.close();
    }
}
/** `prefix`: what came before the name ("help "), said again in the suggestion. */
function unknownCommand(terminal, name, names, prefix = '') {
    // An option where the command belongs is named as such: `--colour` is no command.
    const option = name.startsWith('-');
    const suggestion = (0,suggest/* didYouMean */.au)(option
        ? (0,suggest/* closeMatches */.KA)(name.replace(/=.*$/s, ''), ['--help', '--version'])
        : (0,suggest/* closeMatches */.KA)(name, names).map((n) => `\`${options/* TOOL */.js} ${prefix}${n}\``));
    (0,failure/* reportFailure */.xV)(terminal, {
        said: option
            ? `Unknown option ${(0,input_limits/* quoteValue */.cl)(name.replace(/=.*$/s, ''))}: a command comes first.`
            : `Unknown command ${(0,input_limits/* quoteValue */.cl)(name)}.`,
        next: suggestion !== ''
            ? `${suggestion} (\`${options/* TOOL */.js} --help\` lists the commands.)`
            : option
                ? `Give the command first, its options after it: \`${options/* TOOL */.js} <command> [options]\`, with ${listed(names, 'or')} as the command.`
                : `Name one of the commands, ${listed(names, 'or')}: \`${options/* TOOL */.js} --help\` says what each does.`,
    });
    return exit_codes/* EXIT */.dc.USAGE;
}
/** "a, b or c". */
function listed(names, conjunction) {
    return names.length <= 1
        ? (names[0] ?? '')
        : `${names.slice(0, -1).join(', ')} ${conjunction} ${names[names.length - 1] ?? ''}`;
}


/***/ })

};
