package vet_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/errgen/errgen/internal/vet"
)

// TestAnalyzer runs the analyzer on a stand-in generated package (facts
// from its directives) and a program that uses it, against // want comments.
func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), vet.Analyzer, "example.com/app")
}
