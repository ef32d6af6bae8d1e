export const id = 770;
export const ids = [770];
export const modules = {

/***/ 8770:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   inputProblemsSummary: () => (/* binding */ inputProblemsSummary),
/* harmony export */   summaryOf: () => (/* binding */ summaryOf)
/* harmony export */ });
/* unused harmony exports renderSummary, renderDryRunSummary, renderFailureSummary */
/* harmony import */ var _common_settings_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2888);
/* harmony import */ var _rotation_explain_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1525);
/* harmony import */ var _rotation_recovery_command_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(664);
/* harmony import */ var _rotation_rotation_lock_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2080);
/**
 * The action's job summary: what a rotation did, as HTML for the run's page. Never a token value,
 * only facts about it. Loaded once the rotation has returned (./outcome-report.ts): nothing before
 * the first request needs it.
 */




/**
 * The summary of `outcome`: a settled rotation's table, then each problem that stops the step (or,
 * for a superseded token, why nothing was sent), the first with the recovery value.
 */
function summaryOf(outcome, problems, scrub, now) {
    const { context } = outcome;
    if (outcome.kind === 'dry-run' && outcome.plan)
        return renderDryRunSummary(context, outcome.plan);
    const settled = (outcome.kind === 'rotated' || outcome.kind === 'unchanged') && outcome.tokens !== undefined
        ? renderSummary(context, {
            tokens: outcome.tokens,
            expiresAt: outcome.expiresAt,
            rotated: outcome.kind === 'rotated',
            stored: outcome.stored?.how,
            staleTokenCheck: outcome.staleTokenCheck ?? 'not run',
            lock: outcome.lock ? (0,_rotation_rotation_lock_js__WEBPACK_IMPORTED_MODULE_2__/* .describeLock */ .FD)(outcome.lock) : 'not taken',
            accessTokenSecret: outcome.accessTokenSecret,
            site: outcome.site,
            consent: outcome.consent,
        }, scrub)
        : '';
    const how = outcome.kind === 'cancelled'
        ? 'cancelled'
        : outcome.kind === 'superseded'
            ? 'superseded'
            : settled
                ? 'afterwards'
                : 'failed';
    const shown = outcome.kind === 'superseded' ? outcome.problems : problems;
    return (settled +
        shown
            .map((problem, i) => renderFailureSummary(problem, context, i === 0 ? outcome.recovery : undefined, now, i === 0 ? how : 'afterwards'))
            .join(''));
}
/** The job summary of a successful run: never a token value, only facts about it. */
function renderSummary(context, result, scrub) {
    const rows = [
        [
            'Secret',
            `<code>${(0,_rotation_explain_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(context.secretName)}</code> in ${(0,_rotation_explain_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(context.target.description)}`,
        ],
        [
            'Refresh token rotated',
            result.rotated
                ? 'yes'
                : 'no (the token endpoint issued no new refresh token; the stored one stays valid)',
        ],
        ['Secret updated', result.stored ? `yes (${result.stored})` : 'no'],
        ['Stale-token check', (0,_rotation_explain_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)((0,_common_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .word */ .Vm)((0,_common_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .asText */ .e1)(result.staleTokenCheck), _common_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .actionWording */ .$x))],
        ['Lock', (0,_rotation_explain_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)((0,_common_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .word */ .Vm)((0,_common_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .asText */ .e1)(result.lock), _common_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .actionWording */ .$x))],
        [
            'Access token expires',
            result.expiresAt && result.tokens.expiresIn !== undefined
                ? `${(0,_rotation_explain_js__WEBPACK_IMPORTED_MODULE_1__/* .utc */ .n$)(result.expiresAt)} at the latest (in ${result.tokens.expiresIn} s)`
                : '(not reported by the token endpoint)',
        ],
        ...optionalRows(result),
        [
            'Scopes',
            result.tokens.scope
                ? (0,_rotation_explain_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(scrub(result.tokens.scope))
                    .split(' ')
                    .map((s) => `<code>${s}</code>`)
                    .join(' ')
                : '(not reported)',
        ],
    ];
    return [
        '<h2>Atlassian token rotation</h2>',
        '<table>',
        ...rows.map(([name, value]) => `<tr><th align="left">${name}</th><td>${value}</td></tr>`),
        '</table>',
        '',
    ].join('\n');
}
function optionalRows(result) {
    const rows = [];
    if (result.accessTokenSecret) {
        rows.push(['Access token stored in', `<code>${(0,_rotation_explain_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(result.accessTokenSecret)}</code>`]);
    }
    if (result.site) {
        rows.push([
            'Site',
            `${(0,_rotation_explain_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(result.site.site.name)} (${(0,_rotation_explain_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(result.site.site.url)}), cloud id <code>${(0,_rotation_explain_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(result.site.site.id)}</code>`,
        ]);
    }
    if (result.consent)
        rows.push(['Consent again by', (0,_rotation_explain_js__WEBPACK_IMPORTED_MODULE_1__/* .consentText */ .AC)(result.consent)]);
    return rows;
}
function renderDryRunSummary(context, plan) {
    return [
        '<h2>Atlassian token rotation: dry run</h2>',
        ...(0,_rotation_explain_js__WEBPACK_IMPORTED_MODULE_1__/* .describeDryRun */ ._5)(context, plan).map((line) => `<p>${(0,_rotation_explain_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)((0,_common_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .word */ .Vm)((0,_common_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .asText */ .e1)(line), _common_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .actionWording */ .$x))}</p>`),
        '',
    ].join('\n');
}
/**
 * The job summary of a run that stopped at its inputs: each problem, by input, and that nothing
 * was sent. The messages are the annotations' own, which never show a secret's value.
 */
function inputProblemsSummary(problems) {
    return [
        '<h2>Atlassian token rotation: stopped at the inputs</h2>',
        `<p>${problems.length === 1 ? 'One input is' : `${problems.length} inputs are`} missing or invalid. Nothing was sent: the refresh token was not used, and the secret is unchanged.</p>`,
        '<ul>',
        ...problems.map(({ input, text }) => `<li><code>${(0,_rotation_explain_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(input)}</code>: ${(0,_rotation_explain_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(text)}</li>`),
        '</ul>',
        '<p><strong>Next step:</strong> fix the inputs named above in the workflow, and re-run.</p>',
        '',
    ].join('\n');
}
const HEADINGS = {
    failed: 'Atlassian token rotation failed',
    cancelled: 'Atlassian token rotation cancelled',
    superseded: 'Atlassian token rotation: superseded by another rotation',
    afterwards: 'What failed after the refresh',
};
/** The job summary of a run that failed, was cancelled or was superseded; the recovery value. */
function renderFailureSummary(error, context, recovery, now, how = 'failed') {
    const lines = [
        `<h2>${HEADINGS[how]}</h2>`,
        `<p>${(0,_rotation_explain_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(error.message)}</p>`,
        `<p><strong>Token:</strong> ${(0,_rotation_explain_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)((0,_rotation_explain_js__WEBPACK_IMPORTED_MODULE_1__/* .describeTokenState */ .Kz)(error.tokenState, context, now))}</p>`,
        `<p><strong>Next step:</strong> ${(0,_rotation_explain_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(error.nextStep)}</p>`,
    ];
    if (recovery) {
        lines.push(`<p><strong>Recovery value</strong> (the new refresh token sealed for ${(0,_rotation_explain_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(context.target.description)}; only GitHub can open it). Store it before any run uses the old token after ${(0,_rotation_explain_js__WEBPACK_IMPORTED_MODULE_1__/* .utc */ .n$)(recovery.leewayEndsAt)}, with GitHub CLI and a token that may write the secret: ${(0,_rotation_explain_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)((0,_rotation_recovery_command_js__WEBPACK_IMPORTED_MODULE_3__/* .ghTokenAdvice */ .tn)(context.githubApiUrl))}; then run:</p>`, 
        // One line in <pre>: the rendered text, as a person copies it, is the command exactly.
        `<pre>${(0,_rotation_explain_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)((0,_rotation_explain_js__WEBPACK_IMPORTED_MODULE_1__/* .recoveryCommandFor */ ._R)(context, recovery))}</pre>`);
    }
    return lines.join('\n') + '\n';
}


/***/ })

};
