export const id = 629;
export const ids = [629];
export const modules = {

/***/ 3629:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   actionsToolkit: () => (/* binding */ actionsToolkit)
/* harmony export */ });
/* unused harmony export recordingToolkit */
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8198);

function actionsToolkit(core) {
    return {
        getInput: (name) => core.getInput(name),
        setOutput: (name, value) => core.setOutput(name, (0,_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(value)),
        // The runner masks every form we would scrub ourselves (bare credential, base64, URL-encoded).
        setSecret: (value) => {
            for (const form of (0,_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .registerSecret */ .cl)(value))
                core.setSecret(form);
        },
        // Logged text comes from platforms too: redacted, and unable to issue workflow commands.
        info: (message) => core.info((0,_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .neutralise */ .$0)((0,_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(message))),
        warning: (message) => core.warning((0,_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .neutralise */ .$0)((0,_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(message))),
        notice: (message) => core.notice((0,_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .neutralise */ .$0)((0,_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(message))),
        debug: (message) => core.debug((0,_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(message)),
        setFailed: (message) => core.setFailed((0,_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .neutralise */ .$0)((0,_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(message))),
        appendSummary: async (markdown) => {
            // Outside a runner (CLI, local drill) there is no summary file: skip rather than fail the action.
            if (!process.env.GITHUB_STEP_SUMMARY)
                return;
            await core.summary.addRaw((0,_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(markdown), true).write();
        },
        env: process.env,
    };
}
function recordingToolkit(inputs = {}, env = {}) {
    const tk = {
        inputs,
        outputs: {},
        logs: [],
        summary: "",
        failed: undefined,
        env,
        getInput: (name) => (inputs[name] ?? "").trim(),
        setOutput: (name, value) => {
            tk.outputs[name] = redact(value);
        },
        setSecret: (value) => registerSecret(value),
        info: (message) => tk.logs.push(redact(message)),
        warning: (message) => tk.logs.push(`warning: ${redact(message)}`),
        notice: (message) => tk.logs.push(`notice: ${redact(message)}`),
        debug: (message) => tk.logs.push(`debug: ${redact(message)}`),
        setFailed: (message) => {
            tk.failed = redact(message);
            tk.logs.push(`error: ${tk.failed}`);
        },
        appendSummary: async (markdown) => {
            tk.summary += redact(markdown);
        },
    };
    return tk;
}


/***/ })

};
