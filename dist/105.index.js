export const id = 105;
export const ids = [105];
export const modules = {

/***/ 6105:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  inputProblemsSummary: () => (/* binding */ inputProblemsSummary),
  summaryOf: () => (/* binding */ summaryOf)
});

// UNUSED EXPORTS: renderDryRunSummary, renderFailureSummary, renderSummary

// EXTERNAL MODULE: ./src/common/settings.ts
var settings = __webpack_require__(2888);
// EXTERNAL MODULE: ./src/rotation/explain.ts
var explain = __webpack_require__(1525);
// EXTERNAL MODULE: ./src/rotation/recovery-command.ts + 1 modules
var recovery_command = __webpack_require__(664);
// EXTERNAL MODULE: ./src/rotation/rotation-lock.ts
var rotation_lock = __webpack_require__(2080);
// EXTERNAL MODULE: ./src/health/health.ts
var health_health = __webpack_require__(7110);
// EXTERNAL MODULE: ./src/health/thresholds.ts
var thresholds = __webpack_require__(4600);
;// CONCATENATED MODULE: ./src/health/timeline.ts
/**
 * The health figures as a picture: a Mermaid gantt chart, which GitHub renders in a job summary's
 * Markdown (a fenced `mermaid` block). One row per fact the project knows: the consent and its
 * 365 days, the secret's last write before this run and its 90 days, this run's refresh and its
 * 90 days, and today. Dates are UTC days; Mermaid draws them as given.
 */


/**
 * The chart's source, without the fence. Task names hold no ':' or '#' (Mermaid's separators);
 * each milestone is named with its date, so the picture reads without hovering.
 */
function healthTimeline(health) {
    const { figures } = health;
    const today = (0,health_health/* isoDay */.kh)(figures.now);
    const lines = [
        'gantt',
        `  title Refresh token health on ${today} (UTC) - ${health.verdict}`,
        '  dateFormat YYYY-MM-DD',
        '  axisFormat %Y-%m-%d',
        // Mermaid's own marker is the viewer's today; the chart marks the run's day instead.
        '  todayMarker off',
    ];
    if (figures.consentedAt && figures.reconsentDueAt) {
        const consented = (0,health_health/* isoDay */.kh)(figures.consentedAt);
        const due = (0,health_health/* isoDay */.kh)(figures.reconsentDueAt);
        lines.push('  section Consent', `  Consent given ${consented} :milestone, consent, ${consented}, 0d`, `  Consent lifetime (${thresholds/* CONSENT_DAYS */.NS} days) :${past(figures.reconsentDueAt, figures.now)}${consented}, ${due}`, `  Re-consent due ${due} :milestone, crit, ${due}, 0d`);
    }
    // This run refreshed when the last use is not the last write.
    const rotatedNow = figures.lastUsedAt !== undefined &&
        figures.lastUsedAt.getTime() !== figures.lastRotatedAt?.getTime();
    if (figures.lastRotatedAt) {
        const written = (0,health_health/* isoDay */.kh)(figures.lastRotatedAt);
        const limitAt = (0,health_health/* addDays */.fi)(figures.lastRotatedAt, thresholds/* REFRESH_TOKEN_UNUSED_DAYS */.TL);
        const limit = (0,health_health/* isoDay */.kh)(limitAt);
        lines.push('  section Before this run', `  Last rotation ${written} :milestone, previous, ${written}, 0d`, `  Unused limit from it (${thresholds/* REFRESH_TOKEN_UNUSED_DAYS */.TL} days) :${rotatedNow ? 'done, ' : past(limitAt, figures.now)}${written}, ${limit}`, `  Limit ${limit} :milestone, crit, ${limit}, 0d`);
    }
    if (rotatedNow && figures.lastUsedAt && figures.refreshTokenExpiresAt) {
        const rotated = (0,health_health/* isoDay */.kh)(figures.lastUsedAt);
        const expires = (0,health_health/* isoDay */.kh)(figures.refreshTokenExpiresAt);
        lines.push('  section This run', `  This rotation ${rotated} :milestone, rotation, ${rotated}, 0d`, `  Unused limit from it (${thresholds/* REFRESH_TOKEN_UNUSED_DAYS */.TL} days) :active, ${rotated}, ${expires}`, `  Limit ${expires} :milestone, crit, ${expires}, 0d`);
    }
    lines.push('  section Today', `  Today ${today} :milestone, today, ${today}, 0d`);
    return lines.join('\n');
}
/** A limit already reached is drawn as critical; one ahead as active. */
function past(limit, now) {
    return limit.getTime() <= now.getTime() ? 'crit, ' : 'active, ';
}

