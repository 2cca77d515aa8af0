export const id = 719;
export const ids = [719];
export const modules = {

/***/ 1719:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ githubErrorMessage),
/* harmony export */   githubClient: () => (/* binding */ githubClient)
/* harmony export */ });
/** An Octokit for the REST API; loaded on first use so actions that never call GitHub don't pay for it. */
async function githubClient(options) {
    const github = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413));
    return github.getOctokit(options.token, { baseUrl: options.apiUrl ?? "https://api.github.com" });
}
/** GitHub's error as a sentence: status, message and the first validation error. */
function githubErrorMessage(error) {
    const e = error;
    const data = e.response?.data;
    const detail = data?.errors?.[0]?.message ?? data?.errors?.[0]?.code;
    return `${e.status ?? "error"} ${data?.message ?? e.message ?? String(error)}${detail ? ` (${detail})` : ""}`;
}


/***/ })

};
