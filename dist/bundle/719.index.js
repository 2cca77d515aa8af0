export const id = 719;
export const ids = [719];
export const modules = {

/***/ 1719:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ githubErrorMessage),
/* harmony export */   githubClient: () => (/* binding */ githubClient)
/* harmony export */ });
/* harmony import */ var _core_http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1983);

/** An Octokit for the REST API; loaded on first use so actions that never call GitHub don't pay for it. */
async function githubClient(options) {
    const github = await Promise.all(/* import() */[__webpack_require__.e(726), __webpack_require__.e(413)]).then(__webpack_require__.bind(__webpack_require__, 2413));
    return github.getOctokit(options.token, { baseUrl: options.apiUrl ?? "https://api.github.com" });
}
/**
 * GitHub's error as a sentence: status, message and the first validation error. The body of a 401 or 403
 * is quoted only when it is a plain refusal ("Bad credentials"): a proxy or server that echoes the
 * request could otherwise put a credential into logs and summaries.
 */
function githubErrorMessage(error) {
    const e = error;
    const data = e.response?.data;
    const refused = e.status === 401 || e.status === 403;
    const said = (text) => (text && (!refused || (0,_core_http_js__WEBPACK_IMPORTED_MODULE_0__/* .isPlainRefusal */ .v1)(text)) ? text : undefined);
    const detail = said(data?.errors?.[0]?.message ?? data?.errors?.[0]?.code);
    const message = refused ? said(data?.message) : (data?.message ?? e.message ?? String(error));
    return `${e.status ?? "error"}${message ? ` ${message}` : ""}${detail ? ` (${detail})` : ""}`;
}


/***/ })

};
