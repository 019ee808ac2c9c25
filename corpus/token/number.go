package token

// number scans the number starting at the ASCII digit at i. When digits
// are joined by separators (see AppendTokens) it returns the end of the
// number and its normalised term; otherwise it returns 0, "".
func (s *scanner) number(i int) (int, string) {
	t := s.text
	fr := s.a.lang != "en"
	j := digitsEnd(t, i)
	intEnd, groups, gsep := j, 0, ""
	if j-i <= 3 {
		for k := j; ; {
			n := thousandsSep(t, k, fr)
			if n == 0 {
				break
			}
			sep := t[k : k+n]
			if groups > 0 && sep != gsep && !(sep != "." && sep != "," && gsep != "." && gsep != ",") {
				break
			}
			d := k + n
			if d+3 > len(t) || digitsEnd(t, d) != d+3 {
				break
			}
			gsep, groups, k = sep, groups+1, d+3
			intEnd = k
		}
	}
	dec := byte(',')
	if !fr {
		dec = '.'
	}
	end, frac := intEnd, -1
	if end+1 < len(t) && t[end] == dec && isDigit(t[end+1]) {
		frac = end + 1
		end = digitsEnd(t, frac)
	}
	if groups == 0 && frac < 0 || end+1 < len(t) && (t[end] == '.' || t[end] == ',') && isDigit(t[end+1]) {
		// Not a grouped number: a single point or comma is a decimal
		// point whatever the language; more make a dotted number, kept
		// whole ("192.168.1.1", "2.10.34").
		k, seps := j, 0
		for k+1 < len(t) && (t[k] == '.' || t[k] == ',') && isDigit(t[k+1]) {
			k = digitsEnd(t, k+1)
			seps++
		}
		switch {
		case seps == 0 || k-i > MaxWordRunes:
			return 0, ""
		case seps == 1:
			if t[j] == '.' {
				return k, t[i:k]
			}
			return k, t[i:j] + "." + t[j+1:k]
		}
		return k, t[i:k]
	}
	if end-i > MaxWordRunes {
		return 0, ""
	}
	b := make([]byte, 0, end-i)
	for p := i; p < intEnd; p++ {
		if isDigit(t[p]) {
			b = append(b, t[p])
		}
	}
	if frac >= 0 {
		b = append(b, '.')
		b = append(b, t[frac:end]...)
	}
	return end, string(b)
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// digitsEnd returns the end of the run of ASCII digits starting at i.
func digitsEnd(t string, i int) int {
	for i < len(t) && isDigit(t[i]) {
		i++
	}
	return i
}

// thousandsSep returns the length of the thousands separator at t[i], or
// 0: "." and " " in French, "," in English, and in both the no-break
// space, narrow no-break space and thin space.
func thousandsSep(t string, i int, fr bool) int {
	if i >= len(t) {
		return 0
	}
	switch c := t[i]; {
	case c == '.' || c == ' ':
		if fr {
			return 1
		}
	case c == ',':
		if !fr {
			return 1
		}
	case c == 0xC2:
		if i+1 < len(t) && t[i+1] == 0xA0 { // U+00A0
			return 2
		}
	case c == 0xE2:
		if i+2 < len(t) && t[i+1] == 0x80 && (t[i+2] == 0xAF || t[i+2] == 0x89) { // U+202F, U+2009
			return 3
		}
	}
	return 0
}
