// STUB: types (issue 5).
