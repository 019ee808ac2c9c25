package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

// meter shows a build's progress: on a terminal, one line rewritten in
// place (stage, files, megabytes, speed, time left); elsewhere, a line
// when each stage ends. A nil meter shows nothing.
type meter struct {
	w    io.Writer
	live bool

	mu            sync.Mutex // guards the stage and the line
	stage         string
	files         int
	bytes         int64
	began         time.Time
	stop          chan struct{}
	stopped       chan struct{}
	doneF, doneMB atomic.Int64 // files and bytes done in the stage
}

// newMeter returns the meter for mode: "auto" (live if w is a terminal),
// "live", "lines" or "none" (nil).
func newMeter(w io.Writer, mode string) (*meter, error) {
	switch mode {
	case "none":
		return nil, nil
	case "lines":
		return &meter{w: w}, nil
	case "live":
		return &meter{w: w, live: true}, nil
	case "auto":
		return &meter{w: w, live: isTerminal(w)}, nil
	}
	return nil, fmt.Errorf("-progress %q: want auto, live, lines or none", mode)
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// start begins a stage over files and bytes (0 if unknown).
func (m *meter) start(stage string, files int, bytes int64) {
	if m == nil {
		return
	}
	m.mu.Lock()
	m.stage, m.files, m.bytes, m.began = stage, files, bytes, time.Now()
	m.doneF.Store(0)
	m.doneMB.Store(0)
	m.mu.Unlock()
	if m.live {
		m.stop, m.stopped = make(chan struct{}), make(chan struct{})
		go m.run(m.stop, m.stopped)
	}
}

// add counts files and bytes done in the stage; safe on any goroutine.
func (m *meter) add(files int, bytes int64) {
	if m == nil {
		return
	}
	m.doneF.Add(int64(files))
	m.doneMB.Add(bytes)
}

// run rewrites the live line four times a second until stop closes.
func (m *meter) run(stop, stopped chan struct{}) {
	defer close(stopped)
	t := time.NewTicker(250 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			m.mu.Lock()
			fmt.Fprintf(m.w, "\r\x1b[K%s", m.line(false))
			m.mu.Unlock()
		}
	}
}

// line describes the stage so far, or done.
func (m *meter) line(done bool) string {
	el := time.Since(m.began)
	f, b := int(m.doneF.Load()), m.doneMB.Load()
	if done || f == 0 {
		// Done, or a stage that does not count its files: the totals.
		s := fmt.Sprintf("%s: %d files, %.2f MB, %s", m.stage, m.files, float64(m.bytes)/1e6, round(el))
		if done && el > 0 && m.bytes > 0 {
			s += fmt.Sprintf(", %.2f MB/s", float64(m.bytes)/1e6/el.Seconds())
		}
		return s
	}
	s := fmt.Sprintf("%s: %d/%d files, %.1f/%.1f MB, %s", m.stage, f, m.files, float64(b)/1e6, float64(m.bytes)/1e6, round(el))
	if b > 0 {
		s += fmt.Sprintf(", %.2f MB/s", float64(b)/1e6/el.Seconds())
		if b < m.bytes {
			left := time.Duration(float64(m.bytes-b) / float64(b) * float64(el))
			s += ", about " + left.Round(time.Second).String() + " left"
		}
	}
	return s
}

// done ends the stage, with extra said after it.
func (m *meter) done(extra string) {
	if m == nil {
		return
	}
	if m.live && m.stop != nil {
		close(m.stop)
		<-m.stopped
		m.stop = nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	s := m.line(true)
	if extra != "" {
		s += " (" + extra + ")"
	}
	if m.live {
		fmt.Fprintf(m.w, "\r\x1b[K%s\n", s)
	} else {
		fmt.Fprintf(m.w, "%s\n", s)
	}
}

// note says something between stages.
func (m *meter) note(s string) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	fmt.Fprintln(m.w, s)
}