// EXTERNAL MODULE: ./src/action/keep-alive.ts + 1 modules
var keep_alive = __webpack_require__(6509);
;// CONCATENATED MODULE: ./src/action/health-summary.ts
/**
 * The job summary's health section: the verdict, the figures, what to do, and the timeline as a
 * Mermaid chart (../health/timeline.ts), which GitHub renders from the summary's Markdown.
 */





const VERDICTS = {
    healthy: 'healthy',
    'at-risk': 'at risk',
    dead: 'dead',
};
function ago(days) {
    if (days === 0)
        return 'today';
    return `${days} day${days === 1 ? '' : 's'} ago`;
}
/** Days left until a limit, or, once it has passed, whole days since it passed. */
function ahead(days, limit, now) {
    if (limit.getTime() <= now.getTime()) {
        const ago = (0,health_health/* wholeDays */.n8)(limit, now);
        return `passed ${ago} day${ago === 1 ? '' : 's'} ago`;
    }
    return `${days} day${days === 1 ? '' : 's'} left`;
}
function renderHealthSummary(health, keepAlive) {
    const { figures } = health;
    const rows = [];
    if (figures.lastRotatedAt && figures.daysSinceLastRotation !== undefined) {
        rows.push([
            'Last rotation before this run',
            `${(0,health_health/* isoDay */.kh)(figures.lastRotatedAt)} (${ago(figures.daysSinceLastRotation)})`,
        ]);
    }
    else {
        rows.push(['Last rotation before this run', 'unknown (the secret has no last write to read)']);
    }
    if (figures.refreshTokenExpiresAt && figures.daysUntilRefreshTokenExpiry !== undefined) {
        rows.push([
            'Refresh token dies unless refreshed (90 days unused)',
            `${(0,health_health/* isoDay */.kh)(figures.refreshTokenExpiresAt)} (${ahead(figures.daysUntilRefreshTokenExpiry, figures.refreshTokenExpiresAt, figures.now)})`,
        ]);
    }
    if (figures.reconsentDueAt && figures.daysUntilReconsent !== undefined) {
        rows.push([
            'Consent again by (365 days)',
            `${(0,health_health/* isoDay */.kh)(figures.reconsentDueAt)} (${ahead(figures.daysUntilReconsent, figures.reconsentDueAt, figures.now)})`,
        ]);
    }
    const schedule = keepAlive && (0,keep_alive/* keepAliveSummary */.jc)(keepAlive);
    if (schedule !== undefined)
        rows.push(['Schedule keep-alive', (0,explain/* escapeHtml */.ZD)(schedule)]);
    const reasons = health.reasons.map((reason) => `<li><strong>${reason.verdict === 'dead' ? 'Dead' : 'At risk'}:</strong> ${(0,explain/* escapeHtml */.ZD)((0,settings/* word */.Vm)(reason.said, settings/* actionWording */.$x))} <strong>Next step:</strong> ${(0,explain/* escapeHtml */.ZD)((0,settings/* word */.Vm)(reason.next, settings/* actionWording */.$x))}</li>`);
    return [
        `<h3>Health: ${VERDICTS[health.verdict]}</h3>`,
        '<table>',
        ...rows.map(([name, value]) => `<tr><th align="left">${name}</th><td>${value}</td></tr>`),
        '</table>',
        ...(reasons.length > 0 ? ['<ul>', ...reasons, '</ul>'] : []),
        // A blank line ends the HTML block, so that the fence is read as Markdown.
        '',
        '```mermaid',
        healthTimeline(health),
        '```',
        '',
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/action/summary.ts
/**
 * The action's job summary: what a rotation did, as HTML for the run's page. Never a token value,
 * only facts about it. Loaded once the rotation has returned (./outcome-report.ts): nothing before
 * the first request needs it.
 */





/**
 * The summary of `outcome`: a settled rotation's table, then each problem that stops the step (or,
 * for a superseded token, why nothing was sent), the first with the recovery value.
 */
function summaryOf(outcome, problems, scrub, now, keepAlive) {
    // The same health section on every run that read the secret, a dry run's and a failed one's too.
    const health = outcome.health ? renderHealthSummary(outcome.health, keepAlive) : '';
    return summaryBody(outcome, problems, scrub, now) + health;
}
function summaryBody(outcome, problems, scrub, now) {
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
            lock: outcome.lock ? (0,rotation_lock/* describeLock */.FD)(outcome.lock) : 'not taken',
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
            `<code>${(0,explain/* escapeHtml */.ZD)(context.secretName)}</code> in ${(0,explain/* escapeHtml */.ZD)(context.target.description)}`,
        ],
        [
            'Refresh token rotated',
            result.rotated
                ? 'yes'
                : 'no (the token endpoint issued no new refresh token; the stored one stays valid)',
        ],
        ['Secret updated', result.stored ? `yes (${result.stored})` : 'no'],
        ['Stale-token check', (0,explain/* escapeHtml */.ZD)((0,settings/* word */.Vm)((0,settings/* asText */.e1)(result.staleTokenCheck), settings/* actionWording */.$x))],
        ['Lock', (0,explain/* escapeHtml */.ZD)((0,settings/* word */.Vm)((0,settings/* asText */.e1)(result.lock), settings/* actionWording */.$x))],
        [
            'Access token expires',
            result.expiresAt && result.tokens.expiresIn !== undefined
                ? `${(0,explain/* utc */.n$)(result.expiresAt)} at the latest (in ${result.tokens.expiresIn} s)`
                : '(not reported by the token endpoint)',
        ],
        ...optionalRows(result),
        [
            'Scopes',
            result.tokens.scope
                ? (0,explain/* escapeHtml */.ZD)(scrub(result.tokens.scope))
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
        rows.push(['Access token stored in', `<code>${(0,explain/* escapeHtml */.ZD)(result.accessTokenSecret)}</code>`]);
    }
    if (result.site) {
        rows.push([
            'Site',
            `${(0,explain/* escapeHtml */.ZD)(result.site.site.name)} (${(0,explain/* escapeHtml */.ZD)(result.site.site.url)}), cloud id <code>${(0,explain/* escapeHtml */.ZD)(result.site.site.id)}</code>`,
        ]);
    }
    if (result.consent)
        rows.push(['Consent again by', (0,explain/* consentText */.AC)(result.consent)]);
    return rows;
}
function renderDryRunSummary(context, plan) {
    return [
        '<h2>Atlassian token rotation: dry run</h2>',
        ...(0,explain/* describeDryRun */._5)(context, plan).map((line) => `<p>${(0,explain/* escapeHtml */.ZD)((0,settings/* word */.Vm)((0,settings/* asText */.e1)(line), settings/* actionWording */.$x))}</p>`),
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
        ...problems.map(({ input, text }) => `<li><code>${(0,explain/* escapeHtml */.ZD)(input)}</code>: ${(0,explain/* escapeHtml */.ZD)(text)}</li>`),
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
        `<p>${(0,explain/* escapeHtml */.ZD)(error.message)}</p>`,
        `<p><strong>Token:</strong> ${(0,explain/* escapeHtml */.ZD)((0,explain/* describeTokenState */.Kz)(error.tokenState, context, now))}</p>`,
        `<p><strong>Next step:</strong> ${(0,explain/* escapeHtml */.ZD)(error.nextStep)}</p>`,
    ];
    if (recovery) {
        lines.push(`<p><strong>Recovery value</strong> (the new refresh token sealed for ${(0,explain/* escapeHtml */.ZD)(context.target.description)}; only GitHub can open it). Store it before any run uses the old token after ${(0,explain/* utc */.n$)(recovery.leewayEndsAt)}, with GitHub CLI and a token that may write the secret: ${(0,explain/* escapeHtml */.ZD)((0,recovery_command/* ghTokenAdvice */.tn)(context.githubApiUrl))}; then run:</p>`, 
        // One line in <pre>: the rendered text, as a person copies it, is the command exactly.
        `<pre>${(0,explain/* escapeHtml */.ZD)((0,explain/* recoveryCommandFor */._R)(context, recovery))}</pre>`);
    }
    return lines.join('\n') + '\n';
}


/***/ })

};
