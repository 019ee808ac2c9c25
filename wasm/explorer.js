// STUB: the JavaScript API (issue 5).
