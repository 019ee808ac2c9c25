package ingest

import (
	"reflect"
	"testing"

	"github.com/corpus-explorer/explorer/corpus"
)

func TestSplitGlued(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		// Headings glued to the paragraph after them, as flattened news
		// pages give them.
		{"Ziad Takieddine persiste et signeLe sulfureux homme d'affaires a parlé.",
			[]string{"Ziad Takieddine persiste et signe", "Le sulfureux homme d'affaires a parlé."}},
		{`L'opposition dénonce un "meeting de campagne partisan"Ce bouleversement a fait grincer des dents.`,
			[]string{`L'opposition dénonce un "meeting de campagne partisan"`, "Ce bouleversement a fait grincer des dents."}},
		{"De nouveaux éléments compromettantsL'enquête a été élargie.",
			[]string{"De nouveaux éléments compromettants", "L'enquête a été élargie."}},
		// Names with an inner capital stay whole.
		{"Il a acheté un iPhone sur AliExpress et JavaScript puis McDonald Le soir.", nil},
		{"Elle publie sur YouTube, pas sur LinkedIn.", nil},
		// A quote opening a quotation is no closing one.
		{`Il a dit "bonjour"Le soir et "Le matin".`, []string{`Il a dit "bonjour"`, `Le soir et "Le matin".`}},
	}
	for _, tt := range tests {
		var got []string
		for _, sp := range splitGlued(tt.in, corpus.Span{Start: 0, End: len(tt.in)}) {
			got = append(got, tt.in[sp.Start:sp.End])
		}
		want := tt.want
		if want == nil {
			want = []string{tt.in}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("splitGlued(%q) = %q, want %q", tt.in, got, want)
		}
	}
}
