// STUB: the worker (issue 5).
