package ingest

import "testing"

func TestDropBrackets(t *testing.T) {
	tests := []struct{ in, want string }{
		{"l’intelligence artificielle (IA) progresse", "l’intelligence artificielle progresse"},
		{"Alibaba (BABA) et Tencent (TCEHY)", "Alibaba et Tencent"},
		{`"-prompt(8)-"`, `"-prompt(8)-"`},
		{"la fonction f(x) croît", "la fonction f(x) croît"},
		{"(à la une) Le titre", "(à la une) Le titre"},
		{"une parenthèse (non fermée", "une parenthèse (non fermée"},
		{"collé (IA)s", "collé (IA)s"},
	}
	for _, tt := range tests {
		if got := dropBrackets(tt.in); got != tt.want {
			t.Errorf("dropBrackets(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
