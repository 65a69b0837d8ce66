package typescript

import "testing"

func TestNames(t *testing.T) {
	for in, want := range map[string]string{
		"errorCode": "errorCodes", "status": "statuses", "box": "boxes", "match": "matches",
		"policy": "policies", "day": "days",
	} {
		if got := plural(in); got != want {
			t.Errorf("plural(%s) = %s, want %s", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"ErrorCode": "an", "HTTPCode": "an", "ResponseCode": "a", "Status": "a", "SMSCode": "an", "UserError": "a", "UnknownError": "an", "UnitError": "a",
	} {
		if got := article(in); got != want {
			t.Errorf("article(%s) = %s, want %s", in, got, want)
		}
	}
}
