// Package runtime is the fixed part of the Go package errgen generates: the
// error type (errors.go), RFC 9457 problem details (problem.go) and language
// matching (lang.go). It is compiled, vetted and tested here as ordinary Go;
// the golang emitter copies those three files into the generated package
// with the package name changed.
//
// A few declarations depend on the catalog. Here they hold stand-ins that
// let the package compile; the emitter replaces them with jennifer (see
// runtimeFills in ../runtime.go) and fails if one of them disappears:
//
//   - errors.go: the doc comment of Code, which lists the table types.
//   - lang.go: DefaultLanguage, docsBaseURL, languageTags and defaultLang,
//     and the doc comment of Languages, which names the languages.
//   - problem.go: internalProblem, the 500 of the http table when it has one.
//
// This file and the tests are not copied.
package runtime
