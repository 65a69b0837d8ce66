package textenc

// TrickyJS is tricky, for the tests that run Node from package
// textenc_test (testtool imports catalog, which imports textenc).
var TrickyJS = tricky
