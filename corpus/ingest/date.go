package ingest

import (
	"regexp"
	"strconv"
	"strings"
)

// Read-only tables and patterns for finding dates.
var (
	monthsFR = map[string]int{
		"janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
		"juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
		"décembre": 12, "decembre": 12,
		"janv": 1, "févr": 2, "fevr": 2, "avr": 4, "juil": 7, "sept": 9, "oct": 10, "nov": 11, "déc": 12, "dec": 12,
	}
	monthsEN = map[string]int{
		"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
		"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
		"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
		"oct": 10, "nov": 11, "dec": 12,
	}

	frMonth = `janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre|janv|f[ée]vr|avr|juil|sept|oct|nov|d[ée]c`
	enMonth = `january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec`

	reISO     = regexp.MustCompile(`\b(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T ]\d{2}:\d{2}(?::\d{2})?)?`)
	reFR      = regexp.MustCompile(`(?i)\b(?:(\d{1,2}|1er)\s+)?(` + frMonth + `)\.?\s+(\d{4})\b`)
	reENMDY   = regexp.MustCompile(`(?i)\b(` + enMonth + `)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	reENDMY   = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(` + enMonth + `)\.?,?\s+(\d{4})\b`)
	reENMY    = regexp.MustCompile(`(?i)\b(` + enMonth + `)\.?,?\s+(\d{4})\b`)
	reNumeric = regexp.MustCompile(`\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b`)
)

// findDate returns the first date in s, normalised to ISO 8601 ("2020",
// "2020-10", "2020-10-21"), and where it is in s.
func findDate(s string) (iso string, start, end int, ok bool) {
	// Every pattern holds a year of four ASCII digits (\d is [0-9]): a
	// line without one is not tried against six patterns.
	if !hasYear(s) {
		return "", 0, 0, false
	}
	start = len(s) + 1
	try := func(re *regexp.Regexp, conv func(m []string) string) {
		for _, loc := range re.FindAllStringSubmatchIndex(s, 4) {
			if loc[0] >= start {
				return
			}
			m := make([]string, len(loc)/2)
			for i := range m {
				if loc[2*i] >= 0 {
					m[i] = s[loc[2*i]:loc[2*i+1]]
				}
			}
			if loc[1] < len(s) && s[loc[1]] >= '0' && s[loc[1]] <= '9' {
				continue
			}
			if d := conv(m); d != "" {
				iso, start, end, ok = d, loc[0], loc[1], true
				return
			}
		}
	}
	try(reISO, func(m []string) string { return isoDate(m[1], atoi(m[2]), atoi(m[3])) })
	try(reFR, func(m []string) string {
		day := 0
		if m[1] != "" {
			day = atoi(strings.TrimSuffix(strings.ToLower(m[1]), "er"))
		}
		return isoDate(m[3], monthsFR[strings.ToLower(m[2])], day)
	})
	try(reENMDY, func(m []string) string { return isoDate(m[3], monthsEN[strings.ToLower(m[1])], atoi(m[2])) })
	try(reENDMY, func(m []string) string { return isoDate(m[3], monthsEN[strings.ToLower(m[2])], atoi(m[1])) })
	try(reENMY, func(m []string) string { return isoDate(m[2], monthsEN[strings.ToLower(m[1])], 0) })
	try(reNumeric, func(m []string) string { return isoDate(m[3], atoi(m[2]), atoi(m[1])) })
	if !ok {
		return "", 0, 0, false
	}
	return iso, start, end, true
}

// hasYear reports whether s holds four ASCII digits in a row.
func hasYear(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			if run++; run == 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0
	}
	return n
}

// isoDate writes year, month (0 if unknown) and day (0 if unknown) as an
// ISO date, or returns "" when they do not make a plausible date: a year
// from 1000 to 2100 (beyond it, a number that follows a month's name:
// "Dec 26, 2922" in a changelog made a corpus run to the year 2922).
func isoDate(year string, month, day int) string {
	y := atoi(year)
	if y < 1000 || y > 2100 || month < 0 || month > 12 || day < 0 || day > 31 || (month == 0 && day != 0) {
		return ""
	}
	if month == 0 {
		return year
	}
	if day > daysIn(y, month) {
		return ""
	}
	d := year + "-" + two(month)
	if day > 0 {
		d += "-" + two(day)
	}
	return d
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func two(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// reDateMarker matches a date marker at the start of a line: "date",
// "Date :", "Publié le", "Mis à jour le", "Published on", ...
var reDateMarker = regexp.MustCompile(`(?i)^(?:date|dat[ée]|publi[ée]e?(?:\s+le)?|mis\s+à\s+jour\s+le|mise\s+à\s+jour|modifi[ée]e?\s+le|cr[ée]{2}\s+le|published(?:\s+on)?|posted(?:\s+on)?|updated(?:\s+on)?|last\s+updated)\s*:?\s*`)

// dateMarker reports whether s starts with a date marker followed by a
// date, and returns the date and the length of marker plus date.
func dateMarker(s string) (iso string, n int, ok bool) {
	loc := reDateMarker.FindStringIndex(s)
	if loc == nil {
		return "", 0, false
	}
	rest := s[loc[1]:]
	iso, start, end, ok := findDate(rest)
	if !ok || start != 0 {
		return "", 0, false
	}
	return iso, loc[1] + end, true
}
