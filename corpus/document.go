package corpus

// Span is a half-open range [Start, End) of byte offsets into a text.
type Span struct {
	Start, End int
}

// Len returns the number of bytes in the span.
func (s Span) Len() int { return s.End - s.Start }

// BlockKind tells what a block of a document is.
type BlockKind uint8

// The kinds of block.
const (
	Paragraph   BlockKind = iota // body text: the article itself
	Title                        // the title line, when the document starts with one
	Heading                      // a section heading
	Meta                         // a metadata line or marker: date line, byline
	Boilerplate                  // navigation, share and social lines, newsletter blurbs, author bio
)

var blockKindNames = [...]string{"paragraph", "title", "heading", "meta", "boilerplate"}

// String returns the kind's lower-case name, as used in JSON.
func (k BlockKind) String() string {
	if int(k) < len(blockKindNames) {
		return blockKindNames[k]
	}
	return "unknown"
}

// Block is a run of a document's text of one kind. Blocks are in text order
// and do not overlap; the text between them is white space only.
type Block struct {
	Span
	Kind BlockKind
}

// Keyword is a keyphrase written as it appears in the text, with a score
// where higher means more characteristic.
type Keyword struct {
	Text  string
	Score float64
}

// Entity kinds.
const (
	Person       = "person"
	Organization = "organization"
	Place        = "place"
	OtherEntity  = "other"
)

// Entity is a named entity found in a document or in the corpus. Name is its
// canonical (longest) form; Variants are the other forms merged into it.
type Entity struct {
	Name     string
	Kind     string
	Count    int
	Variants []string
}

// Related names a document similar to another one, with the keywords both
// share that explain why.
type Related struct {
	ID     string
	Score  float64
	Shared []string
}

// Document is one cleaned, structured document of the corpus.
type Document struct {
	ID           string // path relative to the corpus root, without extension, slash-separated
	Path         string // path relative to the corpus root, as found
	Title        string
	TitleDerived bool   // the title was derived from the text, not written by the author
	Date         string // ISO 8601, as precise as known: "2020", "2020-10" or "2020-10-21"; "" if unknown
	Author       string
	Lang         string   // ISO 639-1 code: "fr", "en"
	Section      string   // the section a site owner gave the page (HTML meta or data-section); "" if none
	Tags         []string // the tags a site owner gave the page (HTML meta keywords, article:tag, data-tags)
	Encoding     string   // the encoding the file was decoded from, e.g. "utf-8", "windows-1252"
	Repairs      int      // mojibake repairs made
	InvalidBytes int      // bytes that could not be decoded and were replaced by U+FFFD
	Warnings     []string

	Text      string  // the whole cleaned text: NFC, repaired, reflowed
	Blocks    []Block // the structure of Text, in order
	Sentences []Span  // the sentences of the Paragraph blocks, in order

	// Pages holds, for a paged source (PDF), the byte offset in Text where
	// each page starts: page n (1-based) is Text[Pages[n-1]:Pages[n]] (the
	// last runs to the end). Pages[0] is 0; a page without text starts
	// where the next one does. Nil for unpaged documents. See Page.
	Pages []int

	Keywords []Keyword // most characteristic first
	Entities []Entity  // most frequent first
	Related  []Related // most similar first
}

// Words returns the number of words in the document's text, counting runs of
// letters and digits.
func (d *Document) Words() int { return CountWords(d.Text) }

// Page returns the 1-based number of the page that holds byte offset off
// of Text, or 0 for a document without pages.
func (d *Document) Page(off int) int {
	if len(d.Pages) == 0 {
		return 0
	}
	lo, hi := 0, len(d.Pages) // the last page starting at or before off
	for lo+1 < hi {
		m := (lo + hi) / 2
		if d.Pages[m] <= off {
			lo = m
		} else {
			hi = m
		}
	}
	// Pages without text share their start with the next page: name the
	// last of them, the one that holds the text.
	return lo + 1
}

// SentenceText returns the text of sentence i.
func (d *Document) SentenceText(i int) string {
	s := d.Sentences[i]
	return d.Text[s.Start:s.End]
}

// SentenceRef points at one sentence of one document.
type SentenceRef struct {
	ID    string // document id
	Index int    // sentence index in the document
	Text  string
}

// Overview summarises a whole corpus.
type Overview struct {
	Documents int
	Words     int
	Bytes     int
	DateFrom  string // earliest known date, "" if none
	DateTo    string // latest known date, "" if none
	Languages map[string]int
	Summary   []SentenceRef
	Keywords  []Keyword
	Entities  []Entity
}
