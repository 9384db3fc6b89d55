// Non-variadic wrappers around libcurl's variadic option/info functions.
//
// Swift cannot call C variadic functions, so every type of argument we pass to
// curl_easy_setopt / curl_easy_getinfo / curl_multi_setopt gets its own small
// `static inline` wrapper. Each wrapper passes exactly the C type libcurl reads
// with va_arg for that family of options (long, pointer, curl_off_t, function).
#ifndef MENTORLINE_CCURL_SHIM_H
#define MENTORLINE_CCURL_SHIM_H

#include <curl/curl.h>

/// Options of type CURLOPTTYPE_LONG (booleans, timeouts, enums).
static inline CURLcode mentorline_curl_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

/// Options of type CURLOPTTYPE_OBJECTPOINT / CURLOPTTYPE_SLISTPOINT / CURLOPTTYPE_CBPOINT
/// (CURLOPT_PRIVATE, CURLOPT_WRITEDATA, CURLOPT_HTTPHEADER, ...).
static inline CURLcode mentorline_curl_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

/// Options of type CURLOPTTYPE_STRINGPOINT. libcurl copies the string (except
/// CURLOPT_POSTFIELDS, which this package never uses; it uses CURLOPT_COPYPOSTFIELDS).
static inline CURLcode mentorline_curl_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

/// Options of type CURLOPTTYPE_OFF_T (CURLOPT_POSTFIELDSIZE_LARGE, ...).
static inline CURLcode mentorline_curl_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

/// CURLOPT_WRITEFUNCTION and CURLOPT_HEADERFUNCTION share this signature.
static inline CURLcode mentorline_curl_easy_setopt_write_callback(CURL *handle, CURLoption option, curl_write_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}

/// CURLINFO_LONG infos (CURLINFO_RESPONSE_CODE, ...).
static inline CURLcode mentorline_curl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

/// CURLINFO_PRIVATE (stored as char *, returned as void * here).
static inline CURLcode mentorline_curl_easy_getinfo_private(CURL *handle, void **value) {
    char *pointer = NULL;
    CURLcode code = curl_easy_getinfo(handle, CURLINFO_PRIVATE, &pointer);
    *value = (void *)pointer;
    return code;
}

/// CURLINFO_OFF_T infos (CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, ...).
static inline CURLcode mentorline_curl_easy_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

/// Multi options of type long (CURLMOPT_MAX_HOST_CONNECTIONS, CURLMOPT_MAXCONNECTS, ...).
static inline CURLMcode mentorline_curl_multi_setopt_long(CURLM *handle, CURLMoption option, long value) {
    return curl_multi_setopt(handle, option, value);
}

#endif
