package usage

import (
	"testing"

	"github.com/errgen/errgen/internal/catalog"
)

// A path with the characters GitHub's workflow commands reserve in
// properties, and a message with a newline, stay one annotation.
func TestFindingGitHubEscapes(t *testing.T) {
	f := Finding{Pos: catalog.Pos{File: "a,b:c%d.go", Line: 3, Column: 7}, Severity: Advice, Message: "two\nlines", Hint: "50% off"}
	want := "::notice file=a%2Cb%3Ac%25d.go,line=3,col=7::two%0Alines; 50%25 off"
	if got := f.GitHub(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
