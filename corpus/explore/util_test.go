package explore_test

import u16 "unicode/utf16"

func utf16(s string) []uint16 { return u16.Encode([]rune(s)) }

func runesOf(u []uint16) []rune { return u16.Decode(u) }
