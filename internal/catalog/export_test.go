package catalog

// BrokenLine is brokenLine, for the tests of package catalog_test.
var BrokenLine = brokenLine
