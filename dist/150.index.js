export const id = 150;
export const ids = [150];
export const modules = {

/***/ 1150:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   proxiedDispatcher: () => (/* binding */ proxiedDispatcher)
/* harmony export */ });
/* harmony import */ var undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(883);
/* harmony import */ var undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var undici_lib_dispatcher_env_http_proxy_agent_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3137);
/* harmony import */ var undici_lib_dispatcher_env_http_proxy_agent_js__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(undici_lib_dispatcher_env_http_proxy_agent_js__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var undici_lib_api_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6615);



// The parts of undici the gate uses behind a proxy, loaded without the rest: undici's index also loads its
// fetch, WebSocket, EventSource, cache, cookie and mock parts, which take time to compile and are never used.
// As undici's index does: `dispatcher.request()` and the other calls come from its api part.
Object.assign((undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_0___default().prototype), undici_lib_api_index_js__WEBPACK_IMPORTED_MODULE_2__);
/** Goes through HTTPS_PROXY / HTTP_PROXY, minus the hosts NO_PROXY lists, as the runner's own tools do. */
function proxiedDispatcher() {
    return withoutExperimentalNotice(() => new (undici_lib_dispatcher_env_http_proxy_agent_js__WEBPACK_IMPORTED_MODULE_1___default())());
}
/** undici calls EnvHttpProxyAgent experimental on stderr, which reads as a problem in the step's log. */
function withoutExperimentalNotice(make) {
    const emitWarning = process.emitWarning;
    process.emitWarning = ((warning, ...rest) => {
        const options = rest[0];
        if (typeof options === 'object' &&
            options !== null &&
            'code' in options &&
            options.code === 'UNDICI-EHPA')
            return;
        emitWarning.call(process, warning, ...rest);
    });
    try {
        return make();
    }
    finally {
        process.emitWarning = emitWarning;
    }
}


/***/ })

};
