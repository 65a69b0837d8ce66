package zahlung

// Status is an HTTP status the payment gateway answers with.
type Status int

const (
	// OK: die Zahlung wurde ausgeführt.
	OK Status = 200 + iota
	// Created: die Zahlung wurde angelegt.
	//
	// Sie wird ausgeführt, sobald die Bank zustimmt.
	Created
	// Accepted: die Zahlung wird geprüft.
	Accepted
)

const (
	PaymentRequired Status = 402 // Zahlung erforderlich.
	Locked          Status = 423 // Das Konto ist gesperrt.
)

// retries is untyped: not a code.
const retries = 3
