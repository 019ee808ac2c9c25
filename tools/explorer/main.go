// Command explorer builds, inspects, searches and summarises a corpus from
// a terminal, and serves the explorer page.
//
// Usage:
//
//	explorer COMMAND [flags]
//
// Every command takes -corpus DIR (default "corpus"); the commands that
// query a corpus also take -index FILE to use an index written by build
// instead of reading the corpus again. Run `explorer help` for the list of
// commands, and `explorer COMMAND -h` for a command's flags.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
)

// command is one subcommand of the tool.
type command struct {
	summary string
	run     func(args []string, stdout, stderr io.Writer) error
}

func commands() map[string]command {
	return map[string]command{
		"build":     {"build the index: build [-corpus DIR] -o FILE", runBuild},
		"inspect":   {"print documents as JSON lines: inspect [-corpus DIR] [-id ID]", runInspect},
		"repair":    {"repair mojibake: text on stdin, repaired text on stdout", runRepair},
		"segment":   {"split into sentences: text on stdin, one sentence a line: segment [-lang fr]", runSegment},
		"search":    {"search: search -q QUERY [-n 10] [-offset 0] [-sort relevance|date] [-explain]", runSearch},
		"summarize": {"summarise: summarize -id ID [-n 3 | -words 60] | -q QUERY [-n 5] | -all [-n 3]", runSummarize},
		"overview":  {"the corpus overview as JSON", runOverview},
		"related":   {"related documents: related -id ID [-n 5]", runRelated},
		"explore":   {"corpus analyses as JSON: explore kwic|trend|collocates|keyness|phrases|network|timeline|figures [flags]", runExplore},
		"dist":      {"write a deployable copy of the site: dist [-site build/site] [-o dist] [-origins 'https://a …']", runDist},
		"serve":     {"serve a folder over HTTP on 127.0.0.1: serve [-dir build/site] [-csp] [-cors]; port from PORT (8080)", runServe},
	}
}

// errUsage marks errors whose message is a usage line.
var errUsage = errors.New("usage")

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	cmds := commands()
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stderr, cmds)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	c, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "explorer: unknown command %q\n", args[0])
		usage(stderr, cmds)
		return 2
	}
	if err := c.run(args[1:], stdout, stderr); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		fmt.Fprintf(stderr, "explorer %s: %v\n", args[0], err)
		if errors.Is(err, errUsage) {
			return 2
		}
		return 1
	}
	return 0
}

func usage(w io.Writer, cmds map[string]command) {
	fmt.Fprintln(w, "usage: explorer COMMAND [flags]\n\ncommands:")
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, cmds[n].summary)
	}
}

// newFlags returns a flag set for a command that reports errors as values.
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("explorer "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}
