export const id = 150;
export const ids = [150];
export const modules = {

/***/ 1150:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   proxyAwareDispatcher: () => (/* binding */ proxyAwareDispatcher),
/* harmony export */   undiciFetch: () => (/* binding */ undiciFetch)
/* harmony export */ });
/* harmony import */ var undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7405);
/* harmony import */ var undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(883);
/* harmony import */ var undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var undici_lib_dispatcher_env_http_proxy_agent_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3137);
/* harmony import */ var undici_lib_dispatcher_env_http_proxy_agent_js__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(undici_lib_dispatcher_env_http_proxy_agent_js__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var undici_lib_api_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6615);
/* harmony import */ var undici_lib_web_fetch_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4398);
/* harmony import */ var undici_lib_web_fetch_index_js__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(undici_lib_web_fetch_index_js__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _proxy_env_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8194);






// The parts of undici the gate uses, loaded without the rest: undici's index also loads its WebSocket,
// EventSource, cache, cookie and mock parts, which take time to compile at every start and are never used.
// As undici's index does: `dispatcher.request()` and the other calls come from its api part.
Object.assign((undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_1___default().prototype), undici_lib_api_index_js__WEBPACK_IMPORTED_MODULE_3__);
/** undici's fetch. */
const undiciFetch = (undici_lib_web_fetch_index_js__WEBPACK_IMPORTED_MODULE_4___default().fetch);
/** Goes through HTTPS_PROXY / HTTP_PROXY (minus NO_PROXY) when one is set, as the runner's own tools do. */
function proxyAwareDispatcher() {
    return (0,_proxy_env_js__WEBPACK_IMPORTED_MODULE_5__/* .proxyIsSet */ .r)() ? withoutExperimentalNotice(() => new (undici_lib_dispatcher_env_http_proxy_agent_js__WEBPACK_IMPORTED_MODULE_2___default())()) : new (undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_0___default())();
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
